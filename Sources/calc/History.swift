// History — the REPL's history file: `$XDG_STATE_HOME/calc/history`
// (default `~/.local/state/calc/history`), one entry a line, the newest last.
//
// Each entry is appended the moment it is entered (a killed session loses
// nothing) with one O_APPEND write, under an exclusive flock on the file, so
// sessions can share it. The file keeps the last `limit` entries: when an
// append takes it past the limit, the same session, still holding the lock,
// re-reads the file from its end (every session's lines, a file of any size)
// and renames a new temporary file (O_EXCL, 0600, same directory) over it.
// No consecutive duplicates. A history path that is a symbolic link is
// neither read nor written. A file that cannot be read or written costs one
// warning for the whole session, never a failure: the REPL then keeps
// history in memory only.
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
    /// Lines in the file when `known` still describes it; nil: count again.
    private var fileCount: Int?
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


    private func load(_ path: String) {
        var st = stat()
        if lstat(path, &st) != 0 {
            if errno == ENOENT { return }          // first run: nothing to load
            if errno == ENOTDIR { return }         // reported when writing
            warnOnce(.cannotReadHistory(path: path, reason: Output.systemReason(errno)))
            return
        }
        if (st.st_mode & S_IFMT) == S_IFLNK {
            writable = false
            warnOnce(.historyIsSymbolicLink(path: path))
            return
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            writable = false
            warnOnce(.historyIsDirectory(path: path))
            return
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            if errno == ELOOP {
                writable = false
                warnOnce(.historyIsSymbolicLink(path: path))
            } else {
                warnOnce(.cannotReadHistory(path: path, reason: Output.systemReason(errno)))
            }
            return
        }
        defer { close(fd) }
        _ = History.lock(fd, LOCK_SH)              // a consistent view; best effort
        guard let tail = History.readTail(fd) else {
            warnOnce(.cannotReadHistory(path: path, reason: Output.systemReason(errno)))
            return
        }
        var loaded: [String] = []
        loaded.reserveCapacity(tail.lines.count)
        for line in tail.lines {
            let s = String(decoding: line, as: UTF8.self)
            if s != loaded.last { loaded.append(s) }
        }
        entries = loaded
    }

    /// The newest lines of a file, at most `limit`, as raw bytes.
    struct Tail {
        var lines: [ArraySlice<UInt8>]
        /// True when the file holds exactly `lines` (no older line left out).
        var whole: Bool
    }

    /// Reads a file from its end backwards, in 64 KiB blocks, until it has
    /// more than `limit` complete lines, reaches the start, or has read
    /// `maxBytes` — so a file of any size yields its newest lines, never its
    /// oldest. A line whose start lies before what was read is left out
    /// (whole is then false). Empty lines are skipped. nil when a read fails:
    /// the caller must not rewrite a file it could not read.
    static func readTail(_ fd: Int32, limit: Int = History.limit, maxBytes: Int = FileReader.maxSize) -> Tail? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let block = 65_536
        var start = Int(st.st_size)
        var blocks: [[UInt8]] = []                 // newest first
        var newlines = 0
        var check = limit + 1                      // split and count once this many newlines are in
        var lines: [ArraySlice<UInt8>] = []
        var read = 0
        while true {
            if start == 0 || read >= maxBytes {
                lines = completeLines(blocks, start: start, fd: fd, limit: limit)
                break
            }
            let n = min(block, start, maxBytes - read)
            var buffer = [UInt8](repeating: 0, count: n)
            guard preadAll(fd, &buffer, at: start - n) else { return nil }
            start -= n
            read += n
            newlines += buffer.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            blocks.append(buffer)
            if newlines >= check && start > 0 {
                lines = completeLines(blocks, start: start, fd: fd, limit: limit)
                if lines.count > limit { break }
                check = newlines * 2               // empty lines: read on
            }
        }
        let whole = start == 0 && lines.count <= limit
        return Tail(lines: Array(lines.suffix(limit)), whole: whole)
    }

    /// The non-empty lines of `blocks` (newest first) read from offset
    /// `start`; the first piece is dropped unless it starts a line.
    private static func completeLines(_ blocks: [[UInt8]], start: Int, fd: Int32, limit: Int) -> [ArraySlice<UInt8>] {
        let bytes = Array(blocks.reversed().joined())
        var pieces = bytes.split(separator: 10, omittingEmptySubsequences: false)
        if start > 0 {
            var before: UInt8 = 0
            let startsLine = pread(fd, &before, 1, off_t(start - 1)) == 1 && before == 10
            if !startsLine && !pieces.isEmpty { pieces.removeFirst() }
        }
        return pieces.filter { !$0.isEmpty }
    }

    static func preadAll(_ fd: Int32, _ buffer: inout [UInt8], at offset: Int) -> Bool {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, $0.count - done, off_t(offset + done)) }
            if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else {
                if n == 0 { errno = EIO }          // the file shrank under us
                return false
            }
        }
        return true
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
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return failedWrite(path, errno) }
        close(fd)
    }

    /// `mkdir -p` (mode 0700, as XDG asks); nil on success, else the reason.
    static func makeDirectories(_ dir: String) -> String? {
        var prefix = dir.hasPrefix("/") ? "/" : ""
        for part in dir.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                return Output.systemReason(errno)
            }
            prefix += "/"
        }
        var st = stat()
        if stat(dir, &st) != 0 { return Output.systemReason(errno) }
        if (st.st_mode & S_IFMT) != S_IFDIR { return "not a directory" }
        return nil
    }

    /// Appends one line under an exclusive lock on the file, then trims the
    /// file if it is past the limit, under the same lock. The line is
    /// written first, so whatever happens next it is in the file.
    private func append(_ line: String, to path: String) {
        guard let (fd, locked) = openLocked(path) else { return }
        defer { close(fd) }                        // also releases the lock
        var st = stat()
        guard fstat(fd, &st) == 0 else { return failedWrite(path, errno) }
        var bytes = Array((line + "\n").utf8)
        if st.st_size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, st.st_size - 1) == 1 && last != 10 {
                bytes.insert(10, at: 0)            // a line cut short (a crash, an editor) stays apart
            }
        }
        let exact = locked && known == FileState(st)
        if let code = Output.writeAll(fd, bytes) { return failedWrite(path, code) }
        fileCount = exact ? fileCount.map { $0 + 1 } : nil
        self.known = FileState(device: st.st_dev, inode: st.st_ino, size: st.st_size + off_t(bytes.count))
        guard locked else { return }               // no lock (a file system without flock): never rewrite
        if fileCount == nil || fileCount! > History.limit { trim(fd, path) }
    }

    /// What this session last saw of the file under the lock: when it is
    /// still so, no other session wrote since and `fileCount` is exact.
    private struct FileState: Equatable {
        var device: dev_t, inode: ino_t, size: off_t
        init(device: dev_t, inode: ino_t, size: off_t) { (self.device, self.inode, self.size) = (device, inode, size) }
        init(_ st: stat) { self.init(device: st.st_dev, inode: st.st_ino, size: st.st_size) }
    }
    private var known: FileState?

    /// Opens the file for appending and locks it (flock, exclusive). If
    /// another session renamed a trimmed file over it while this one waited,
    /// the lock is on a file no longer at `path`: open the new one. nil after
    /// a warning; `locked` is false when the file system refuses locks (the
    /// line is still appended, never lost, but the file is never rewritten).
    private func openLocked(_ path: String) -> (Int32, locked: Bool)? {
        // Each retry means another session trimmed meanwhile; 1,000 in a row
        // would take a runaway writer: then append without the lock.
        for attempt in 0..<1_000 {
            let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard fd >= 0 else {
                if errno == ELOOP {
                    writable = false
                    warnOnce(.historyIsSymbolicLink(path: path))
                    return nil
                }
                failedWrite(path, errno)
                return nil
            }
            if attempt == 999 || !History.lock(fd, LOCK_EX) { return (fd, false) }
            var mine = stat(), there = stat()
            if fstat(fd, &mine) == 0, lstat(path, &there) == 0,
               mine.st_dev == there.st_dev, mine.st_ino == there.st_ino {
                return (fd, true)
            }
            close(fd)
        }
        return nil
    }

    /// flock, waiting for another session to finish its append or trim (a
    /// few milliseconds). Blocking rather than polling: the kernel hands the
    /// lock on to a waiter, so a busy session cannot starve another. False
    /// when the file system has no locks.
    static func lock(_ fd: Int32, _ operation: Int32) -> Bool {
        while flock(fd, operation) != 0 {
            if errno != EINTR { return false }
        }
        return true
    }

    private func failedWrite(_ path: String, _ code: Int32) {
        writable = false
        warnOnce(.cannotWriteHistory(path: path, reason: Output.systemReason(code)))
    }

    /// Keeps the file's last `limit` lines, with the lock held on `fd`:
    /// re-reads the file as it is now (other sessions' lines included, as
    /// they can only append under the lock), writes them to a new temporary
    /// file in the same directory and renames it over the file. A file that
    /// cannot be read whole from its end is left as it is.
    private func trim(_ fd: Int32, _ path: String) {
        guard let tail = History.readTail(fd) else { return failedWrite(path, errno) }
        if tail.whole {
            fileCount = tail.lines.count
            return
        }
        var bytes: [UInt8] = []
        for line in tail.lines { bytes += line; bytes.append(10) }
        guard let (out, temporary) = History.createTemporary(near: path) else { return failedWrite(path, errno) }
        var ok = true, code: Int32 = 0
        if let c = Output.writeAll(out, bytes) { (ok, code) = (false, c) } else if fsync(out) != 0 { (ok, code) = (false, errno) }
        var st = stat()
        if ok && fstat(out, &st) != 0 { (ok, code) = (false, errno) }
        close(out)
        // the file must still be the one locked, not something put there since
        var mine = stat(), there = stat()
        let same = fstat(fd, &mine) == 0 && lstat(path, &there) == 0
            && mine.st_dev == there.st_dev && mine.st_ino == there.st_ino
        guard ok, same else {
            unlink(temporary)
            if ok { known = nil; return }          // replaced by someone else: leave it
            return failedWrite(path, code)
        }
        guard rename(temporary, path) == 0 else {
            let failure = errno
            unlink(temporary)
            return failedWrite(path, failure)
        }
        fileCount = tail.lines.count
        known = FileState(device: st.st_dev, inode: st.st_ino, size: off_t(bytes.count))
    }

    /// A new file next to `path`, mode 0600, with a name no one can guess:
    /// O_CREAT|O_EXCL|O_NOFOLLOW, so whatever is already there (a planted
    /// symbolic link, a stale file) is never opened, only skipped.
    static func createTemporary(near path: String) -> (Int32, String)? {
        FileReader.createExclusive(mode: 0o600) { path + ".tmp.\(getpid()).\(String(UInt64.random(in: 0 ... .max), radix: 36))" }
    }

    static func openTemporary(_ name: String) -> Int32 { FileReader.openExclusive(name, mode: 0o600) }
}

extension String {
    /// One history line: newlines and carriage returns become spaces.
    func replacingNewlines() -> String {
        guard contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return self }
        return String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
