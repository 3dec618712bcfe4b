// Runner — runs scripts, `-e` text and stdin programs through one Session,
// printing results to stdout and rendered diagnostics to stderr.

import CalcCore
#if canImport(Glibc)
import Glibc
#endif

final class Runner {
    let session: Session
    let terminal: Terminal
    let keepGoing: Bool
    /// Set after `:quit`.
    var quitRequested = false

    enum FileResult { case status(RunStatus), usageError, interrupted }

    /// The exit status after Ctrl-C stopped calc before a script ran (128 + SIGINT, as a shell reports it).
    static let interruptedExitStatus: Int32 = 130

    init(settings: Settings, terminal: Terminal, keepGoing: Bool) {
        self.session = Session(interrupt: Signals.interrupt)
        self.session.settings = settings
        self.terminal = terminal
        self.keepGoing = keepGoing
        self.session.readFile = { path in FileReader.read(path, interrupt: Signals.interrupt) }
        self.session.saveFile = { path, text in FileReader.write(path, text) }
        var s = self.session.settings
        if terminal.stdoutIsTTY { s.plotWidth = max(20, min(Terminal.width, 160)) }   // else the default, 72
        s.color = terminal.colorOutput
        self.session.settings = s
        // a failed write to stdout is reported in the session's language (`:lang` included) and colours
        Output.reportWriteFailure = { [unowned self] code in self.report(.cannotWriteOutput(reason: Output.systemReason(code))) }
        if terminal.stderrIsTTY {
            // a progress line on long runs, overwritten in place and cleared at the end
            self.session.progress = { step, f, norm in
                Output.err("\r\u{1B}[2K  " + words(.progress(step: step, value: NumberFormat.format(f, digits: 6), gradientNorm: NumberFormat.format(norm, digits: 3))))
                Runner.progressShown = true
            }
        }
    }

    nonisolated(unsafe) static var progressShown = false

    /// Reads and runs a script. A script that can block (a FIFO with no
    /// writer yet, a slow device) is read as `:load` reads one: opened
    /// O_NONBLOCK and polled, with Ctrl-C caught while it waits; Ctrl-C then
    /// reports `interrupted` and the answer is `.interrupted`.
    func runFile(_ path: String) -> FileResult {
        switch readScript(path) {
        case .failure(let failure) where failure.isInterrupted:
            Signals.interrupt.clear()
            Output.flushOut()
            Output.err(terminal.diagnosticRenderer(session.settings.catalogue).render(
                Diagnostic(.interrupted, .evaluation(.interrupted), .none)))
            return .interrupted
        case .failure(let failure):
            report(.cannotReadScript(path: path, reason: failure.message), help: FileReader.exists(path) ? nil : .checkScriptPath)
            return .usageError
        case .success(let text):
            return .status(run(SourceFile(name: path, text: text)))
        }
    }

    /// The script's text; for anything but a regular file, with SIGINT caught
    /// during the wait (the handler that was there before is put back after).
    func readScript(_ path: String) -> Result<String, ReadFailure> {
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG || (st.st_mode & S_IFMT) == S_IFDIR {
            return FileReader.read(path)
        }
        var previous = sigaction()
        Signals.installInterruptHandler(saving: &previous)
        defer { sigaction(SIGINT, &previous, nil) }
        return FileReader.read(path, interrupt: Signals.interrupt)
    }

    func runText(_ text: String, name: String) -> RunStatus {
        run(SourceFile(name: name, text: text))
    }

    func runStandardInput() -> RunStatus {
        let text = FileReader.readAll(fd: STDIN_FILENO)
        return run(SourceFile(name: "<stdin>", text: text))
    }

    @discardableResult
    func run(_ source: SourceFile) -> RunStatus {
        let status = session.run(source, keepGoing: keepGoing) { self.emit($0) }
        Output.flushOut()
        if status == .quit { quitRequested = true }
        return status
    }

    func emit(_ event: Event) {
        if Runner.progressShown {
            Output.err("\r\u{1B}[2K")
            Runner.progressShown = false
        }
        switch event {
        case .result(let s), .info(let s): Output.out(terminal.forStdout(s) + "\n")
        case .diagnostic(let d):
            Output.flushOut()
            Output.err(terminal.diagnosticRenderer(session.settings.catalogue).render(d))
        case .quit: quitRequested = true
        }
    }

    /// A diagnostic about the command line itself (no source position).
    func report(_ message: TerminalMessage, help: TerminalMessage? = nil) {
        Output.flushOut()
        Output.err(terminal.diagnosticRenderer(session.settings.catalogue).render(Diagnostic(.io, .terminal(message), .none, help: help.map { .terminal($0) })))
        Output.flushOut()
    }
}

/// Reads whole files and descriptors with POSIX calls (no Foundation, for start-up time).
enum FileReader {
    static let maxSize = 64 << 20

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// The whole file. With `interrupt`, a file that can block (a FIFO with
    /// no writer yet, a slow device) is opened with O_NONBLOCK and read as
    /// poll() says data is there, looking at the flag between polls (every
    /// 50 ms): Ctrl-C ends the wait with the failure `interrupted`, which the
    /// session reports as the interrupted error.
    static func read(_ path: String, interrupt: InterruptFlag? = nil) -> Result<String, ReadFailure> {
        var st = stat()
        guard stat(path, &st) == 0 else { return .failure(ReadFailure(Output.systemReason(errno))) }
        if (st.st_mode & S_IFMT) == S_IFDIR { return .failure(ReadFailure(words(.isADirectory))) }
        if st.st_size > maxSize { return .failure(ReadFailure(words(.fileTooLarge(mebibytes: maxSize >> 20)))) }
        let regular = (st.st_mode & S_IFMT) == S_IFREG
        let fd = open(path, O_RDONLY | (regular || interrupt == nil ? 0 : O_NONBLOCK))
        guard fd >= 0 else { return .failure(ReadFailure(Output.systemReason(errno))) }
        defer { close(fd) }
        if regular { return .success(readAll(fd: fd)) }
        if let interrupt { return readPolling(fd: fd, interrupt) }
        return .success(readAll(fd: fd))
    }

    /// Reads a non-blocking descriptor to its end, waiting in poll() and
    /// giving up when `interrupt` is set. A FIFO opened this way before any
    /// writer reports neither data nor hang-up (Linux), so the wait lasts
    /// until a writer has come and gone, as a blocking read's would.
    static func readPolling(fd: Int32, _ interrupt: InterruptFlag) -> Result<String, ReadFailure> {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if interrupt.isSet { return .failure(.interrupted) }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, 50)
            if ready < 0 && errno != EINTR { return .failure(ReadFailure(Output.systemReason(errno))) }
            if ready <= 0 { continue }
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 65536) }
            if n > 0 {
                bytes.append(contentsOf: buffer[0..<n])
                if bytes.count > maxSize { break }
            } else if n == 0 {
                break                                   // the writer closed: the end
            } else if errno != EINTR && errno != EAGAIN {
                return .failure(ReadFailure(Output.systemReason(errno)))
            }
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// Writes a whole file without ever leaving a partial one: the text goes
    /// to a new temporary file in the same folder (O_CREAT|O_EXCL, a unique
    /// hidden name `.calc-….tmp`), is flushed to disk, and is renamed over the
    /// name; on any failure (a full disk, a file-size limit) the temporary file
    /// is removed and an old file of that name is left as it was.
    ///
    /// The last component is not followed: a symbolic link there is refused
    /// (neither written through nor replaced), a folder too. A file that is
    /// there is replaced only when it could have been written (permission),
    /// keeps its permission bits, and the answer says `.replaced`. A device or
    /// FIFO (`/dev/null`) is written directly, as it cannot be replaced.
    static func write(_ path: String, _ text: String) -> Result<FileWrite, ReadFailure> {
        func failure(_ code: Int32) -> Result<FileWrite, ReadFailure> { .failure(ReadFailure(Output.systemReason(code))) }
        if path.utf8.contains(0) { return failure(EINVAL) }   // the library refuses it first; never cut a name
        var st = stat()
        var replacing = false
        if lstat(path, &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFLNK: return .failure(ReadFailure(words(.isASymbolicLink), isSymbolicLink: true))
            case S_IFDIR: return .failure(ReadFailure(words(.isADirectory)))
            case S_IFREG:
                if access(path, W_OK) != 0 { return failure(errno) }
                replacing = true
            default: return writeDirectly(path, text)
            }
        } else if errno != ENOENT {
            return failure(errno)
        }
        var folder = ""
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) { folder = String(path[...slash]) }
        guard var (fd, temporary) = createExclusive(mode: 0o644, name: {
            folder + ".calc-" + String(UInt64.random(in: .min ... .max), radix: 16) + ".tmp"
        }) else { return failure(errno) }
        func abandon(_ code: Int32) -> Result<FileWrite, ReadFailure> {
            if fd >= 0 { close(fd) }
            unlink(temporary)
            return failure(code)
        }
        if replacing { _ = fchmod(fd, st.st_mode & 0o7777) }
        if let code = Output.writeAll(fd, Array(text.utf8)) { return abandon(code) }
        if fsync(fd) != 0 && errno != EINVAL && errno != EROFS { return abandon(errno) }
        let closed = close(fd)
        fd = -1
        if closed != 0 { return abandon(errno) }
        if rename(temporary, path) != 0 { return abandon(errno) }
        return .success(replacing ? .replaced : .created)
    }

    /// A new file under a fresh name from `name` (tried until one is free):
    /// O_CREAT|O_EXCL|O_NOFOLLOW, so whatever is already there (a planted
    /// symbolic link, a stale file) is never opened, only skipped. Nil with
    /// errno set when no name could be created.
    static func createExclusive(mode: mode_t, name: () -> String) -> (Int32, String)? {
        for _ in 0..<100 {
            let candidate = name()
            let fd = openExclusive(candidate, mode: mode)
            if fd >= 0 { return (fd, candidate) }
            if errno != EEXIST { return nil }
        }
        errno = EEXIST
        return nil
    }

    static func openExclusive(_ name: String, mode: mode_t) -> Int32 {
        open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
    }

    /// Writes to something that is not a regular file (a device, a FIFO) in place.
    static func writeDirectly(_ path: String, _ text: String) -> Result<FileWrite, ReadFailure> {
        let fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ReadFailure(Output.systemReason(errno))) }
        defer { close(fd) }
        if let code = Output.writeAll(fd, Array(text.utf8)) { return .failure(ReadFailure(Output.systemReason(code))) }
        return .success(.created)
    }

    static func readAll(fd: Int32) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 65536) }
            if n > 0 {
                bytes.append(contentsOf: buffer[0..<n])
                if bytes.count > maxSize { break }
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
