// Help — the topics of `:help` and the names they answer to. The text of
// each topic is the catalogue's (English+Help.swift), in the user's language.

public enum HelpTopic: String, Sendable, CaseIterable {
    case overview = ""
    case syntax, functions, derivatives, minimize, meta, explain, plot

    /// A topic by any name it answers to (`:help diff` is the derivatives topic).
    public static func named(_ name: String) -> HelpTopic? {
        switch name.lowercased() {
        case "": return .overview
        case "syntax": return .syntax
        case "functions", "builtins": return .functions
        case "derivatives", "diff", "grad": return .derivatives
        case "minimize", "maximize", "optimization", "gd": return .minimize
        case "meta", "commands": return .meta
        case "explain", "backprop", "backpropagation", "chain": return .explain
        case "plot", "plots": return .plot
        default: return nil
        }
    }
}

public enum Help {
    /// The topics' names, as `:help` lists them and completion offers them.
    public static let topics = HelpTopic.allCases.map(\.rawValue).filter { !$0.isEmpty }

    /// A topic's text, or nil for an unknown topic.
    public static func text(topic: String, in catalogue: Catalogue = .english) -> String? {
        HelpTopic.named(topic).map { catalogue.text($0) }
    }
}
