// HelpTopicTests — `:help explain` and `:help plot` (issue 14): the topics
// answer to their names in both languages, every example they show runs,
// the overview and `:help meta` list them; and the docs link nothing outside
// the repository.

import Foundation
import Testing
@testable import CalcCore

@Suite("help topics explain and plot; links in the docs")
struct HelpTopicTests {
    @Test("`:help explain` and `:help plot` answer in both languages",
          arguments: [("explain", "explain diff(sigmoid(w*x + b), w)"), ("backprop", "explain diff(sigmoid(w*x + b), w)"),
                      ("plot", "plot sin(x), cos(x) from -pi to pi"), ("plots", "plot sin(x), cos(x) from -pi to pi")])
    func answers(_ name: String, _ example: String) throws {
        for language in Language.allCases {
            let s = Session()
            s.settings.language = language
            let (events, status) = s.run(":help \(name)")
            #expect(status == .ok)
            guard case .info(let text)? = events.first else { Issue.record("\(events)"); continue }
            #expect(text.contains(example))
        }
        #expect(Catalogue(.portuguese).text(HelpTopic.plot).contains("múltiplos de π/2"))
        #expect(Catalogue.english.text(HelpTopic.plot).contains("multiples of π/2"))
    }

    @Test("every example line of the explain and plot topics runs", arguments: [HelpTopic.explain, .plot])
    func examplesRun(_ topic: HelpTopic) {
        let lines = Catalogue.english.text(topic).split(separator: "\n").map { String($0.dropFirst(2)) }
            .filter { $0.hasPrefix("explain ") || $0.hasPrefix("plot ") || $0.hasPrefix("minimize ") }
        #expect(lines.count >= 3)
        for line in lines {
            // the example is what comes before the two-space gap of its note
            for example in line.components(separatedBy: "  ").map({ $0.trimmingCharacters(in: .whitespaces) })
            where example.hasPrefix("explain ") || example.hasPrefix("plot ") || example.hasPrefix("minimize ") {
                let s = Session()
                s.writeFile = { _, _ in .success(()) }
                let (events, status) = s.run("f(x, y) = (1 - x)^2 + 100*(y - x^2)^2\n" + example)
                #expect(status == .ok, "\(example): \(events)")
            }
        }
    }

    @Test("the overview and :help meta name the new topics, in both languages")
    func listed() {
        for c in [Catalogue.english, Catalogue(.portuguese)] {
            #expect(c.text(HelpTopic.overview).contains(":help explain, :help plot"))
            #expect(c.text(HelpTopic.meta).contains("minimize explain plot meta"))
        }
        #expect(Help.topics.contains("explain") && Help.topics.contains("plot"))
    }

    @Test("README and docs link only files inside the repository, and those exist")
    func linksStayInside() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
        let re = try NSRegularExpression(pattern: #"\]\(([^)#]+)[^)]*\)"#)
        for file in ["README.md"] + docs {
            let url = root.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(!text.contains("../shared"), "\(file) points outside the repository")
            for m in re.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let target = String(text[Range(m.range(at: 1), in: text)!])
                if target.hasPrefix("http") { continue }
                let resolved = url.deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL
                #expect(resolved.path.hasPrefix(root.standardizedFileURL.path + "/"), "\(file): \(target) is outside the repository")
                #expect(FileManager.default.fileExists(atPath: resolved.path), "\(file): \(target) does not exist")
            }
        }
    }
}

@Suite("the README's sessions are what calc prints")
struct ReadmeSessionTests {
    /// The README's transcripts: each ```` ``` ```` block with `> ` lines, as
    /// (inputs, expected output) per block.
    static func transcripts() throws -> [[(input: String, output: [String])]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var blocks: [[(input: String, output: [String])]] = []
        for (i, block) in text.components(separatedBy: "```").enumerated() where i % 2 == 1 {
            var steps: [(input: String, output: [String])] = []
            for line in block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                if line.hasPrefix("> ") { steps.append((String(line.dropFirst(2)), [])) }
                else if !steps.isEmpty, !line.isEmpty { steps[steps.count - 1].output.append(line) }
            }
            if !steps.isEmpty { blocks.append(steps) }
        }
        return blocks
    }

    @Test("every `> ` line of the README prints what the README shows (timings aside)")
    func transcriptsHold() throws {
        let blocks = try Self.transcripts()
        #expect(blocks.count >= 2)
        for block in blocks {
            let s = Session()
            for step in block {
                var printed: [String] = []
                for event in s.run(step.input).events {
                    if case .result(let r) = event { printed += r.split(separator: "\n").map(String.init) }
                }
                let untimed = { (lines: [String]) in lines.filter { !$0.hasPrefix("  time ") } }
                #expect(untimed(printed) == untimed(step.output), "\(step.input)")
            }
        }
    }
}
