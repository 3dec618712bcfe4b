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
    static func fromArguments(_ args: [String]) -> Language? {
        var choice: Language? = nil
        var k = 0
        while k < args.count {
            let a = args[k]
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

/// The executable's own words, in its language.
func words(_ m: TerminalMessage) -> String { Catalogue(LanguageChoice.current).text(.terminal(m)) }
