// Completion — what Tab offers in the REPL.
//
// `candidates` is a pure function of the word under the cursor and the text
// before it (the pending lines of a multi-line statement included), so the
// rules are testable without a terminal:
//   - `:he` at the start of a statement → `:help`; after `:help ` the help
//     topics, after `:format ` the styles, after `:clear ` the user's names,
//     after `:load ` file names (readline's own completion);
//   - inside `minimize …` / `maximize …` the option words as well, and after
//     `method` the methods;
//   - otherwise built-in functions (with their Portuguese names when the
//     language is Portuguese) and the user's functions (completed with
//     `(`), the user's variables, derivative operations, constants, and the
//     command words at the start of a statement (completed with a space).
// A `(` typed right after a completion that appended `(` is skipped (the
// `(` key's binding, `openParenthesis`), so habit does not make `sigmoid((`.
// readline's glue (the C callbacks and their global state) is at the end.

import CalcCore
import CReadline
#if canImport(Glibc)
import Glibc
#endif

enum Completion {
    struct Candidate: Equatable {
        let text: String
        /// Appended when this is the only match: "(" for functions, " " for words that take more.
        let suffix: String
    }

    /// What the completer should do.
    enum Answer: Equatable {
        case candidates([Candidate])
        /// Let readline complete a file name (`:load "…`).
        case fileNames
    }

    // the language's own word lists, so completion never falls behind the parser
    static let metaCommands: [(String, String)] = Session.metaCommands.map { ($0, $0 == "vars" || $0 == "quit" ? "" : " ") }
    static let commandWords = Parser.commandWords.sorted()
    static let optimizeWords = [ContextualWord.from, .rate].map(\.rawValue) + Parser.optimizeOptions
        + [ContextualWord.to, .random, .in].map(\.rawValue)
    static let methods = Method.allCases.map(\.rawValue)
    static let plotWords = [ContextualWord.from, .to, .over].map(\.rawValue)
    /// Operations that read like functions: `diff(…)`, `expand(…)`.
    static let operations = reserved(.operation)
    /// Operations usually followed by a function name: `grad f at (1, 2)`.
    static let prefixOperations = reserved(.prefixOperation)
    /// The constants by their ASCII names, except `e`: one letter, it would
    /// only crowd the list of everything else that starts with `e`.
    static let constants = Constant.allCases.map(\.rawValue).filter { $0.count > 1 }

    static func reserved(_ form: ReservedWord.Form) -> [String] {
        ReservedWord.allCases.filter { $0.form == form }.map(\.rawValue)
    }
    static let formats = Printer.Style.allCases.map(\.rawValue)

    /// The candidates for `word` (the text being completed), given the text
    /// before it on this line and the statement's earlier lines (`pending`).
    static func candidates(word: String, before: String, pending: String = "",
                           userNames: [String], userFunctions: Set<String>, language: Language = .english) -> Answer {
        // the statement the cursor is in: after the last `;` (or the start)
        let all = pending.isEmpty ? before : pending + "\n" + before
        var statement = Substring(all)
        if let semi = statement.lastIndex(of: ";") { statement = statement[statement.index(after: semi)...] }
        let head = History.trim(statement)

        func matching(_ items: [Candidate]) -> Answer {
            var seen = Set<String>()
            let found = items.filter { $0.text.hasPrefix(word) && $0.text != "" && seen.insert($0.text).inserted }
            return .candidates(found.sorted { $0.text < $1.text })
        }

        // meta commands: `:he` at the start of a statement
        if head.isEmpty && word.hasPrefix(":") {
            return matching(metaCommands.map { Candidate(text: ":" + $0.0, suffix: $0.1) })
        }
        if head.hasPrefix(":") {
            let command = head.dropFirst().prefix { $0 != " " && $0 != "\t" }
            let argumentStarted = head.dropFirst(command.count + 1).contains { $0 != " " && $0 != "\t" }
            switch command {
            case "help", "h", "?":
                if argumentStarted { return .candidates([]) }
                return matching(Help.topics.map { Candidate(text: $0, suffix: "") })
            case "format":
                if argumentStarted { return .candidates([]) }
                return matching(formats.map { Candidate(text: $0, suffix: "") })
            case "lang":
                if argumentStarted { return .candidates([]) }
                return matching(Language.allCases.map { Candidate(text: $0.rawValue, suffix: "") })
            case "clear":
                return matching(userNames.filter { $0 != "ans" }.map { Candidate(text: $0, suffix: " ") })
            case "load":
                return .fileNames
            default:
                return .candidates([])
            }
        }

        let words = nameWords(head)
        let first = words.first ?? ""
        var items: [Candidate] = []
        let command = CommandWord(rawValue: first)
        if command == .minimize || command == .maximize {
            let previous = previousWord(all)
            if previous == OptionWord.method.rawValue {
                return matching(methods.map { Candidate(text: $0, suffix: " ") })
            }
            // a start point follows `from`: a point, or `random 20 in (…)`
            let random = ContextualWord.random.rawValue
            let options = previous == ContextualWord.from.rawValue ? [random] : optimizeWords.filter { $0 != random }
            items += options.map { Candidate(text: $0, suffix: " ") }
        } else if command == .plot, words.count >= 2 {
            items += plotWords.map { Candidate(text: $0, suffix: " ") }
        }
        if head.isEmpty {
            items += commandWords.map { Candidate(text: $0, suffix: " ") }
        } else if !word.isEmpty {
            items.append(Candidate(text: ContextualWord.at.rawValue, suffix: " "))
        }
        // the Portuguese names (`sen`, `raiz`) are offered to those who chose Portuguese
        let builtins = language == .portuguese ? Builtin.surfaceNames
            : Builtin.surfaceNames.filter { !Callee.portugueseNames.contains($0) }
        items += builtins.map { Candidate(text: $0, suffix: "(") }
        items += operations.map { Candidate(text: $0, suffix: "(") }
        items += prefixOperations.map { Candidate(text: $0, suffix: " ") }
        for name in userNames {
            items.append(Candidate(text: name, suffix: userFunctions.contains(name) ? "(" : ""))
        }
        items += constants.map { Candidate(text: $0, suffix: "") }
        return matching(items)
    }

    /// The names (identifier-like words) of a text, in order.
    static func nameWords<S: StringProtocol>(_ text: S) -> [String] {
        var words: [String] = []
        var current = ""
        for c in text {
            if c.isLetter || c.isNumber || c == "_" || c == "'" {
                current.append(c)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.filter { $0.first.map { $0.isLetter || $0 == "_" } ?? false }
    }

    /// The last whole word before the cursor's word (`… method ` → "method").
    static func previousWord(_ text: String) -> String? {
        var t = Substring(text)
        while let c = t.last, c == " " || c == "\t" || c == "\n" { t = t.dropLast() }
        let word = t.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return word.isEmpty ? nil : String(word.reversed())
    }

    // MARK: readline glue

    /// The session whose names are offered, and the statement's earlier lines.
    nonisolated(unsafe) static var session: Session?
    nonisolated(unsafe) static var pending = ""
    nonisolated(unsafe) static var current: [Candidate] = []
    nonisolated(unsafe) static var nextIndex = 0
    /// True when the last completion appended a `(` (a function's name).
    nonisolated(unsafe) static var appendedParen = false

    static func install(session: Session) {
        Completion.session = session
        calc_rl_set_completer(attemptCompletion)
        calc_rl_bind_key(0x28, openParenthesis)
    }

    /// The `(` key: skipped when it comes right after a completion that
    /// appended `(` (`sigm` Tab gives `sigmoid(`, and the `(` a user types
    /// from habit must not make `sigmoid((`); inserted otherwise.
    static let openParenthesis: @convention(c) (Int32, Int32) -> Int32 = { count, key in
        if count == 1, Completion.appendedParen, calc_rl_last_command_was_completion() != 0,
           calc_rl_char_before_point() == 0x28 {
            Completion.appendedParen = false
            return 0
        }
        return rl_insert(count, key)
    }

    /// readline's attempted-completion function: (text, start, end) → matches.
    static let attemptCompletion: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, _ in
        let word = text.map { String(cString: $0) } ?? ""
        var before = ""
        if let buffer = calc_rl_line_buffer(), start > 0 {
            let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(start))
            before = String(decoding: bytes, as: UTF8.self)
        }
        let session = Completion.session
        let answer = Completion.candidates(word: word, before: before, pending: Completion.pending,
                                           userNames: session?.userNames ?? [],
                                           userFunctions: session?.userFunctionNames ?? [],
                                           language: session?.settings.language ?? .english)
        switch answer {
        case .fileNames:
            Completion.appendedParen = false
            calc_rl_set_completion_over(0)          // readline completes file names
            calc_rl_set_append_character(0)         // and closes the quote itself
            return nil
        case .candidates(let found):
            calc_rl_set_completion_over(1)          // never fall back to file names
            Completion.current = found
            Completion.nextIndex = 0
            Completion.appendedParen = false
            guard !found.isEmpty else { return nil }
            // the character appended when the completion is unique (readline
            // resets it to a space before every completion)
            var append: Int32 = 0
            if found.count == 1, let suffix = found[0].suffix.unicodeScalars.first, suffix.isASCII {
                append = Int32(suffix.value)
                // no second `(` when one already follows the cursor
                if append == 0x28 && calc_rl_char_after_point() == 0x28 { append = 0 }
            }
            calc_rl_set_append_character(append)
            Completion.appendedParen = append == 0x28
            return rl_completion_matches(text, generator)
        }
    }

    /// readline's generator: called with state 0, 1, 2, … until it returns nil.
    static let generator: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
        if state == 0 { Completion.nextIndex = 0 }
        guard Completion.nextIndex < Completion.current.count else { return nil }
        let candidate = Completion.current[Completion.nextIndex]
        Completion.nextIndex += 1
        return strdup(candidate.text)
    }
}
