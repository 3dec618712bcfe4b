// FigureOutput — puts a figure where it goes: braille text for the
// terminal (at the caller's width, height and colour), or an SVG file
// written through the caller's `writeFile` (the library does no I/O of its
// own), answered by "wrote FILE".

struct FigureOutput {
    let settings: Settings
    let writeFile: ((String, String) -> Result<Void, ReadFailure>)?

    func render(_ figure: Figure, _ scope: Scope) throws -> String {
        if let (path, range) = figure.file {
            let svg: String
            switch figure.kind {
            case .line(let p): svg = SVGPlot().render(p)
            case .contour(let p): svg = SVGPlot().render(p)
            }
            guard let writeFile else { throw Diagnostic(.io, .command(.writingNotAvailable), range, file: scope.file) }
            if case .failure(let f) = writeFile(path, svg) {
                throw Diagnostic(.io, .command(.cannotWrite(path: path, reason: f.message)), range, file: scope.file,
                                 help: .command(.checkFolderWritable))
            }
            return settings.catalogue.text(.wrote(path))
        }
        let r = BraillePlot(width: settings.plotWidth, height: settings.plotHeight, color: settings.color)
        switch figure.kind {
        case .line(let p): return r.render(p)
        case .contour(let p): return r.render(p)
        }
    }

    /// A plot command's figures, then a note per curve undefined throughout its range.
    func render(_ outcome: PlotOutcome, _ scope: Scope) throws -> String {
        let figures = try outcome.figures.map { try render($0, scope) }.joined(separator: "\n")
        let c = settings.catalogue
        return figures + outcome.undefined.map { "\n" + c.text(.note) + ": " + c.text(.undefinedThroughoutRange($0)) }.joined()
    }
}
