// Terminal — what the output streams are (terminal or not, colour or not,
// how wide) and buffered writing to them.

import CalcCore
#if canImport(Glibc)
import Glibc
#endif

struct Terminal {
    let stdoutIsTTY: Bool
    let stderrIsTTY: Bool
    let colorAllowed: Bool

    init(noColorFlag: Bool) {
        stdoutIsTTY = isatty(STDOUT_FILENO) == 1
        stderrIsTTY = isatty(STDERR_FILENO) == 1
        let noColorEnv = getenv("NO_COLOR").map { String(cString: $0) }.map { !$0.isEmpty } ?? false
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        colorAllowed = !noColorFlag && !noColorEnv && term != "dumb" && !term.isEmpty
    }

    var colorErrors: Bool { colorAllowed && stderrIsTTY }
    var colorOutput: Bool { colorAllowed && stdoutIsTTY }

    /// Diagnostics for stderr: coloured when allowed and, on a terminal, with
    /// control characters from the user's text shown escaped (`\u{1B}`).
    func diagnosticRenderer(_ catalogue: Catalogue) -> DiagnosticRenderer {
        DiagnosticRenderer(color: colorErrors, catalogue: catalogue, escapeControls: stderrIsTTY)
    }

    /// A result or text for stdout as written: on a terminal, control characters
    /// (ESC, OSC, C1…) shown as `\u{1B}`, calc's own colour kept when colour is
    /// on; to a pipe or file, the bytes unchanged (see README, "Terminal safety").
    func forStdout(_ s: String) -> String { stdoutIsTTY ? s.escapingControls(keepingColour: colorOutput) : s }

    /// Columns of the terminal on stdout (80 when unknown).
    static var width: Int {
        var ws = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
        if let c = getenv("COLUMNS"), let n = Int(String(cString: c)), n > 0 { return n }
        return 80
    }
}

/// Buffered stdout/stderr over write(2). stdout is flushed before anything
/// goes to stderr, so results and errors appear in order on a terminal.
///
/// Output that cannot be written is an error, never silence: the first
/// failed write to stdout (a full disk, a closed pipe, a closed descriptor…)
/// is reported once on stderr, in the user's language, and calc exits with
/// status 1 there and then — what remains could not be shown anyway, and a
/// pipeline or script must not take a cut-off result for a whole one. SIGPIPE
/// is ignored (see `ignoreBrokenPipe`) so a reader that went away is this
/// same error (EPIPE), not a silent death by signal. A failed write to
/// stderr has nowhere to be reported and is dropped.
enum Output {
    nonisolated(unsafe) static var outBuffer: [UInt8] = []
    /// Set after stdout failed: everything later is discarded.
    nonisolated(unsafe) static var stdoutFailed = false
    /// Reports a failed stdout write (errno given) on stderr; the runner sets
    /// one that follows the session's language and colours.
    nonisolated(unsafe) static var reportWriteFailure: (Int32) -> Void = { code in
        err(DiagnosticRenderer(catalogue: Catalogue(LanguageChoice.current))
            .render(Diagnostic(.io, .terminal(.cannotWriteOutput(reason: systemReason(code))), .none)))
    }

    static func out(_ s: String) {
        if stdoutFailed { return }
        outBuffer.append(contentsOf: s.utf8)
        if outBuffer.count > 1 << 16 { flushOut() }
    }
    static func err(_ s: String) {
        flushOut()
        _ = writeAll(STDERR_FILENO, Array(s.utf8))
    }
    static func flushOut() {
        if outBuffer.isEmpty || stdoutFailed { return }
        let failure = writeAll(STDOUT_FILENO, outBuffer)
        outBuffer.removeAll(keepingCapacity: true)
        if let failure {
            stdoutFailed = true          // before reporting: the report's own flush must not come back here
            reportWriteFailure(failure)
            Glibc.exit(1)
        }
    }

    /// Writes every byte; nil on success, else the errno of the failure.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n > 0 { offset += n; continue }
            if n == 0 { return EIO }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                // a non-blocking descriptor (shared with another program): wait until it takes more
                var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                if poll(&p, 1, -1) < 0 && errno != EINTR { return errno }
            case let code: return code
            }
        }
        return nil
    }

    /// The system's words for an errno, lowercased as in the diagnostics.
    static func systemReason(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }

    /// SIGPIPE's default kills calc silently when the reader of its output
    /// has gone (`calc script | head -1`); ignored, the write fails with
    /// EPIPE instead and is reported like any other write error.
    static func ignoreBrokenPipe() { signal(SIGPIPE, SIG_IGN) }

    /// A file-size limit (`ulimit -f`) would kill calc by SIGXFSZ in the middle
    /// of a write; ignored, the write fails with EFBIG and is reported (a plot
    /// file's old version is then kept whole, see `FileReader.write`).
    static func ignoreFileSizeSignal() { signal(SIGXFSZ, SIG_IGN) }

    /// A standard descriptor (0, 1, 2) that the caller closed (`>&-`) is
    /// taken by /dev/null opened read-only: the next file calc opens (a
    /// script, a plot, the history) cannot land on it and receive results,
    /// and writes to it still fail (EBADF) and are reported as before.
    static func reserveClosedStandardDescriptors() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let got = open("/dev/null", O_RDONLY)
            if got >= 0 && got != fd { dup2(got, fd); close(got) }
        }
    }
}
