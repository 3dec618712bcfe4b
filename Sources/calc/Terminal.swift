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
enum Output {
    nonisolated(unsafe) static var outBuffer: [UInt8] = []
    static func out(_ s: String) {
        outBuffer.append(contentsOf: s.utf8)
        if outBuffer.count > 1 << 16 { flushOut() }
    }
    static func err(_ s: String) {
        flushOut()
        writeAll(STDERR_FILENO, Array(s.utf8))
    }
    static func flushOut() {
        if outBuffer.isEmpty { return }
        writeAll(STDOUT_FILENO, outBuffer)
        outBuffer.removeAll(keepingCapacity: true)
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return }
        }
    }
}
