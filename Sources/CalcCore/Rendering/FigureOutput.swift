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
            guard let writeFile else { throw scope.error(.io, "writing files is not available here", range) }
            if case .failure(let f) = writeFile(path, svg) {
                throw scope.error(.io, "cannot write `\(path)`: \(f.message)", range, help: "check that the folder exists and is writable")
            }
            return "wrote \(path)"
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
        return figures + outcome.undefined.map { "\nnote: `\($0)` is undefined throughout the range" }.joined()
    }
}
