// LoadInterruptTests — `:load` of a FIFO that nobody writes to waits (as a
// blocking read would), and Ctrl-C (SIGINT to the built binary) ends the wait
// with the `interrupted` error instead of leaving calc stuck in open/read.
// A FIFO that is written still loads.

import Testing
import Foundation
#if canImport(Glibc)
import Glibc
#endif

@Suite("Ctrl-C during :load of a FIFO")
struct LoadInterruptTests {
    @Test("SIGINT while `:load` waits on a FIFO gives `interrupted`; calc goes on to the REPL and exits")
    func interruptFIFO() throws {
        let dir = try CalcBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let script = dir.appendingPathComponent("start.calc")
        try ":load \"pipe\"\n".write(to: script, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CalcBinary.path)
        p.arguments = ["-i", script.path]        // -i: the SIGINT handler is installed before the file loads
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"; env["LC_ALL"] = nil; env["LC_MESSAGES"] = nil
        p.environment = env
        let errURL = dir.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let errHandle = try FileHandle(forWritingTo: errURL)
        p.standardError = errHandle
        p.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        p.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try p.run()
        usleep(800_000)
        #expect(p.isRunning)                      // still waiting for a writer
        let sent = Date()
        kill(p.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(10)
        while p.isRunning && Date() < deadline { usleep(5_000) }
        let stopped = !p.isRunning
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        try? errHandle.close()
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        #expect(stopped, "calc still blocked 10 s after SIGINT")
        #expect(Date().timeIntervalSince(sent) < 10)
        #expect(p.terminationReason == .exit)     // the error, not death by the signal
        #expect(stderr.contains("error: interrupted"), "\(stderr)")
        #expect(stderr.contains(":load \"pipe\""), "\(stderr)")
    }

    @Test("a FIFO that is written loads as before")
    func writtenFIFO() throws {
        let dir = try CalcBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            usleep(300_000)
            let fd = open(fifo, O_WRONLY)
            if fd >= 0 {
                let text = "a = 41\n"
                _ = text.withCString { write(fd, $0, strlen($0)) }
                close(fd)
            }
        }
        writer.start()
        let r = try CalcBinary.run(["-e", ":load \"\(fifo)\"", "-e", "a + 1"], timeout: 20)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("42\n"), "\(r.stdout)")
    }
}
