// CalcBinary — runs the built `calc` executable for end-to-end tests.
//
// The binary sits next to the test bundle in the build folder (whatever
// --scratch-path was used); CALC_BINARY overrides it.

import Foundation

enum CalcBinary {
    /// Path of the built `calc` executable.
    static let path: String = {
        if let p = ProcessInfo.processInfo.environment["CALC_BINARY"] { return p }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        // …/debug/calcPackageTests.xctest → …/debug/calc
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("calc").path
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/calc").path
    }()

    /// The repository root (for examples/ and fixtures).
    static let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Result {
        let stdout: String
        let stderr: String
        let status: Int32
    }

    /// Where calc's stdout goes.
    enum Stdout {
        /// A file, read back as `Result.stdout`.
        case captured
        /// A shell redirection of calc's stdout (`>/dev/full`, `>&-`), made by
        /// /bin/sh, which then execs calc; `Result.stdout` is empty.
        case shell(String)
        /// A pipe whose reading end is already closed (a reader that went away).
        case pipeWithoutReader
    }

    /// Runs calc with arguments and optional stdin (nil: stdin is /dev/null).
    /// `folder`: the working folder, kept afterwards (the caller made it and
    /// removes it), to look at the files a run left; nil: a fresh one, removed.
    /// `shellPrefix`: shell commands run before calc, in its shell (`ulimit -f 1;`).
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    stdout: Stdout = .captured, timeout: TimeInterval = 60,
                    folder: URL? = nil, shellPrefix: String? = nil) throws -> Result {
        let p = Process()
        var redirection: String? = shellPrefix == nil ? nil : ""
        if case .shell(let r) = stdout { redirection = r }
        if let redirection {
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", "\(shellPrefix ?? "") exec \"$0\" \"$@\" \(redirection)", path] + arguments
        } else {
            p.executableURL = URL(fileURLWithPath: path)
            p.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        // English unless a test asks otherwise, whatever the machine's locale
        env["LC_ALL"] = nil
        env["LC_MESSAGES"] = nil
        env["LANG"] = "C.UTF-8"
        for (k, v) in environment { env[k] = v }
        p.environment = env
        // a fresh working folder: whatever a test's input writes (a plot file…,
        // even with a hostile name) stays out of the repository and other tests
        let dir = try folder ?? temporaryFolder()
        defer { if folder == nil { try? FileManager.default.removeItem(at: dir) } }
        p.currentDirectoryURL = dir
        // outputs go to files: no pipe can fill up, nothing is shared between threads
        let outputs = folder == nil ? dir : try temporaryFolder()
        defer { if folder != nil { try? FileManager.default.removeItem(at: outputs) } }
        let outURL = outputs.appendingPathComponent("stdout"), errURL = outputs.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        p.standardOutput = outHandle
        var readerless: Pipe? = nil
        if case .pipeWithoutReader = stdout {
            let pipe = Pipe()
            try pipe.fileHandleForReading.close()
            p.standardOutput = pipe.fileHandleForWriting   // a handle, not the Pipe: closed here, once, after the run
            readerless = pipe
        }
        p.standardError = errHandle
        let input = Pipe()
        p.standardInput = stdin == nil ? FileHandle(forReadingAtPath: "/dev/null") : input
        try p.run()
        if let stdin {
            let data = Data(stdin.utf8)
            let writer = input.fileHandleForWriting
            DispatchQueue.global().async {
                writer.write(data)
                try? writer.close()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(2_000) }
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }   // SIGTERM may be blocked in the child
        p.waitUntilExit()
        try? outHandle.close(); try? errHandle.close()
        try? readerless?.fileHandleForWriting.close()
        let outData = (try? Data(contentsOf: outURL)) ?? Data()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        // Foundation gives a signal's number as the status; report it the shell's way
        let status = p.terminationReason == .uncaughtSignal ? 128 + p.terminationStatus : p.terminationStatus
        return Result(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                      status: status)
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("calc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
