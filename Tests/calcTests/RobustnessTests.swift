// RobustnessTests — bad input never crashes or hangs the built `calc` binary.
//
// Each case feeds hostile input (deep nesting, long lines, random and invalid
// bytes, huge programs, unusual files) and checks that calc answers with an
// error or nothing and exits 0, 1 or 2 — never a signal (a trap, a stack
// overflow: reported here as 128 + the signal number) and never a hang
// (killed at the timeout with SIGKILL: 137).
// Large inputs go through files in a temporary directory (an argument is
// limited to 128 KiB by the kernel). Random input is seeded: every run sees
// the same bytes. The whole suite takes well under a minute in a debug build.

import Testing
import Foundation
import struct CalcCore.SeededRandom
import class CalcCore.Session

@Suite("robustness: bad input never crashes or hangs")
struct RobustnessTests {
    // MARK: helpers

    /// Writes `bytes` to a new file and returns its path.
    static func file(_ name: String, _ bytes: [UInt8], in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func file(_ name: String, _ text: String, in dir: URL) throws -> String {
        try file(name, Array(text.utf8), in: dir)
    }

    /// Runs calc with a 30 s limit (CalcBinary.run kills an overdue calc with SIGKILL).
    static func run(_ arguments: [String], stdin: String? = nil, timeout: TimeInterval = 30) throws -> CalcBinary.Result {
        try CalcBinary.run(arguments, stdin: stdin, timeout: timeout)
    }

    /// Runs calc on a file holding `text` (written to a temporary directory).
    static func runFile(_ text: String, args: [String] = [], timeout: TimeInterval = 30) throws -> CalcBinary.Result {
        try runFile(Array(text.utf8), args: args, timeout: timeout)
    }

    static func runFile(_ bytes: [UInt8], args: [String] = [], timeout: TimeInterval = 30) throws -> CalcBinary.Result {
        let dir = try CalcBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try file("input.calc", bytes, in: dir)
        return try run(args + [path], timeout: timeout)
    }

    /// The contract for bad input: exit 0, 1 or 2, no signal, no runtime trap message.
    static func expectSurvived(_ r: CalcBinary.Result, _ what: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status >= 0 && r.status <= 2,
                "\(what): exit status \(r.status) (128 + N is signal N: a crash, a stack overflow; 137: killed at the timeout); stderr: \(r.stderr.prefix(500))",
                sourceLocation: sourceLocation)
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack overflow")
                && !r.stderr.contains("AddressSanitizer"),
                "\(what): runtime failure: \(r.stderr.prefix(500))", sourceLocation: sourceLocation)
    }

    /// A rendered error: exit 1 and `message` on stderr, nothing unexpected on stdout.
    static func expectError(_ r: CalcBinary.Result, containing message: String, _ what: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        expectSurvived(r, what, sourceLocation: sourceLocation)
        #expect(r.status == 1, "\(what): expected exit 1, got \(r.status)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains("error:"), "\(what): no error on stderr", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(message), "\(what): stderr lacks “\(message)”: \(r.stderr.prefix(500))",
                sourceLocation: sourceLocation)
    }

    static func repeated(_ s: String, _ n: Int, separator: String = "") -> String {
        Array(repeating: s, count: n).joined(separator: separator)
    }

    // MARK: nesting and long chains

    @Test("100,000 nested parentheses: a clean “nested too deeply” error")
    func deepParentheses() throws {
        let n = 100_000
        let r = try Self.runFile(String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n) + "\n")
        Self.expectError(r, containing: "nested too deeply", "100,000 parentheses")
        #expect(r.stderr.count < 10_000, "the error quotes a window of the line, not all of it")
    }

    @Test("100,000 opening parentheses and brackets left open at end of input")
    func deepUnclosed() throws {
        Self.expectError(try Self.runFile(String(repeating: "(", count: 100_000)), containing: "nested too deeply", "100,000 `(`")
        Self.expectError(try Self.runFile(String(repeating: "[", count: 100_000)), containing: "nested too deeply", "100,000 `[`")
        Self.expectError(try Self.runFile(Self.repeated("f(", 50_000)), containing: "nested too deeply", "50,000 `f(`")
    }

    @Test("`-` repeated 100,000 times")
    func unaryChain() throws {
        Self.expectError(try Self.runFile(String(repeating: "-", count: 100_000) + "1\n"),
                         containing: "nested too deeply", "100,000 minus signs")
        Self.expectError(try Self.runFile(String(repeating: "√", count: 100_000) + "2\n"),
                         containing: "nested too deeply", "100,000 square roots")
    }

    @Test("`x^x^x^…` 100,000 times (right-associative power)")
    func powerTower() throws {
        Self.expectError(try Self.runFile(Self.repeated("x", 100_000, separator: "^") + "\n"),
                         containing: "nested too deeply", "power tower")
    }

    @Test("`f''''…'` with 10,000 primes")
    func manyPrimes() throws {
        let primes = String(repeating: "'", count: 10_000)
        let poly = try Self.runFile("f(t) = t^3\nf\(primes)\nf\(primes)(2)\n")
        Self.expectSurvived(poly, "10,000 primes of a cubic")
        #expect(poly.status == 0)
        #expect(poly.stdout.hasSuffix("\n0\n"), "the 10,000th derivative of t^3 at 2 is 0")
        let trig = try Self.runFile("g(t) = sin(t)\ng\(primes)(1)\n")   // 10,000 ≡ 0 (mod 4): sin again
        Self.expectSurvived(trig, "10,000 primes of sin")
        #expect(trig.stdout.hasSuffix("0.841470984808\n"), "stdout: \(trig.stdout.suffix(200))")
    }

    @Test("deeply nested diff(diff(…)): 200 levels work, 10,000 give an error")
    func nestedDiff() throws {
        let ok = try Self.runFile(Self.repeated("diff(", 200) + "sin(x)" + Self.repeated(", x)", 200) + "\n")
        Self.expectSurvived(ok, "200 nested diff")
        #expect(ok.stdout == "sin(x)\n", "the 200th derivative of sin is sin; stderr: \(ok.stderr.prefix(300))")
        let deep = try Self.runFile(Self.repeated("diff(", 10_000) + "x" + Self.repeated(", x)", 10_000) + "\n")
        Self.expectError(deep, containing: "nested too deeply", "10,000 nested diff")
    }

    // MARK: big programs

    @Test("a 100,000-term sum")
    func longSum() throws {
        let same = try Self.runFile(Self.repeated("x", 100_000, separator: " + ") + "\n")
        Self.expectSurvived(same, "x + x + …")
        #expect(same.stdout == "100000*x\n")
        let numbers = try Self.runFile(Self.repeated("1", 100_000, separator: "+") + "\n")
        Self.expectSurvived(numbers, "1 + 1 + …")
        #expect(numbers.stdout == "100000\n")
    }

    @Test("a 100,000-term sum of distinct names")
    func longDistinctSum() throws {
        let distinct = try Self.runFile((0..<100_000).map { "a\($0)" }.joined(separator: " + ") + "\n")
        Self.expectSurvived(distinct, "a0 + a1 + … + a99999")
        #expect(distinct.status == 0)
        #expect(distinct.stdout.hasPrefix("a0 + a1 + a2 + "), "sorted naturally: \(distinct.stdout.prefix(80))")
    }

    @Test("50,000 statements")
    func manyStatements() throws {
        let r = try Self.runFile("x = 0;\n" + String(repeating: "x = x + 1;\n", count: 50_000) + "x\n")
        Self.expectSurvived(r, "50,000 statements")
        #expect(r.stdout == "50000\n")
        #expect(r.stderr == "")
    }

    @Test("a variable re-bound 5,000 times to build a huge expression: `y = sin(y)`")
    func reboundInLoop() throws {
        let r = try Self.runFile(String(repeating: "y = sin(y);\n", count: 5_000) + "y\n")
        Self.expectError(r, containing: "too deep", "y = sin(y) × 5,000")
        // the error is at the statement that crossed the limit, not at the end
        #expect(r.stderr.contains("input.calc:2000:"), "stderr: \(r.stderr.prefix(300))")
    }

    @Test("100,000 syntax errors are capped")
    func manyErrors() throws {
        let r = try Self.runFile(String(repeating: ")\n", count: 100_000))
        Self.expectError(r, containing: "too many errors", "100,000 stray `)`")
        #expect(r.stderr.components(separatedBy: "error:").count - 1 <= 21)
    }

    @Test("--keep-going over 2,000 failing statements")
    func manyRuntimeErrors() throws {
        let r = try Self.runFile(String(repeating: "ln(-1)\n", count: 2_000) + "7\n", args: ["--keep-going"])
        Self.expectSurvived(r, "2,000 runtime errors")
        #expect(r.status == 1)
        #expect(r.stdout == "7\n")
    }

    // MARK: long lines

    @Test("1 MB lines: a sum, a name, a comment, bad characters")
    func megabyteLines() throws {
        let sum = try Self.runFile(Self.repeated("1", 500_000, separator: "+") + "\n")   // 1 MB
        Self.expectSurvived(sum, "1 MB sum")
        #expect(sum.stdout == "500000\n")

        let name = String(repeating: "a", count: 1 << 20)
        let longName = try Self.runFile(name + "\n")
        Self.expectSurvived(longName, "1 MB name")
        #expect(longName.stdout == name + "\n", "an unbound name is its own symbolic value")

        let comment = try Self.runFile("# " + String(repeating: "c", count: 1 << 20) + "\n1\n")
        Self.expectSurvived(comment, "1 MB comment")
        #expect(comment.stdout == "1\n")
        #expect(comment.stderr == "")

        let start = Date()
        let garbage = try Self.runFile(String(repeating: "$", count: 1 << 20) + "\n")
        Self.expectError(garbage, containing: "unexpected character `$`", "1 MB of `$`")
        #expect(garbage.stderr.count < 20_000, "errors are capped and quote a window of the line")
        #expect(Date().timeIntervalSince(start) < 15, "rendering errors on a 1 MB line must not be quadratic")
    }

    @Test("a 1 MB line on stdin")
    func megabyteStdin() throws {
        let r = try Self.run([], stdin: Self.repeated("2", 350_000, separator: "*0+") + "\n")
        Self.expectSurvived(r, "1 MB on stdin")
        #expect(r.stdout == "2\n")
    }

    // MARK: random and invalid bytes

    @Test("200 KB of random bytes (seeded)", arguments: [UInt64(1), 2, 3])
    func randomBytes(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let bytes = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        let r = try Self.runFile(bytes)
        Self.expectSurvived(r, "random bytes, seed \(seed)")
        #expect(r.status == 1, "random bytes are not a valid program")
        let kept = try Self.runFile(bytes, args: ["--keep-going"])
        Self.expectSurvived(kept, "random bytes with --keep-going, seed \(seed)")
    }

    @Test("200 KB of random calc tokens (seeded)", arguments: [UInt64(7), 8])
    func randomTokens(seed: UInt64) throws {
        let tokens = ["x", "y", "f", "g", "1", "2.5", "1e3", "0", "+", "-", "*", "/", "^", "**", "(", ")", "[", "]",
                      ",", "=", "'", "\n", ";", " ", "sin", "ln", "sqrt", "diff(", "d/dx", "∂f/∂x", "∇", "grad",
                      "hessian", "at", "f(x) = ", "g(x, y) = ", "√", "π", "·", "×", "x₁", "θ", "\"", ":vars", ":help",
                      "minimize", "from", "rate", "plot", "to", "explain", "[1, 2, 3]", "(1, 2)", "#", "²"]
        var rng = SeededRandom(seed: seed)
        var text = ""
        while text.utf8.count < 200_000 { text += tokens[Int(rng.next() % UInt64(tokens.count))] }
        Self.expectSurvived(try Self.runFile(text), "random tokens, seed \(seed)")
        Self.expectSurvived(try Self.runFile(text, args: ["--keep-going"]), "random tokens with --keep-going, seed \(seed)")
    }

    /// Programs built from the newer constructs: `:lang`, Portuguese aliases, the
    /// decimal comma, ∞, long postfix chains, big integers, a Hessian of many variables.
    static func constructProgram(_ rng: inout SeededRandom) -> String {
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        let aliases = ["sen", "tg", "cotg", "cossec", "arcsen", "arccos", "arctg", "senh", "tgh", "raiz",
                       "sin", "ln", "sqrt"]
        let atoms = ["x", "0,5", "1,25", "0.5", "∞", "-∞", "2^64", "3037000500^2", "2", "(0,5)", "π"]
        var lines: [String] = []
        for _ in 0..<(4 + Int(rng.next() % 8)) {
            switch rng.next() % 9 {
            case 0: lines.append(pick([":lang en", ":lang pt", ":lang", ":lang xx"]))
            case 1: lines.append("\(pick(aliases))(\(pick(atoms))) + \(pick(aliases))(\(pick(atoms)))")
            case 2: lines.append("f(x) = \(pick(aliases))(x)^2 + x")
            case 3:
                let n = 1 + Int(rng.next() % 40)
                lines.append("x^2" + String(repeating: " at \(pick(["2", "0,5", "∞", "x"]))", count: n))
            case 4:
                let n = 1 + Int(rng.next() % 12)
                lines.append("f'(1)" + String(repeating: "'(1)", count: n))
            case 5: lines.append("\(pick(atoms)) \(pick(["+", "-", "*", "/", "^"])) \(pick(atoms))")
            case 6: lines.append("minimize f from \(pick(["(0,5)", "(1)", "(∞)"])) rate \(pick(["0,5", "0.1", "0,01"])) steps 20")
            case 7:
                let n = 2 + Int(rng.next() % 11)
                let vars = (1...n).map { "v\($0)" }
                lines.append("h(\(vars.joined(separator: ", "))) = \(vars.joined(separator: "*")) + sin(\(vars[0])*\(vars[n - 1]))")
                lines.append(pick(["hessian h", "hessian h at (\((1...n).map(String.init).joined(separator: ", ")))", "grad h"]))
            default: lines.append("explain diff(\(pick(aliases))(\(pick(aliases))(x)*x)*x, x)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("generated programs with the newer constructs: no crash, bounded time each (seeded)")
    func generatedConstructs() throws {
        var rng = SeededRandom(seed: 2024)
        var slowest = 0.0
        for k in 0..<150 {
            let program = Self.constructProgram(&rng)
            let start = Date()
            _ = Session().run(program, keepGoing: true)
            let seconds = Date().timeIntervalSince(start)
            slowest = max(slowest, seconds)
            #expect(seconds < 10, "program \(k) took \(seconds) s:\n\(program)")
        }
        // and a few through the binary, for the exit status and the rendering
        for _ in 0..<5 {
            let program = Self.constructProgram(&rng)
            Self.expectSurvived(try Self.runFile(program, args: ["--keep-going"]), "generated program:\n\(program)")
        }
        #expect(slowest < 10)
    }

    @Test("invalid UTF-8 is reported, not a crash")
    func invalidUTF8() throws {
        let cases: [(String, [UInt8])] = [
            ("a lone 0xFF", [0xFF, 0x0A]),
            ("0xFE 0xFF", [0x31, 0x2B, 0xFE, 0xFF, 0x0A]),
            ("an overlong `/`", [0xC0, 0xAF, 0x0A]),
            ("a UTF-16 surrogate", [0xED, 0xA0, 0x80, 0x0A]),
            ("a lone continuation byte", [0x78, 0x80, 0x0A]),
            ("a truncated sequence at end of input", [0x31, 0x2B, 0xE2, 0x88]),
            ("inside a name", Array("ab".utf8) + [0xFF] + Array("cd = 1\n".utf8)),
        ]
        for (what, bytes) in cases {
            Self.expectError(try Self.runFile(bytes), containing: "invalid UTF-8", what)
        }
        // in a comment: ignored
        let comment = try Self.runFile(Array("1 # ".utf8) + [0xFF, 0xFE] + Array("\n2\n".utf8))
        Self.expectSurvived(comment, "invalid UTF-8 in a comment")
        #expect(comment.stdout == "1\n2\n")
        // in a string and a meta command's argument: no crash
        Self.expectSurvived(try Self.runFile(Array("plot x from 0 to 1 to \"".utf8) + [0xFF] + Array("\"\n".utf8)), "in a string")
        Self.expectSurvived(try Self.runFile(Array(":load \"".utf8) + [0xC3] + Array("\"\n".utf8)), "in :load")
        // NUL bytes
        Self.expectError(try Self.runFile([0x31, 0x00, 0x2B, 0x32, 0x0A]), containing: "error", "a NUL byte")
    }

    // MARK: files

    @Test("a directory as the script: usage error 2")
    func directoryScript() throws {
        let dir = try CalcBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run([dir.path])
        Self.expectSurvived(r, "directory")
        #expect(r.status == 2)
        #expect(r.stderr.contains("directory"), "stderr: \(r.stderr)")
        #expect(r.stdout == "")
    }

    @Test("a missing file as the script: usage error 2")
    func missingScript() throws {
        let dir = try CalcBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run([dir.appendingPathComponent("missing.calc").path])
        Self.expectSurvived(r, "missing file")
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot read"), "stderr: \(r.stderr)")
    }

    @Test(":load of a directory, a missing file, itself")
    func loadBadFiles() throws {
        let dir = try CalcBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sub = dir.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        Self.expectError(try Self.run(["-e", ":load \"\(sub.path)\""]), containing: "cannot load", ":load a directory")
        Self.expectError(try Self.run(["-e", ":load \"\(dir.path)/missing.calc\""]), containing: "cannot load", ":load a missing file")
        let selfPath = dir.appendingPathComponent("self.calc").path
        _ = try Self.file("self.calc", ":load \"\(selfPath)\"\n", in: dir)
        Self.expectError(try Self.run([selfPath]), containing: "nested too deeply", "a file loading itself")
    }

    @Test("empty inputs: nothing printed, exit 0")
    func emptyInputs() throws {
        let dir = try CalcBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = try Self.file("empty.calc", [], in: dir)
        let blank = try Self.file("blank.calc", "\n\n  \t\n# only a comment\n;;\n", in: dir)
        for r in [try Self.run([empty]), try Self.run([blank]), try Self.run([], stdin: ""),
                  try Self.run(["-e", ""]), try Self.run(["/dev/null"])] {
            Self.expectSurvived(r, "empty input")
            #expect(r.status == 0)
            #expect(r.stdout == "")
            #expect(r.stderr == "")
        }
    }

    // MARK: unclosed at end of input

    @Test("unclosed brackets and strings at end of input", arguments: [
        ("(1 + 2", "unclosed"), ("[1, 2", "unclosed"), ("f(1, ", "expected"), ("sin(x", "unclosed"),
        ("((1)", "unclosed"), ("diff(x^2, x", "unclosed"), ("grad(x*y", "unclosed"),
        ("f(x, y) = (x", "unclosed"), ("x^", "expected an expression"), ("1 +", "expected an expression"),
        ("\"abc", "unterminated string"), ("plot x from 0 to 1 to \"out.svg", "unterminated string"),
        ("minimize x^2 from (1", "unclosed"), ("(x = 1, y = 2", "unclosed"), ("∂f/", "∂"), ("d/dx", "expected"),
    ])
    func unclosedAtEOF(_ input: String, _ message: String) throws {
        for r in [try Self.run([], stdin: input), try Self.run(["-e", input]), try Self.runFile(input)] {
            Self.expectError(r, containing: message, "`\(input)` at end of input")
        }
    }

    // MARK: expression swell

    /// The printer writes a value as a tree, though it is stored as a DAG with
    /// shared parts: doubling by composition makes the printed form 2^32 nodes.
    /// Printing checks the written-out size first and gives an error.
    @Test("a result whose printed form is exponentially large gives an error, not a hang")
    func printedSizeExplosion() throws {
        let program = """
        f(x) = sin(x) + cos(x); g(x) = f(f(x)); h(x) = g(g(x)); i(x) = h(h(x)); j(x) = i(i(x)); k(x) = j(j(x))
        k(1)
        k(x)
        """
        let r = try Self.runFile(program, timeout: 20)
        Self.expectSurvived(r, "printing k(x)")
        #expect(r.status == 1)
        #expect(r.stderr.contains("too large to print"))
    }

    /// Chain rule through sin nested 512 deep: a product of 512 cosines of
    /// nested sines. Canonical ordering once compared such operands
    /// recursively, O(depth³): minutes. Now well under a second.
    @Test("the derivative of sin nested 512 deep takes seconds, not minutes")
    func deepChainRule() throws {
        let defs = (1...9).map { "f\($0)(x) = f\($0 - 1)(f\($0 - 1)(x))" }
        let program = (["f0(x) = sin(x)"] + defs).joined(separator: "; ") + "\nd = diff(f9(x), x);\nd at 0.5\n"
        let r = try Self.runFile(program, timeout: 20)
        Self.expectSurvived(r, "diff of sin nested 512 deep")
        #expect(r.status == 0)
        // ∏ cos(sinᵏ(0.5)) for k = 0…511, computed by a plain loop
        #expect(r.stdout.hasSuffix("\n0.00326874964155\n"), "stdout: \(r.stdout.suffix(200))")
    }

    @Test("composition 2,048 deep: numbers work, the symbolic form is “too deep”")
    func deepComposition() throws {
        let defs = (1...11).map { "f\($0)(x) = f\($0 - 1)(f\($0 - 1)(x))" }
        let program = (["f0(x) = sin(x)"] + defs).joined(separator: "; ") + ";\nf11(1)\nf11(x)\n"
        let r = try Self.runFile(program)
        Self.expectError(r, containing: "too deep", "sin composed 2,048 times, symbolically")
        #expect(r.stdout == "0.0382079693751\n", "stdout: \(r.stdout.prefix(200))")
    }
}
