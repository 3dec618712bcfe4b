// Settings — how results are presented, decided by the caller: the number
// of significant digits and the output style (which `:digits` and `:format`
// change too), and the size and colour of terminal plots (the executable
// knows the terminal; the library never looks).

public struct Settings: Sendable {
    public var digits: Int = 12
    public var format: Printer.Style = .plain
    /// Terminal plots: width in columns, plot-area height in rows, colour.
    public var plotWidth: Int = 72
    public var plotHeight: Int = 14
    public var color: Bool = false
    /// The language of messages, reports and help (`--lang`, `:lang`, the locale).
    public var language: Language = .english
    public init() {}

    /// The catalogue for the chosen language.
    public var catalogue: Catalogue { Catalogue(language) }
}
