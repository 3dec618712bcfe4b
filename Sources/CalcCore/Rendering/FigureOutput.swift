// FigureOutput — puts a figure where it goes: braille text for the
// terminal (at the caller's width, height and colour), or an SVG file
// written through the caller's `saveFile` (the library does no I/O of its
// own), answered by "wrote FILE", or "wrote FILE (replaced)" when a file of
// that name was there. A name with a NUL character is refused here, at the
// NUL's position: the system would cut the name there and write another file.

struct FigureOutput {
    let settings: Settings
    let saveFile: ((String, String) -> Result<FileWrite, ReadFailure>)?

    func render(_ original: Figure, _ scope: Scope) throws -> String {
        let figure = worded(original)
        if let (path, range) = figure.file {
            let svg: String
            switch figure.kind {
            case .line(let p): svg = SVGPlot(words: plotWords).render(p)
            case .contour(let p): svg = SVGPlot(words: plotWords).render(p)
            }
            if path.unicodeScalars.contains("\0") { throw nulInName(range, scope) }
            guard let saveFile else { throw Diagnostic(.io, .command(.writingNotAvailable), range, file: scope.file) }
            switch saveFile(path, svg) {
            case .failure(let f):
                throw Diagnostic(.io, .command(.cannotWrite(path: path, reason: f.message)), range, file: scope.file,
                                 help: .command(f.isSymbolicLink ? .symbolicLinkNotFollowed : .checkFolderWritable))
            case .success(.created): return settings.catalogue.text(.wrote(path))
            case .success(.replaced): return settings.catalogue.text(.wroteReplacing(path))
            }
        }
        let r = BraillePlot(width: settings.plotWidth, height: settings.plotHeight, color: settings.color, words: plotWords)
        switch figure.kind {
        case .line(let p): return r.render(p)
        case .contour(let p): return r.render(p)
        }
    }

    /// The error for a file name holding a NUL: at the first NUL written in the
    /// string (raw or after a backslash), else at the whole string.
    func nulInName(_ range: SourceRange, _ scope: Scope) -> Diagnostic {
        var at = range
        let scalars = scope.file.scalars
        let lo = max(0, min(range.start, scalars.count)), hi = max(lo, min(range.end, scalars.count))
        if let i = scalars[lo..<hi].firstIndex(of: "\0") { at = SourceRange(i, i + 1) }
        return Diagnostic(.io, .command(.fileNameHasNul), at, file: scope.file, help: .command(.removeNul))
    }

    /// The legends' words in the user's language.
    var plotWords: PlotWords {
        let c = settings.catalogue
        var w = PlotWords()
        w.start = c.text(.legendStart)
        w.end = c.text(.legendEnd)
        w.undefined = c.text(.legendUndefined)
        w.logShort = c.text(.legendLog)
        w.logScale = c.text(.legendLogScale)
        w.points = c.text(.legendPoints)
        return w
    }

    /// The figure with its titles, axis and series names in the user's language.
    func worded(_ figure: Figure) -> Figure {
        guard let wording = figure.wording else { return figure }
        let c = settings.catalogue
        var kind = figure.kind
        switch (wording, figure.kind) {
        case (.lossCurve(let logScale, let rates), .line(var plot)):
            plot.xLabel = c.text(.stepAxis)
            plot.title = c.text(.lossTitle(logScale: logScale))
            if let rates {
                for (k, r) in rates.enumerated() where k < plot.series.count {
                    plot.series[k].label = c.text(.rateSeries(NumberFormat.format(r, digits: 3)))
                }
            }
            kind = .line(plot)
        case (.descentPath(let target), .contour(var plot)):
            plot.title = c.text(.descentPathTitle(target))
            kind = .contour(plot)
        default: break
        }
        return Figure(kind: kind, file: figure.file)
    }

    /// A plot command's figures, then a note per curve undefined throughout its range.
    func render(_ outcome: PlotOutcome, _ scope: Scope) throws -> String {
        let figures = try outcome.figures.map { try render($0, scope) }.joined(separator: "\n")
        let c = settings.catalogue
        return figures + outcome.undefined.map { "\n" + c.text(.note) + ": " + c.text(.undefinedThroughoutRange($0)) }.joined()
    }
}
