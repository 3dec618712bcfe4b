// GoldenTests — runs every examples/*.calc, examples/pt/*.calc and Tests/CalcCoreTests/golden/*.calc
// through a Session and compares what it prints with the file's own
// `# expect: LINE` (a result line) and `# expect-error: MESSAGE` (a diagnostic)
// comments, in order. A file containing `# keep-going` runs past errors.
// An expected line ending in `…` matches any line with that prefix (for
// wall times, which vary from run to run).

import Testing
import Foundation
@testable import CalcCore

enum Golden {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files(in dir: String) -> [String] {
        let url = root.appendingPathComponent(dir)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".calc") }.sorted().map { dir + "/" + $0 }
    }

    static let all: [String] = files(in: "examples") + files(in: "examples/pt") + files(in: "Tests/CalcCoreTests/golden")

    /// The expected lines of a golden file.
    static func expectations(_ text: String) -> [String] {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.drop { $0 == " " }
            if t.hasPrefix("# expect: ") { out.append(String(t.dropFirst("# expect: ".count))) }
            else if t == "# expect:" { out.append("") }
            else if t.hasPrefix("# expect-error: ") { out.append("error: " + t.dropFirst("# expect-error: ".count)) }
            else if t.hasPrefix("# expect-warning: ") { out.append("warning: " + t.dropFirst("# expect-warning: ".count)) }
        }
        return out
    }

    static func matches(_ actual: String, _ expected: String) -> Bool {
        if expected.hasSuffix("…") { return actual.hasPrefix(String(expected.dropLast())) }
        return actual == expected
    }

    /// What a session prints for the file, one line per result line or diagnostic.
    static func actual(_ path: String, _ text: String) -> [String] {
        let session = Session()
        session.readFile = { p in
            let url = root.appendingPathComponent(p)
            if let s = try? String(contentsOf: url, encoding: .utf8) { return .success(s) }
            return .failure(ReadFailure("no such file"))
        }
        session.writeFile = { p, text in
            // files go to a temporary folder; a missing folder fails as the real writer does
            let url = URL(fileURLWithPath: p)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path, isDirectory: &isDir), isDir.boolValue else {
                return .failure(ReadFailure("no such file or directory"))
            }
            let out = FileManager.default.temporaryDirectory.appendingPathComponent(url.lastPathComponent)
            do { try text.write(to: out, atomically: true, encoding: .utf8) } catch { return .failure(ReadFailure("\(error)")) }
            return .success(())
        }
        var lines: [String] = []
        session.run(SourceFile(name: path, text: text), keepGoing: text.contains("# keep-going")) { event in
            switch event {
            case .result(let s), .info(let s): lines += s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // the directive names the severity; the message is in the file's language (`:lang pt`)
            case .diagnostic(let d): lines.append("\(d.severity.rawValue): \(session.settings.catalogue.text(d.text))")
            case .quit: break
            }
        }
        return lines
    }
}

@Suite("golden files")
struct GoldenTests {
    @Test("there are examples to run")
    func haveExamples() {
        #expect(Golden.files(in: "examples").count >= 5)
    }

    @Test("output matches the file's # expect lines", arguments: Golden.all)
    func golden(_ path: String) throws {
        let text = try String(contentsOf: Golden.root.appendingPathComponent(path), encoding: .utf8)
        let expected = Golden.expectations(text)
        #expect(!expected.isEmpty, "a golden file needs # expect lines")
        let actual = Golden.actual(path, text)
        let matches = actual.count == expected.count && zip(actual, expected).allSatisfy(Golden.matches)
        #expect(matches, "output differs from the # expect lines of \(path)")
        if !matches {
            if actual.count != expected.count {
                let printed = actual.joined(separator: "\n")
                Issue.record("\(actual.count) output lines, \(expected.count) expected:\n\(printed)")
            }
            for (i, (a, e)) in zip(actual, expected).enumerated() where !Golden.matches(a, e) {
                Issue.record("first difference at output line \(i + 1):\n  expected: \(e)\n  actual:   \(a)")
                break
            }
        }
    }
}
