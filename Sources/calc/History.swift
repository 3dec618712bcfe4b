// History — the REPL's history file: `$XDG_STATE_HOME/calc/history`
// (default `~/.local/state/calc/history`), one entry a line, the newest last.
//
// Each entry is appended the moment it is entered (a killed session loses
// nothing) with one O_APPEND write, so two sessions can share the file. The
// file keeps the last `limit` entries: when an append takes it past the
// limit, it is rewritten (temporary file + rename) from its own content, so
// a second session's lines survive. No consecutive duplicates. A file that
// cannot be read or written costs one warning for the whole session, never a
// failure: the REPL then keeps history in memory only.
//
// POSIX calls only (no Foundation), like the rest of the executable.

import CalcCore
#if canImport(Glibc)
import Glibc
#endif

final class History {
    static let limit = 1_000

    /// Where the file lives; nil when no home directory could be found.
    let path: String?
    /// Entries, oldest first (at most `limit`).
    private(set) var entries: [String] = []
    /// False after a write failed: history stays in memory.
    private(set) var writable: Bool
    /// Lines in the file as far as this session knows (other sessions may add more).
    private var fileCount = 0
    private var warned = false
    private let warn: (TerminalMessage) -> Void

    /// Opens the history at `path` (nil: in memory only), loading its last
    /// `limit` entries. `warn` is called at most once per session.
    init(path: String?, warn: @escaping (TerminalMessage) -> Void) {
        self.path = path
        self.warn = warn
        self.writable = path != nil
        guard let path else {
            warnOnce(.noHome)
            return
        }
        load(path)
        if writable { prepareForWriting(path) }
    }

    // MARK: location

    /// `$XDG_STATE_HOME/calc/history`, else `$HOME/.local/state/calc/history`
    /// (HOME from the environment, then the password database). XDG says a
    /// relative XDG_STATE_HOME is invalid and must be ignored.
    static func defaultPath(environment get: (String) -> String? = History.environment) -> String? {
        if let state = get("XDG_STATE_HOME"), state.hasPrefix("/") {
            return join(state, "calc/history")
        }
        guard let home = homeDirectory(environment: get) else { return nil }
        return join(home, ".local/state/calc/history")
    }

    static func homeDirectory(environment get: (String) -> String? = History.environment) -> String? {
        if let home = get("HOME"), !home.isEmpty { return home }
        if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir {
            let home = String(cString: dir)
            if !home.isEmpty { return home }
        }
        return nil
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    static func join(_ dir: String, _ rest: String) -> String {
        dir.hasSuffix("/") ? dir + rest : dir + "/" + rest
    }

    // MARK: entries

    /// The history entry for a statement typed over several lines: one line,
    /// the lines joined by spaces (a newline inside brackets or after an
    /// operator means the same as a space), comments of all but the last
    /// line dropped (a `#` would otherwise swallow the lines after it).
    static func entry(for lines: [String]) -> String {
        var parts: [String] = []
        for (k, raw) in lines.enumerated() {
            var line = Substring(raw)
            if k < lines.count - 1, let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let trimmed = trim(line)
            if !trimmed.isEmpty { parts.append(trimmed) }
        }
        return parts.joined(separator: " ")
    }

    static func trim(_ s: Substring) -> String {
        var t = s
        while let c = t.first, c == " " || c == "\t" || c == "\r" || c == "\n" { t = t.dropFirst() }
        while let c = t.last, c == " " || c == "\t" || c == "\r" || c == "\n" { t = t.dropLast() }
        return String(t)
    }

    /// Records an entry (empty and repeated entries are skipped). Returns
    /// true when it was added, so the caller adds it to readline too.
    @discardableResult
    func add(_ entry: String) -> Bool {
        let line = entry.replacingNewlines()
        if line.isEmpty || line == entries.last { return false }
        entries.append(line)
        if entries.count > History.limit { entries.removeFirst(entries.count - History.limit) }
        if writable, let path { append(line, to: path) }
        return true
    }

    // MARK: file

    private func warnOnce(_ message: TerminalMessage) {
        if warned { return }
        warned = true
        warn(message)
    }

    private func reason(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }

    private func load(_ path: String) {
        var st = stat()
        if stat(path, &st) != 0 {
            if errno == ENOENT { return }          // first run: nothing to load
            if errno == ENOTDIR { return }         // reported when writing
            warnOnce(.cannotReadHistory(path: path, reason: reason(errno)))
            return
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            writable = false
            warnOnce(.historyIsDirectory(path: path))
            return
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            warnOnce(.cannotReadHistory(path: path, reason: reason(errno)))
            return
        }
        let text = FileReader.readAll(fd: fd)
        close(fd)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        fileCount = lines.count
        var loaded: [String] = []
        loaded.reserveCapacity(min(lines.count, History.limit))
        for line in lines.suffix(History.limit) {
            let s = String(line)
            if s != loaded.last { loaded.append(s) }
        }
        entries = loaded
    }

    /// Creates the directories and checks the file can be opened for
    /// appending, so a problem is reported at start-up, not mid-session.
    private func prepareForWriting(_ path: String) {
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            let dir = String(path[..<slash])
            if let failure = History.makeDirectories(dir) {
                writable = false
                warnOnce(.cannotCreateHistoryDirectory(path: dir, reason: failure))
                return
            }
        }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            writable = false
            warnOnce(.cannotWriteHistory(path: path, reason: reason(errno)))
            return
        }
        close(fd)
    }

    /// `mkdir -p` (mode 0700, as XDG asks); nil on success, else the reason.
    static func makeDirectories(_ dir: String) -> String? {
        var prefix = dir.hasPrefix("/") ? "/" : ""
        for part in dir.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                return String(cString: strerror(errno)).lowercased()
            }
            prefix += "/"
        }
        var st = stat()
        if stat(dir, &st) != 0 { return String(cString: strerror(errno)).lowercased() }
        if (st.st_mode & S_IFMT) != S_IFDIR { return "not a directory" }
        return nil
    }

    private func append(_ line: String, to path: String) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return failedWrite(path, errno) }
        let bytes = Array((line + "\n").utf8)
        let ok = History.writeAll(fd, bytes)
        let code = errno
        close(fd)
        guard ok else { return failedWrite(path, code) }
        fileCount += 1
        if fileCount > History.limit { truncate(path) }
    }

    private func failedWrite(_ path: String, _ code: Int32) {
        writable = false
        warnOnce(.cannotWriteHistory(path: path, reason: reason(code)))
    }

    /// Keeps the file's last `limit` lines (re-read from the file itself).
    private func truncate(_ path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return failedWrite(path, errno) }
        let text = FileReader.readAll(fd: fd)
        close(fd)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).suffix(History.limit)
        let temporary = path + ".tmp\(getpid())"
        let out = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard out >= 0 else { return failedWrite(path, errno) }
        let ok = History.writeAll(out, Array((lines.joined(separator: "\n") + "\n").utf8))
        let code = errno
        close(out)
        guard ok, rename(temporary, path) == 0 else {
            let failure = ok ? errno : code
            unlink(temporary)
            return failedWrite(path, failure)
        }
        fileCount = lines.count
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return false }
        }
        return true
    }
}

extension String {
    /// One history line: newlines and carriage returns become spaces.
    func replacingNewlines() -> String {
        guard contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return self }
        return String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
