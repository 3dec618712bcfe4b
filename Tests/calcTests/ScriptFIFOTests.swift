// ScriptFIFOTests — `calc FIFO` (a named pipe given as the script) waits for
// a writer as a blocking read would, but Ctrl-C (SIGINT to the built binary)
// ends the wait: `error: interrupted` and the interrupted exit status 130,
// never a process stuck in open/read. A FIFO that is written runs as a script.

import Testing
import Foundation
#if canImport(Glibc)
import Glibc
#endif

@Suite("a FIFO as the script")
struct ScriptFIFOTests {
    @Test("SIGINT while `calc FIFO` waits for a writer gives `interrupted` and exit status 130")
    func interruptFIFOScript() throws {
        let dir = try CalcBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.calc").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CalcBinary.path)
        p.arguments = [fifo]
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
        kill(p.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(10)
        while p.isRunning && Date() < deadline { usleep(5_000) }
        let stopped = !p.isRunning
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        try? errHandle.close()
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        #expect(stopped, "calc still blocked 10 s after SIGINT")
        #expect(p.terminationReason == .exit)     // the error and its status, not death by the signal
        #expect(p.terminationStatus == 130)
        #expect(stderr.contains("error: interrupted"), "\(stderr)")
    }

    @Test("a FIFO that is written runs as a script")
    func writtenFIFOScript() throws {
        let dir = try CalcBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.calc").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            usleep(300_000)
            let fd = open(fifo, O_WRONLY)
            if fd >= 0 {
                let text = "a = 41\na + 1\n"
                _ = text.withCString { write(fd, $0, strlen($0)) }
                close(fd)
            }
        }
        writer.start()
        let r = try CalcBinary.run([fifo], timeout: 20)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("42\n"), "\(r.stdout)")
    }
}
