// ExplainBackpropTests — `explain … at` (issue 14): numbers for a loss over
// data, intermediate names that cannot collide with the user's, and lines
// wrapped to the width setting.

import Testing
@testable import CalcCore

@Suite("explain's backpropagation view")
struct ExplainBackpropTests {
    /// L(w) = mean((w·xs − ys)²) over xs = [1, 2, 3], ys = [2, 4, 7] at w = 1:
    /// dL/dw = (2/3)·Σ(w·x − y)·x = (2/3)·(−1 − 4 − 12) = −34/3.
    @Test("a loss over data gets its numbers, list by list")
    func data() {
        let s = Session()
        _ = s.run("xs = [1, 2, 3]\nys = [2, 4, 7]")
        let text = explainText("explain diff(mean((w*xs - ys)^2), w) at (w = 1)", session: s)
        #expect(!text.contains("holds a list"), "\(text)")
        #expect(text.contains("= [1, 4, 16]"), "\(text)")          // the squared errors
        #expect(text.contains("= mean(") && text.contains("= 7"), "\(text)")   // their mean, 21/3
        #expect(text.hasSuffix("gradient (w) = (-11.3333333333)"), "\(text)")
    }

    @Test("the gradient over data agrees with diff at the point", arguments: [
        "mean((w*xs + b - ys)^2)", "sum(ln(1 + exp(-ys*(w*xs + b))))", "mean(sigmoid(w*xs + b)) + w^2",
    ])
    func dataAgrees(_ loss: String) {
        let s = Session()
        _ = s.run("xs = [0.5, -1, 2, 3]\nys = [1, -1, 1, 1]")
        let text = explainText("explain diff(\(loss), w) at (w = 0.3, b = -0.2)", session: s)
        let dw = Double(explainText("diff(\(loss), w) at (w = 0.3, b = -0.2)", session: s))
        let db = Double(explainText("diff(\(loss), b) at (w = 0.3, b = -0.2)", session: s))
        guard let line = text.split(separator: "\n").last, line.hasPrefix("gradient (w, b) = ("), let dw, let db else {
            Issue.record("\(text)"); return
        }
        let numbers = line.dropFirst("gradient (w, b) = (".count).dropLast().split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        #expect(numbers.count == 2)
        if numbers.count == 2 {
            #expect(Swift.abs(numbers[0] - dw) <= 1e-9 * Swift.max(1, Swift.abs(dw)))
            #expect(Swift.abs(numbers[1] - db) <= 1e-9 * Swift.max(1, Swift.abs(db)))
        }
    }

    @Test("a user variable v1 does not collide with the pieces' names")
    func names() {
        let text = explainText("explain diff(v1*sin(v2*x), x) at (v1 = 2, v2 = 3, x = 0.5)")
        let lines = text.split(separator: "\n").map(String.init)
        // every piece's label is defined once, and none is the user's v1 or v2
        let labels = lines.filter { $0.hasPrefix("  ") && $0.contains(" = ") && !$0.contains("∂") && !$0.contains("d/d") }
            .map { $0.dropFirst(2).split(separator: " ")[0] }
        #expect(!labels.isEmpty)
        #expect(Set(labels).count == labels.count, "\(labels)")
        #expect(!labels.contains("v1") && !labels.contains("v2"), "\(labels)")
        #expect(text.contains("  t1 = v1 "), "\(text)")
        #expect(text.hasSuffix("gradient (v1, v2, x) = (0.997494986604, 0.0707372016677, 0.424423210006)"), "\(text)")
    }

    @Test("names numbered after v stay when nothing collides")
    func prefix() {
        #expect(ExplainText.intermediatePrefix(avoiding: ["w", "x", "v", "vx"]) == "v")
        #expect(ExplainText.intermediatePrefix(avoiding: ["v12"]) == "t")
        #expect(ExplainText.intermediatePrefix(avoiding: ["v1", "t3", "p2", "q1", "s9", "r4"]) == "v′")
    }

    /// A sum of 20 terms: its forward line and the backward line of the
    /// shared piece run to hundreds of characters unwrapped.
    @Test("backpropagation lines are wrapped to the width", arguments: [40, 72, 100])
    func wrapped(_ width: Int) {
        let s = Session()
        var settings = s.settings
        settings.plotWidth = width
        s.settings = settings
        let terms = (1...20).map { "sin(\($0)*w)" }.joined(separator: " + ")
        let text = explainText("explain diff(\(terms), w) at (w = 0.1)", session: s)
        let back = text.split(separator: "\n").drop { !$0.hasPrefix("forward pass") }.dropLast()
        #expect(back.count > 40)
        for line in back { #expect(line.count <= width, "\(line)") }
    }
}
