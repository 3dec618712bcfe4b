// LanguageChoice — which language calc speaks, decided before anything is
// printed (the command line's own --help included): `--lang en|pt` among the
// arguments, else the locale — LC_ALL, then LC_MESSAGES, then LANG, the
// POSIX order, the first one set deciding — Portuguese when it starts with
// `pt` (pt_BR.UTF-8, pt_PT, pt), English otherwise (C, POSIX, en_US, …).
// `:lang` changes it later for the session.

import CalcCore
#if canImport(Glibc)
import Glibc
#endif

enum LanguageChoice {
    /// The language of the executable's own words (banner, warnings, --help).
    nonisolated(unsafe) static var current: Language = .english

    /// `--lang X` or `--lang=X` among the arguments, if X is a language.
    /// The text after `-e` is program text, never an option (`calc -e --lang`
    /// is not a language choice), as the parser reads it too.
    static func fromArguments(_ args: [String]) -> Language? {
        var choice: Language? = nil
        var k = 0
        while k < args.count {
            let a = args[k]
            if a == "-e" { k += 2; continue }
            if a == "--" { break }
            if a == "--lang", k + 1 < args.count { choice = Language(rawValue: args[k + 1].lowercased()) ?? choice; k += 1 }
            else if a.hasPrefix("--lang=") { choice = Language(rawValue: String(a.dropFirst(7)).lowercased()) ?? choice }
            k += 1
        }
        return choice
    }

    /// The locale's language.
    static func fromEnvironment(_ get: (String) -> String? = { getenv($0).map { String(cString: $0) } }) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = get(name), !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("pt") ? .portuguese : .english
        }
        return .english
    }
}

/// swift-argument-parser's help or error text with its fixed English phrases
/// (headings, "Error:") in the executable's language.
func inLanguage(_ parserText: String) -> String {
    guard LanguageChoice.current != .english else { return parserText }
    var out = parserText
    for p in TerminalMessage.ParserPhrase.allCases {
        let english = Catalogue.english.text(.terminal(.parserPhrase(p)))
        let local = words(.parserPhrase(p))
        out = replacing(out, english, with: local)
    }
    return out
}

/// `text` with every `target` replaced (no Foundation in the executable, for start-up time).
func replacing(_ text: String, _ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return text }
    var out = "", i = text.startIndex
    while i < text.endIndex {
        if text[i...].hasPrefix(target) {
            out += replacement
            i = text.index(i, offsetBy: target.count)
        } else {
            out.append(text[i])
            i = text.index(after: i)
        }
    }
    return out
}

/// The executable's own words, in its language.
func words(_ m: TerminalMessage) -> String { Catalogue(LanguageChoice.current).text(.terminal(m)) }
