// HistoryFileTests — the REPL's history file without a terminal: `History`
// driven directly (@testable), each test in its own temporary directory.
// Two sessions are two `History` objects on two threads: flock locks belong
// to an open file, so they exclude each other as two processes would.

import Testing
import Foundation
@testable import calc
import CalcCore

@Suite("history file: sharing, size, symbolic links")
struct HistoryFileTests {
    /// A new empty directory, removed by `clean`.
    static func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("calc-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func clean(_ dir: URL) { try? FileManager.default.removeItem(at: dir) }

    static func lines(_ path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    final class Warnings { var messages: [TerminalMessage] = [] }

    static func history(_ path: String, _ warnings: Warnings = Warnings()) -> History {
        History(path: path) { warnings.messages.append($0) }
    }

    /// Two sessions adding `count` entries each at the same time ("a0", … and "b0", …).
    static func twoWriters(_ path: String, count: Int) {
        let done = DispatchSemaphore(value: 0)
        for name in ["a", "b"] {
            let thread = Thread {
                let h = History(path: path) { _ in }
                for k in 0..<count { h.add("\(name)\(k)") }
                done.signal()
            }
            thread.start()
        }
        done.wait()
        done.wait()
    }

    // MARK: two sessions on one file

    @Test("two sessions appending at once past 1,000 lines: every new entry is in the file exactly once")
    func twoWritersKeepEverything() throws {
        let dir = try Self.directory()
        defer { Self.clean(dir) }
        let path = dir.appendingPathComponent("history").path
        let old = (0..<900).map { "old\($0)" }
        try (old.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        Self.twoWriters(path, count: 450)   // 1,800 lines written: every append from the 101st trims
        let lines = Self.lines(path)
        #expect(lines.count == 1_000)
        #expect(Array(lines.prefix(100)) == Array(old.suffix(100)))
        for name in ["a", "b"] {
            #expect(lines.filter { $0.hasPrefix(name) } == (0..<450).map { "\(name)\($0)" })   // all, once, in order
        }
    }

    @Test("two sessions adding 700 entries each: the file keeps the newest 1,000, none twice")
    func twoWritersWithinLimit() throws {
        let dir = try Self.directory()
        defer { Self.clean(dir) }
        let path = dir.appendingPathComponent("history").path
        Self.twoWriters(path, count: 700)
        let lines = Self.lines(path)
        #expect(lines.count == 1_000)
        #expect(Set(lines).count == 1_000)
        for name in ["a", "b"] {
            // what is left of each session is the end of what it typed, in order
            let mine = lines.filter { $0.hasPrefix(name) }
            #expect(mine == (700 - mine.count ..< 700).map { "\(name)\($0)" })
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(names == ["history"])       // no temporary file left behind
    }

    @Test("the line just typed is kept apart from a last line that has no newline")
    func lineCutShort() throws {
        let dir = try Self.directory()
        defer { Self.clean(dir) }
        let path = dir.appendingPathComponent("history").path
        try "1+1\n2+".write(toFile: path, atomically: false, encoding: .utf8)
        let h = Self.history(path)
        h.add("3*3")
        #expect(Self.lines(path) == ["1+1", "2+", "3*3"])
    }

    // MARK: a file larger than 64 MiB

    @Test("a history file over 64 MiB keeps its newest entries, not its first 64 MiB")
    func hugeFileKeepsItsEnd() throws {
        let dir = try Self.directory()
        defer { Self.clean(dir) }
        let path = dir.appendingPathComponent("history").path
        let filler = String(repeating: "1+", count: 500) + "1\n"        // 1,002 bytes a line
        var data = Data()
        data.reserveCapacity(70 << 20)
        let old = Data(filler.utf8)
        while data.count < 66 << 20 { data.append(old) }
        let newest = (0..<1_000).map { "new\($0)" }
        data.append(Data((newest.joined(separator: "\n") + "\n").utf8))
        try data.write(to: URL(fileURLWithPath: path))
        #expect(data.count > FileReader.maxSize)

        let warnings = Warnings()
        let h = Self.history(path, warnings)
        #expect(h.entries == newest)                                    // loaded from the end
        h.add("x")
        #expect(Self.lines(path) == Array(newest.dropFirst()) + ["x"])
        #expect(warnings.messages.isEmpty)
    }

    @Test("the tail reader returns the newest lines of a file, whole or not")
    func tailReader() throws {
        let dir = try Self.directory()
        defer { Self.clean(dir) }
        let path = dir.appendingPathComponent("f").path
        try ((0..<50).map { "l\($0)" }.joined(separator: "\n") + "\n\n\n").write(toFile: path, atomically: false, encoding: .utf8)
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let some = try #require(History.readTail(fd, limit: 10))
        #expect(some.lines.map { String(decoding: $0, as: UTF8.self) } == (40..<50).map { "l\($0)" })
        #expect(!some.whole)
        let all = try #require(History.readTail(fd, limit: 50))
        #expect(all.lines.count == 50 && all.whole)
        let capped = try #require(History.readTail(fd, limit: 50, maxBytes: 12))   // "l48\nl49\n\n\n" and a piece of l47
        #expect(capped.lines.map { String(decoding: $0, as: UTF8.self) } == ["l48", "l49"])
        #expect(!capped.whole)
    }

    // MARK: symbolic links

    @Test("a symbolic link planted at the old temporary name is not followed when the file is trimmed")
    func plantedTemporaryName() throws {
        let dir = try Self.directory()
        defer { Self.clean(dir) }
        let path = dir.appendingPathComponent("history").path
        let victim = dir.appendingPathComponent("victim").path
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        try ((0..<1_000).map { "k\($0)" }.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        // the name calc used to write to: "<history>.tmp<pid>"
        try FileManager.default.createSymbolicLink(atPath: path + ".tmp\(getpid())", withDestinationPath: victim)
        let warnings = Warnings()
        let h = Self.history(path, warnings)
        h.add("y")                                                      // 1,001 lines: trims
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        let lines = Self.lines(path)
        #expect(lines.count == 1_000 && lines.first == "k1" && lines.last == "y")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(warnings.messages.isEmpty)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
                == ["history", "victim", "history.tmp\(getpid())"])     // no temporary file left behind
    }

    @Test("a temporary file is never opened through a symbolic link or over an existing file")
    func temporaryIsExclusive() throws {
        let dir = try Self.directory()
        defer { Self.clean(dir) }
        let victim = dir.appendingPathComponent("victim").path
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        let link = dir.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
        let dangling = dir.appendingPathComponent("dangling").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: dir.appendingPathComponent("made").path)
        #expect(History.openTemporary(link) < 0 && errno == EEXIST)
        #expect(History.openTemporary(dangling) < 0 && errno == EEXIST)
        #expect(History.openTemporary(victim) < 0 && errno == EEXIST)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("made").path))
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        let made = try #require(History.createTemporary(near: dir.appendingPathComponent("history").path))
        close(made.0)
        #expect(made.1.hasPrefix(dir.appendingPathComponent("history.tmp.").path))
    }

    @Test("a history path that is a symbolic link: one warning, neither read nor written")
    func historyPathIsALink() throws {
        let dir = try Self.directory()
        defer { Self.clean(dir) }
        let path = dir.appendingPathComponent("history").path
        let victim = dir.appendingPathComponent("victim").path
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: victim)
        let warnings = Warnings()
        let h = Self.history(path, warnings)
        #expect(h.entries.isEmpty)
        for k in 0..<1_005 { h.add("z\(k)") }
        #expect(h.entries.last == "z1004")                              // kept in memory
        #expect(warnings.messages == [.historyIsSymbolicLink(path: path)])
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path) == victim)
    }

    @Test("a symbolic link put at the history path during a session is not followed")
    func historyPathBecomesALink() throws {
        let dir = try Self.directory()
        defer { Self.clean(dir) }
        let path = dir.appendingPathComponent("history").path
        let victim = dir.appendingPathComponent("victim").path
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        let warnings = Warnings()
        let h = Self.history(path, warnings)
        h.add("1")
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: victim)
        h.add("2")
        h.add("3")
        #expect(warnings.messages == [.historyIsSymbolicLink(path: path)])
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
    }

    @Test("the symbolic-link warning in English")
    func englishWarning() {
        #expect(Catalogue.english.text(.terminal(.historyIsSymbolicLink(path: "/h/history")))
                == "cannot use the history file /h/history: it is a symbolic link; history will not be saved")
    }
}
