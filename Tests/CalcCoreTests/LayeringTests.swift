// LayeringTests — CalcCore is one module, so no import line shows which
// folder uses which; this test does. Each folder of Sources/CalcCore is a
// layer, and a file may use only the names its own folder and the layers
// below declare (docs/architecture.md draws the picture). A back-reference
// — Syntax using a Symbolic type, Numeric reaching into Evaluation —
// fails here with the file and the name.

import Foundation
import Testing

struct Layering {
    /// Bottom first. Folders on one level are independent of each other.
    static let levels: [String: Int] = [
        "Source": 0, "Diagnostics": 1, "Syntax": 2, "Symbolic": 3, "Numeric": 4, "Plot": 4,
        "Evaluation": 5, "Commands": 6, "Rendering": 7, "": 8,   // "": Session.swift and Help.swift at the top
    ]

    static var coreRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/CalcCore")
    }

    /// Each Swift file of CalcCore with its folder ("" at the top).
    static func files() throws -> [(folder: String, name: String, text: String)] {
        var out: [(String, String, String)] = []
        let fm = FileManager.default
        guard let e = fm.enumerator(atPath: coreRoot.path) else { return [] }
        while let rel = e.nextObject() as? String {
            guard rel.hasSuffix(".swift") else { continue }
            let parts = rel.split(separator: "/")
            let folder = parts.count > 1 ? String(parts[0]) : ""
            out.append((folder, rel, try String(contentsOf: coreRoot.appendingPathComponent(rel), encoding: .utf8)))
        }
        return out
    }

    /// The text with comments and string literals blanked (a crude but sufficient lexer).
    static func code(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var s = String(line)
            if let r = s.range(of: "//") { s = String(s[..<r.lowerBound]) }
            var plain = "", inString = false, escaped = false
            for c in s {
                if inString {
                    if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                    continue
                }
                if c == "\"" { inString = true; continue }
                plain.append(c)
            }
            out += plain + "\n"
        }
        return out
    }

    /// Top-level types and functions a file declares.
    static func declarations(_ text: String) -> [String] {
        let pattern = #"(?m)^(?:public |internal |private |fileprivate |final |indirect |@\w+ )*(?:struct|enum|class|protocol|typealias|actor|func)\s+([A-Za-z_]\w*)"#
        let re = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    static func identifiers(_ text: String) -> Set<String> {
        var out = Set<String>(), cur = ""
        for c in text {
            if c.isLetter || c.isNumber || c == "_" { cur.append(c) } else { if !cur.isEmpty { out.insert(cur) }; cur = "" }
        }
        if !cur.isEmpty { out.insert(cur) }
        return out
    }
}

@Suite("layers")
struct LayeringTests {
    @Test("every folder of CalcCore is in a layer")
    func foldersKnown() throws {
        let folders = Set(try Layering.files().map(\.folder))
        #expect(!folders.isEmpty)
        for f in folders { #expect(Layering.levels[f] != nil, "add \(f)/ to Layering.levels and docs/architecture.md") }
    }

    @Test("no file uses a name declared in a layer above its own")
    func noBackReferences() throws {
        let files = try Layering.files()
        var owner: [String: String] = [:]   // declared name → folder
        for f in files { for d in Layering.declarations(f.text) { owner[d] = f.folder } }
        #expect(owner["Expr"] == "Symbolic" && owner["Interpreter"] == "Evaluation", "the declaration scan found nothing")
        var violations: [String] = []
        for f in files {
            guard let level = Layering.levels[f.folder] else { continue }
            for name in Layering.identifiers(Layering.code(f.text)).sorted() {
                guard let home = owner[name], home != f.folder, let homeLevel = Layering.levels[home], homeLevel >= level else { continue }
                violations.append("\(f.name) uses `\(name)` from \(home.isEmpty ? "the top level" : home + "/")")
            }
        }
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
    }
}
