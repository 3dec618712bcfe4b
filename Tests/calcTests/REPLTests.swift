// REPLTests — the REPL end to end, in a real terminal: the built `calc` runs
// inside tmux (send-keys types, capture-pane reads the screen). Each test
// gets its own tmux server (a private socket) and a temporary HOME, so
// nothing touches the user's tmux or history. Screens are polled with a
// timeout, never read after fixed sleeps. Skipped when tmux is missing.
//
// Also unit tests of the completion rules and history entries, which need
// no terminal.

import Testing
import Foundation
@testable import calc

// MARK: - tmux driver

fileprivate enum Tmux {
    /// The tmux executable, if installed.
    static let path: String? = {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/local/bin", "/bin"]
        for dir in dirs {
            let p = dir + "/tmux"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }()
    static var available: Bool { path != nil }
}

/// `calc` running in a tmux pane of a private tmux server.
fileprivate final class TerminalSession {
    /// The temporary HOME (and working directory).
    let home: URL
    let socket: String
    let name = "calc"
    private var closed = false

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `calc ARGUMENTS` (or a whole shell `script` that may use $CALC).
    /// `environment`: variables for calc; nil values are unset. HOME defaults
    /// to the temporary directory, TERM to xterm; XDG_STATE_HOME and NO_COLOR
    /// are unset unless given; the locale is C.UTF-8 (English). After calc
    /// ends the pane shows `[exit N]`.
    init(arguments: [String] = [], script: String? = nil, width: Int = 100, height: Int = 30,
         environment: [String: String?] = [:], home: URL? = nil,
         prepare: (URL) throws -> Void = { _ in }) throws {
        self.home = try home ?? TerminalSession.makeHome()
        socket = "/tmp/calc-tmux-\(UUID().uuidString.prefix(12)).sock"
        try prepare(self.home)

        // English unless a test asks otherwise, whatever the machine's locale
        var env: [String: String?] = ["HOME": self.home.path, "TERM": "xterm", "XDG_STATE_HOME": nil, "NO_COLOR": nil,
                                      "CALC": CalcBinary.path, "LANG": "C.UTF-8", "LC_ALL": nil, "LC_MESSAGES": nil]
        for (k, v) in environment { env[k] = v }
        var assignments: [String] = []
        var unsets: [String] = []
        for (k, v) in env.sorted(by: { $0.key < $1.key }) {
            if let v { assignments.append("\(k)=\(TerminalSession.quote(v))") } else { unsets.append(k) }
        }
        let command = script ?? "\"$CALC\" " + arguments.map(TerminalSession.quote).joined(separator: " ")
        let shell = "cd \(TerminalSession.quote(self.home.path)) && "
            + "export \(assignments.joined(separator: " ")) && "
            + (unsets.isEmpty ? "" : "unset \(unsets.joined(separator: " ")); ")
            // Ctrl-C reaches the whole process group: without the trap the shell
            // would die after calc ends (an interactive shell puts calc in its own group)
            + "trap : INT; { \(command); echo \"[exit $?]\"; } ; sleep 3600"
        let r = try TerminalSession.tmux(socket, ["-f", "/dev/null", "new-session", "-d", "-s", name,
                                                  "-x", "\(width)", "-y", "\(height)", "/bin/sh", "-c", shell])
        if r.status != 0 { throw Failure(description: "tmux new-session failed: \(r.output)") }
    }

    deinit { close() }

    /// A new empty temporary directory to serve as HOME.
    static func makeHome() throws -> URL {
        let home = URL(fileURLWithPath: "/tmp/calc-repl-\(UUID().uuidString.prefix(12))")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return home
    }

    func close() {
        if closed { return }
        closed = true
        _ = try? TerminalSession.tmux(socket, ["kill-server"])
        // make sure the server has ended (no tmux servers left behind)
        let deadline = Date().addingTimeInterval(5)
        var alive = true
        while alive && Date() < deadline {
            alive = (try? TerminalSession.tmux(socket, ["list-sessions"]).status) == 0
            if alive { usleep(20_000) }
        }
        if alive { Issue.record("the tmux server on \(socket) did not end") }
        try? FileManager.default.removeItem(atPath: socket)
    }

    /// Removes the temporary HOME too.
    func closeAndClean() {
        close()
        try? FileManager.default.removeItem(at: home)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs tmux and waits for it. posix_spawn, not Foundation's Process: the
    /// server that `new-session` forks would inherit the descriptors Process
    /// watches to see its child end (and any other open descriptor of this
    /// test process), so the child closes every descriptor above stderr.
    @discardableResult
    static func tmux(_ socket: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        var env = ProcessInfo.processInfo.environment
        env["TMUX"] = nil
        env["TMUX_PANE"] = nil
        if env["LANG"] == nil && env["LC_ALL"] == nil && env["LC_CTYPE"] == nil { env["LANG"] = "C.UTF-8" }
        let outPath = "/tmp/calc-tmux-out-\(UUID().uuidString)"
        defer { unlink(outPath) }
        let argv = ([Tmux.path!, "-u", "-S", socket] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        if let closeFrom { _ = closeFrom(&actions, 3) }
        // a clean signal state: the calling thread (a test worker) blocks most
        // signals, and a tmux server that inherited that mask would never see
        // SIGCHLD or SIGTERM, so `kill-server` would leave it running
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let rc = posix_spawn(&pid, Tmux.path!, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw Failure(description: "cannot run tmux: \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let data = FileManager.default.contents(atPath: outPath) ?? Data()
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), String(decoding: data, as: UTF8.self))
    }

    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34+), not in Swift's Glibc module.
    static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// Sends keys by tmux name (`Enter`, `Tab`, `Up`, `C-c`, `C-d`).
    func keys(_ names: String...) throws {
        try TerminalSession.tmux(socket, ["send-keys", "-t", name] + names)
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try TerminalSession.tmux(socket, ["send-keys", "-t", name, "-l", text])
    }

    /// Types a line and presses Enter.
    func enter(_ text: String) throws {
        try type(text)
        try keys("Enter")
    }

    /// Pastes text as a terminal paste (bracketed when the program asked for it).
    func paste(_ text: String) throws {
        let file = home.appendingPathComponent("paste-\(UUID().uuidString.prefix(8)).txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try TerminalSession.tmux(socket, ["load-buffer", "-b", "p", file.path])
        try TerminalSession.tmux(socket, ["paste-buffer", "-p", "-d", "-b", "p", "-t", name])
    }

    /// The screen, trailing blank lines removed (`escapes`: with colour codes).
    func screen(escapes: Bool = false) -> String {
        let r = try? TerminalSession.tmux(socket, ["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))
        var lines = (r?.output ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The last non-blank line of the screen (where the cursor usually is).
    var lastLine: String { screen().split(separator: "\n").last.map(String.init) ?? "" }

    /// Polls the screen until `condition` holds; records a failure with the screen on timeout.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 20, escapes: Bool = false,
                 sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var s = screen(escapes: escapes)
        while !condition(s) {
            if Date() > deadline {
                Issue.record("timed out waiting for \(what); screen:\n\(s)", sourceLocation: sourceLocation)
                return s
            }
            usleep(30_000)
            s = screen(escapes: escapes)
        }
        return s
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        waitFor("`\(text)`", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Waits until the last line is exactly `line` (a prompt, an edited line).
    @discardableResult
    func waitForLastLine(_ line: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        waitFor("last line `\(line)`", timeout: timeout, sourceLocation: sourceLocation) {
            ($0.split(separator: "\n").last.map(String.init) ?? "").trimmingTrailingSpaces() == line
        }
    }

    /// Waits for the `> ` prompt on an empty line.
    func waitForPrompt(sourceLocation: SourceLocation = #_sourceLocation) {
        waitForLastLine(">", sourceLocation: sourceLocation)
    }

    /// Waits until calc has exited; returns its exit status.
    func waitForExit(timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation) -> Int? {
        let s = waitFor("calc to exit", timeout: timeout, sourceLocation: sourceLocation) { $0.contains("[exit ") }
        guard let r = s.range(of: "[exit ") else { return nil }
        return Int(s[r.upperBound...].prefix { $0.isNumber })
    }

    /// The history file under the temporary HOME (default location).
    var historyFile: URL { home.appendingPathComponent(".local/state/calc/history") }

    func historyLines(_ file: URL? = nil) -> [String]? {
        guard let text = try? String(contentsOf: file ?? historyFile, encoding: .utf8) else { return nil }
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}

fileprivate extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    /// Lines of the screen that are exactly `line`.
    func count(line: String) -> Int {
        split(separator: "\n").filter { String($0).trimmingTrailingSpaces() == line }.count
    }

    func occurrences(of text: String) -> Int {
        components(separatedBy: text).count - 1
    }
}

/// A user function that takes about 2^depth calls: long enough to interrupt, one line to type.
fileprivate func slowFunctions(depth: Int) -> String {
    (["w0(x) = x"] + (1...depth).map { "w\($0)(x) = w\($0 - 1)(x) + w\($0 - 1)(x)" }).joined(separator: "; ")
}

// MARK: - end to end

/// Both suites live under `REPLTests`, so `swift test --filter REPLTests` runs them.
@Suite("REPL")
struct REPLTests {}

extension REPLTests {
    @Suite("in a terminal", .serialized, .enabled(if: Tmux.available, "tmux is not installed"))
    struct Terminal {
        @Test("evaluates, defines, keeps going after errors; the banner names the version and :help")
        func evaluation() throws {
            let t = try TerminalSession()
            defer { t.closeAndClean() }
            t.waitFor(":help")
            #expect(t.screen().contains("calc \(calcVersion)"))
            t.waitForPrompt()
            try t.enter("1+1")
            t.waitFor("> 1+1\n2")
            try t.enter("f(x) = x^2 + 1")
            t.waitFor("f(x) = x^2 + 1\n>")
            try t.enter("ln(-1)")
            t.waitFor("error:")
            try t.enter("f(3)")
            t.waitFor("> f(3)\n10")
            try t.enter(":quit")
            #expect(t.waitForExit() == 0)
        }

        @Test("--quiet hides the banner")
        func quiet() throws {
            let t = try TerminalSession(arguments: ["--quiet"])
            defer { t.closeAndClean() }
            t.waitForPrompt()
            #expect(t.screen() == ">")
        }

        @Test("Up recalls earlier lines within a session")
        func historyWithinSession() throws {
            let t = try TerminalSession()
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.enter("6*7")
            t.waitFor("42")
            try t.enter("2^10")
            t.waitFor("1024")
            t.waitForPrompt()
            try t.keys("Up")
            t.waitForLastLine("> 2^10")
            try t.keys("Up")
            t.waitForLastLine("> 6*7")
            try t.keys("Enter")
            t.waitFor("> 6*7\n42\n> 2^10\n1024\n> 6*7\n42")
        }

        @Test("history is kept across sessions: the file holds each entry once, a multi-line statement as one line")
        func historyAcrossSessions() throws {
            let first = try TerminalSession()
            defer { first.closeAndClean() }
            first.waitForPrompt()
            try first.enter("6*7")
            first.waitFor("42")
            try first.enter("6*7")                      // a consecutive duplicate: stored once
            first.waitFor("42\n> 6*7\n42")
            try first.enter("g(a,")
            first.waitForLastLine("…")
            try first.enter("  b) = a*b   # product")
            first.waitFor("g(a, b) = a*b")
            try first.enter("2^10")
            first.waitFor("1024")
            // written as entered: the file is complete while the session still runs
            #expect(first.historyLines() == ["6*7", "g(a, b) = a*b   # product", "2^10"])
            first.waitForPrompt()
            try first.keys("C-d")
            #expect(first.waitForExit() == 0)

            let second = try TerminalSession(home: first.home)
            defer { second.close() }
            second.waitForPrompt()
            try second.keys("Up")
            second.waitForLastLine("> 2^10")
            try second.keys("Up")
            second.waitForLastLine("> g(a, b) = a*b   # product")
            try second.keys("Enter")
            second.waitFor("g(a, b) = a*b\n>")
            try second.enter("g(6, 7)")
            second.waitFor("> g(6, 7)\n42")
            #expect(second.historyLines() == ["6*7", "g(a, b) = a*b   # product", "2^10", "g(a, b) = a*b   # product", "g(6, 7)"])
        }

        @Test("XDG_STATE_HOME moves the history file")
        func xdgStateHome() throws {
            let home = try TerminalSession.makeHome()
            let u = try TerminalSession(environment: ["XDG_STATE_HOME": home.path + "/state"], home: home)
            defer { u.closeAndClean() }
            u.waitForPrompt()
            try u.enter("3+4")
            u.waitFor("7")
            #expect(u.historyLines(u.home.appendingPathComponent("state/calc/history")) == ["3+4"])
            #expect(!FileManager.default.fileExists(atPath: u.historyFile.path))
        }

        @Test("the history file keeps the last 1,000 entries")
        func historyBounded() throws {
            let t = try TerminalSession { home in
                let dir = home.appendingPathComponent(".local/state/calc")
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                let lines = (1...1_005).map { "k = \($0)" }.joined(separator: "\n") + "\n"
                try lines.write(to: dir.appendingPathComponent("history"), atomically: true, encoding: .utf8)
            }
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.keys("Up")
            t.waitForLastLine("> k = 1005")
            try t.keys("C-u")
            t.waitForPrompt()
            try t.enter("1+2")
            t.waitFor("3")
            t.waitForPrompt()
            let lines = t.historyLines() ?? []
            #expect(lines.count == 1_000)
            #expect(lines.first == "k = 7")
            #expect(lines.last == "1+2")
        }

        @Test("Tab completes a built-in: sigm → sigmoid(")
        func completeBuiltin() throws {
            let t = try TerminalSession()
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.type("sigm")
            t.waitForLastLine("> sigm")
            try t.keys("Tab")
            t.waitForLastLine("> sigmoid(")
            try t.enter("0)")
            t.waitFor("> sigmoid(0)\n0.5")
            // inside a call too
            try t.type("2*sigm")
            t.waitForLastLine("> 2*sigm")
            try t.keys("Tab")
            t.waitForLastLine("> 2*sigmoid(")
        }

        @Test("a ( typed right after Tab's sigmoid( is skipped; one typed later is not")
        func completeThenParenthesis() throws {
            let t = try TerminalSession()
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.type("sigm")
            t.waitForLastLine("> sigm")
            try t.keys("Tab")
            t.waitForLastLine("> sigmoid(")
            try t.type("(")
            try t.type("0")
            t.waitForLastLine("> sigmoid(0")
            try t.enter(")")
            t.waitFor("> sigmoid(0)\n0.5")
            // a `(` after anything but the completion is typed as usual
            try t.type("sigm")
            t.waitForLastLine("> sigm")
            try t.keys("Tab")
            t.waitForLastLine("> sigmoid(")
            try t.type("x")
            try t.type("*(")
            t.waitForLastLine("> sigmoid(x*(")
            try t.keys("C-u")
            // the user's own function too, and a `(` typed without Tab
            try t.enter("loss(w) = (w - 3)^2")
            t.waitFor("loss(w) =")
            try t.type("los")
            t.waitForLastLine("> los")
            try t.keys("Tab")
            t.waitForLastLine("> loss(")
            try t.type("(1)")
            t.waitForLastLine("> loss(1)")
            try t.enter(" + ((1))")
            t.waitFor("> loss(1) + ((1))\n5")
        }

        @Test("help, quit and exit without the colon work at the prompt")
        func bareMetaWords() throws {
            let t = try TerminalSession()
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.enter("help")
            t.waitFor(":help explain, :help plot")
            t.waitForPrompt()
            try t.enter("exit")
            #expect(t.waitForExit() == 0)
        }

        @Test("Tab completes the user's functions with ( and variables without; double Tab lists candidates")
        func completeUserNames() throws {
            let t = try TerminalSession()
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.enter("loss(w) = (w - 3)^2")
            t.waitFor("loss(w) =")
            try t.enter("learning = 5")
            t.waitFor("learning = 5")
            t.waitForPrompt()
            try t.type("los")
            t.waitForLastLine("> los")
            try t.keys("Tab")
            t.waitForLastLine("> loss(")
            try t.type("learn")
            t.waitForLastLine("> loss(learn")
            try t.keys("Tab")
            t.waitForLastLine("> loss(learning")
            try t.enter(")")
            t.waitFor("> loss(learning)\n4")
            // two Tabs list the candidates
            t.waitForPrompt()
            try t.type("si")
            t.waitForLastLine("> si")
            try t.keys("Tab")
            try t.keys("Tab")
            let s = t.waitFor("a list of candidates") { $0.contains("sinh") && $0.contains("sigmoid") && $0.contains("sign") }
            #expect(s.hasSuffix("> si"))
        }

        @Test("Tab completes meta commands after : and option words inside minimize")
        func completeCommandsAndOptions() throws {
            let t = try TerminalSession()
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.type(":he")
            try t.keys("Tab")
            t.waitForLastLine("> :help")
            try t.type("deriv")
            try t.keys("Tab")
            t.waitForLastLine("> :help derivatives")
            try t.keys("C-u")
            t.waitForPrompt()
            try t.type("minimi")
            try t.keys("Tab")
            t.waitForLastLine("> minimize")
            try t.type("f from (1, 2) ra")
            try t.keys("Tab")
            t.waitForLastLine("> minimize f from (1, 2) rate")
            try t.type("0.1 method ad")
            try t.keys("Tab")
            t.waitForLastLine("> minimize f from (1, 2) rate 0.1 method adam")
        }

        @Test("continuation lines while brackets are open or a line ends in an operator")
        func continuation() throws {
            let t = try TerminalSession()
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.enter("(1 +")
            t.waitForLastLine("…")
            try t.enter("2) * 3")
            t.waitFor("> (1 +\n… 2) * 3\n9")
            try t.enter("h(x, y) = x *")
            t.waitForLastLine("…")
            try t.enter("y")
            t.waitFor("h(x, y) = x*y")
            try t.enter("h(2,")
            t.waitForLastLine("…")
            try t.enter("")
            t.waitForLastLine("…")
            try t.enter("5)")
            t.waitFor("\n10\n>")
        }

        @Test("Ctrl-C on a line clears it; on a continuation line it abandons the statement")
        func interruptLine() throws {
            let t = try TerminalSession()
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.type("12345")
            t.waitForLastLine("> 12345")
            try t.keys("C-c")
            t.waitForPrompt()
            try t.enter("1+1")
            t.waitFor("\n2\n>")
            #expect(!t.screen().contains("\n12345\n"))        // never ran
            try t.enter("(100 +")
            t.waitForLastLine("…")
            try t.type("200")
            t.waitForLastLine("… 200")
            try t.keys("C-c")
            t.waitForPrompt()
            try t.enter("7")
            t.waitFor("\n7\n>")
            #expect(!t.screen().contains("300"))
            #expect(!t.screen().contains("error"))
            // nothing interrupted reached the history
            #expect(t.historyLines() == ["1+1", "7"])
            try t.keys("C-d")
            #expect(t.waitForExit() == 0)
        }

        @Test("Ctrl-C during a long computation stops it; variables, functions and history survive")
        func interruptComputation() throws {
            let t = try TerminalSession()
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.enter("keep = 41")
            t.waitFor("keep = 41")
            try t.enter(slowFunctions(depth: 30))        // w30(1) would take 2^30 calls
            t.waitFor("w30(x) =")
            t.waitForPrompt()
            try t.enter("w30(1)")
            t.waitForLastLine("> w30(1)")
            usleep(500_000)
            #expect(!t.screen().hasSuffix("\n>"))          // still computing
            try t.keys("C-c")
            let s = t.waitFor("interrupted", timeout: 10)
            #expect(s.contains("^C\n"))                      // the report starts on its own line
            t.waitForPrompt()
            try t.enter("keep + 1")
            t.waitFor("> keep + 1\n42")
            try t.enter("w3(2)")
            t.waitFor("> w3(2)\n16")
            try t.keys("Up", "Up", "Up")
            t.waitForLastLine("> w30(1)")
            try t.keys("C-u")
            try t.keys("C-d")
            #expect(t.waitForExit() == 0)
            #expect(t.historyLines()?.contains("w30(1)") == true)
        }

        @Test("Ctrl-C during a long minimize reports where it stopped; the session goes on")
        func interruptMinimize() throws {
            let t = try TerminalSession()
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.enter("f(x, y) = (1 - x)^2 + 100*(y - x^2)^2")
            t.waitFor("f(x, y) =")
            t.waitForPrompt()
            // tol 0: never converges, so 10^8 steps (minutes) unless interrupted
            let command = "minimize f from (-1.2, 1) rate 0.0001 steps 100000000 tol 0"
            try t.enter(command)
            t.waitForLastLine("> " + command)
            usleep(700_000)
            #expect(!t.screen().hasSuffix("\n>"))         // still running (it may show progress)
            try t.keys("C-c")
            let s = t.waitFor("interrupted", timeout: 10)
            #expect(s.contains("^C\n"))
            t.waitForPrompt()
            try t.enter("f(1, 1)")
            t.waitFor("> f(1, 1)\n0")
            try t.keys("Up", "Up")
            t.waitForLastLine("> " + command)
        }

        @Test("Ctrl-D on an empty line exits 0; inside an open statement it reports what is missing")
        func endOfInput() throws {
            let t = try TerminalSession()
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.enter("(1 +")
            t.waitForLastLine("…")
            try t.keys("C-d")
            t.waitFor("error")
            t.waitForPrompt()
            try t.type("abc")
            t.waitForLastLine("> abc")
            try t.keys("C-d")                               // not empty: no exit
            usleep(300_000)
            #expect(!t.screen().contains("[exit"))
            try t.keys("C-u")
            t.waitForPrompt()
            try t.keys("C-d")
            #expect(t.waitForExit() == 0)
        }

        @Test("calc -i FILE loads the file, then stays interactive")
        func interactiveFile() throws {
            let t = try TerminalSession(arguments: ["-i", "lib.calc"]) { home in
                try "a = 4\nsq(x) = x^2\n".write(to: home.appendingPathComponent("lib.calc"), atomically: true, encoding: .utf8)
            }
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.enter("sq(a)")
            t.waitFor("> sq(a)\n16")
        }

        @Test("calc -i FILE with stdin not a terminal: the input runs as a program, no prompt")
        func interactiveFileNotTerminal() throws {
            let dir = try TerminalSession.makeHome()
            defer { try? FileManager.default.removeItem(at: dir) }
            let lib = dir.appendingPathComponent("lib.calc")
            try "a = 4\n".write(to: lib, atomically: true, encoding: .utf8)
            let r = try CalcBinary.run(["-i", lib.path], stdin: "a*2\n", environment: ["HOME": dir.path])
            #expect(r.stdout == "a = 4\n8\n")
            #expect(r.stderr == "")
            #expect(r.status == 0)
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".local").path))  // no history
        }

        @Test("piped stdin: results only, no prompt, no banner, even with the terminal on stdout")
        func pipedStdin() throws {
            let t = try TerminalSession(script: "printf '1+1\\nx = 3\\nx*x\\n' | \"$CALC\"")
            defer { t.closeAndClean() }
            #expect(t.waitForExit() == 0)
            #expect(t.screen().hasPrefix("2\nx = 3\n9\n[exit 0]"))
            #expect(!t.screen().contains(">"))
            #expect(!t.screen().contains("calc "))
        }

        @Test("errors are coloured on a terminal, plain with NO_COLOR or --no-color",
              arguments: [("colour", [], [:]), ("NO_COLOR", [], ["NO_COLOR": "1"]), ("--no-color", ["--no-color"], [:])]
                  as [(String, [String], [String: String?])])
        func colour(_ name: String, _ arguments: [String], _ environment: [String: String?]) throws {
            let t = try TerminalSession(arguments: arguments, environment: environment)
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.enter("ln(-1)")
            t.waitFor("error")
            t.waitForPrompt()
            #expect(t.screen(escapes: true).contains("\u{1B}[") == (name == "colour"))
        }

        @Test("a killed session loses no history")
        func killedSession() throws {
            let t = try TerminalSession()
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.enter("a = 1")
            t.waitFor("a = 1\n>")
            try t.enter(slowFunctions(depth: 30))
            t.waitFor("w30(x) =")
            t.waitForPrompt()
            try t.enter("w30(a)")
            t.waitForLastLine("> w30(a)")
            t.close()                                   // SIGHUP to calc mid-computation
            #expect(t.historyLines()?.first == "a = 1")
            #expect(t.historyLines()?.last == "w30(a)")
        }

        // MARK: bad cases

        @Test("an unwritable history directory: one warning, the session works")
        func unwritableHistory() throws {
            // `calc` under state/ is a file, so the directory cannot be made (even as root)
            let t = try TerminalSession { home in
                let state = home.appendingPathComponent(".local/state")
                try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
                try "".write(to: state.appendingPathComponent("calc"), atomically: true, encoding: .utf8)
            }
            defer { t.closeAndClean() }
            t.waitForPrompt()
            for k in 1...3 {
                try t.enter("\(k) * 100")
                t.waitFor("\n\(k)00\n>")
            }
            try t.keys("Up")
            t.waitForLastLine("> 3 * 100")                  // history still works in memory
            try t.keys("C-u")
            try t.keys("C-d")
            #expect(t.waitForExit() == 0)
            let s = t.screen()
            #expect(s.occurrences(of: "warning") == 1)
            #expect(s.contains("history"))
        }

        @Test("a history file that is a directory: one warning, the session works")
        func historyIsDirectory() throws {
            let t = try TerminalSession { home in
                try FileManager.default.createDirectory(at: home.appendingPathComponent(".local/state/calc/history"),
                                                        withIntermediateDirectories: true)
            }
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.enter("5+5")
            t.waitFor("\n10\n>")
            try t.enter("6+6")
            t.waitFor("\n12\n>")
            #expect(t.screen().occurrences(of: "warning") == 1)
        }

        @Test("a 10,000-character line")
        func longLine() throws {
            let t = try TerminalSession()
            defer { t.closeAndClean() }
            t.waitForPrompt()
            let line = "1" + String(repeating: "+1", count: 4_999) + " "
            #expect(line.count == 10_000)
            try t.type(line)
            try t.keys("Enter")
            t.waitFor("\n5000\n", timeout: 60)
            t.waitForPrompt()
            try t.enter("2+2")
            t.waitFor("\n4\n>")
            #expect(t.historyLines()?.first?.count == 9_999)   // trailing space trimmed
        }

        @Test("pasting a 200-line program at once (bracketed paste and typed ahead)")
        func paste() throws {
            var program: [String] = []
            for i in 1...200 {
                if i == 1 { program.append("v1 = 1") }
                else if i % 50 == 0 { program += ["v\(i) = (v\(i - 1) +", "  \(i))"] }   // some statements span two lines
                else { program.append("v\(i) = v\(i - 1) + \(i)") }
            }
            let text = program.joined(separator: "\n") + "\n"
            let t = try TerminalSession()
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.paste(text)
            try t.keys("Enter")                         // a bracketed paste waits for Enter
            t.waitFor("v200 = 20100")
            t.waitForPrompt()
            try t.enter(":clear")
            t.waitForPrompt()
            try t.type(text)                            // as if typed very fast
            t.waitFor("v200 = 20100\n>", timeout: 60)
            try t.enter("v100 + v200")
            t.waitFor("\n25150\n>")
            try t.keys("C-d")
            #expect(t.waitForExit() == 0)
        }

        @Test("a terminal 20 columns wide")
        func narrowTerminal() throws {
            let t = try TerminalSession(width: 20, height: 30)
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.enter("longname = 123456789")
            t.waitFor("123456789\n>")
            try t.type("longname * 1000 + longname * 1000 + lon")
            try t.keys("Tab")
            try t.keys("Enter")
            t.waitFor("\n247037034789\n")
            try t.enter("(1 +")
            t.waitForLastLine("…")
            try t.enter("2)")
            t.waitFor("\n3\n>")
            try t.keys("C-d")
            #expect(t.waitForExit() == 0)
        }

        @Test("TERM unset or dumb: plain prompts, everything still works", arguments: [nil, "dumb"] as [String?])
        func dumbTerminal(term: String?) throws {
            let t = try TerminalSession(environment: ["TERM": term])
            defer { t.closeAndClean() }
            t.waitForPrompt()
            try t.enter("3*3")
            t.waitFor("\n9\n>")
            try t.enter("(2 +")
            t.waitForLastLine(".")
            try t.enter("3)")
            t.waitFor("\n5\n>")
            try t.type("999")
            t.waitFor("999")
            try t.keys("C-c")
            t.waitForPrompt()
            try t.enter("ln(-1)")
            t.waitFor("error")
            t.waitForPrompt()
            if term == "dumb" { #expect(!t.screen(escapes: true).contains("\u{1B}[1;31m")) }   // no colour on a dumb terminal
            try t.keys("C-d")
            #expect(t.waitForExit() == 0)
        }
    }

    // MARK: - completion rules and history entries (no terminal)

    @Suite("completion and history rules")
    struct Rules {
        func complete(_ word: String, after before: String = "", pending: String = "",
                      names: [String] = [], functions: Set<String> = []) -> [String] {
            switch Completion.candidates(word: word, before: before, pending: pending, userNames: names, userFunctions: functions) {
            case .fileNames: return ["<files>"]
            case .candidates(let c): return c.map { $0.text + $0.suffix }
            }
        }

        @Test("built-ins complete with (")
        func builtins() {
            #expect(complete("sigm") == ["sigmoid("])
            #expect(complete("sigm", after: "2*(") == ["sigmoid("])
            #expect(complete("ata").contains("atan2("))
        }

        @Test("user functions get (, variables nothing, commands a space at the start only")
        func userNames() {
            #expect(complete("los", names: ["loss", "lr"], functions: ["loss"]) == ["loss("])
            #expect(complete("lo", names: ["loss", "lr"], functions: ["loss"]) == ["log(", "log10(", "log2(", "loss("])
            #expect(complete("l", names: ["loss", "lr"], functions: ["loss"]).contains("lr"))
            #expect(complete("mini") == ["minimize "])
            #expect(complete("mini", after: "2 + ") == [])
        }

        @Test("meta commands after :, their arguments")
        func meta() {
            #expect(complete(":he") == [":help "])
            #expect(complete(":") .count == 8)   // help vars clear load digits format lang quit
            #expect(complete("p", after: ":lang ") == ["pt"])
            #expect(complete("deri", after: ":help ") == ["derivatives"])
            #expect(complete("u", after: ":format ") == ["unicode"])
            #expect(complete("", after: ":clear ", names: ["a", "ans"]) == ["a "])
            #expect(complete("ex", after: ":load \"") == ["<files>"])
        }

        @Test("option words inside minimize, methods after method; also on a continuation line")
        func minimizeOptions() {
            #expect(complete("ra", after: "minimize f from (1, 2) ") == ["rate "])
            #expect(complete("ra", after: "minimize f from ") == ["random "])
            #expect(complete("st", after: "minimize f from (1, 2) rate 0.1 ") == ["step(", "steps "])
            #expect(complete("", after: "maximize g from (0, 0) rate 0.1 method ") == ["adam ", "gd ", "momentum ", "nesterov "])
            #expect(complete("mo", after: "steps 10 method ", pending: "minimize f from (1,") == ["momentum "])
            #expect(complete("ra") == [])
        }

        @Test("a multi-line statement is one history line; comments of inner lines are dropped")
        func historyEntry() {
            #expect(History.entry(for: ["g(a,", "  b) = a*b  "]) == "g(a, b) = a*b")
            #expect(History.entry(for: ["f(1, # first", "2) # done"]) == "f(1, 2) # done")
            #expect(History.entry(for: ["  1+1  "]) == "1+1")
        }

        @Test("history location: XDG_STATE_HOME, else HOME/.local/state")
        func historyPath() {
            #expect(History.defaultPath { ["XDG_STATE_HOME": "/s", "HOME": "/h"][$0] } == "/s/calc/history")
            #expect(History.defaultPath { ["XDG_STATE_HOME": "relative", "HOME": "/h/"][$0] } == "/h/.local/state/calc/history")
            #expect(History.defaultPath { ["HOME": "/h"][$0] } == "/h/.local/state/calc/history")
        }

        @Test("the in-memory history skips consecutive duplicates and keeps 1,000 entries")
        func historyMemory() {
            let h = History(path: nil) { _ in }
            #expect(h.add("a"))
            #expect(!h.add("a"))
            #expect(h.add("b"))
            #expect(h.add("a"))
            for k in 0..<1_200 { h.add("x\(k)") }
            #expect(h.entries.count == 1_000)
            #expect(h.entries.last == "x1199")
        }
    }
}

// MARK: - terminal safety

extension REPLTests {
    @Suite("control characters on a terminal", .serialized, .enabled(if: Tmux.available, "tmux is not installed"))
    struct ControlCharacters {
        @Test("ESC/OSC from a script's bad line, a :load path, a :help topic and a file name are shown escaped")
        func escapedOnATerminal() throws {
            let bad = "1 + \u{1B}]0;pwned\u{7}\u{1B}[2J\n"   // a syntax error: the script stops before running
            let meta = ":load \"no\u{1B}[2Jsuch.calc\"\n:help q\u{1B}[5mz\nplot x from 0 to 1 to \"a\u{1B}[8m.svg\"\n"
            let t = try TerminalSession(script: "\"$CALC\" bad.calc; \"$CALC\" --keep-going meta.calc", width: 120, height: 60) { home in
                try bad.write(to: home.appendingPathComponent("bad.calc"), atomically: true, encoding: .utf8)
                try meta.write(to: home.appendingPathComponent("meta.calc"), atomically: true, encoding: .utf8)
            }
            defer { t.closeAndClean() }
            #expect(t.waitForExit() == 1)
            let s = t.screen()
            #expect(s.contains("1 + \\u{1B}]0;pwned\\u{7}\\u{1B}[2J"))    // the source line, escaped
            #expect(s.contains("no\\u{1B}[2Jsuch.calc"))                   // the :load path
            #expect(s.contains("q\\u{1B}[5mz"))                            // the :help topic
            #expect(s.contains("wrote a\\u{1B}[8m.svg"))                   // a file name in a result
            #expect(FileManager.default.fileExists(atPath: t.home.appendingPathComponent("a\u{1B}[8m.svg").path))
            // calc's own colours are still there, the script's codes are not
            let raw = t.screen(escapes: true)
            #expect(raw.contains("\u{1B}[1m") || raw.contains("\u{1B}[31m") || raw.contains("\u{1B}[1;31m"))
            #expect(!raw.contains("\u{1B}[5m") && !raw.contains("\u{1B}[8m"))
        }
    }
}
