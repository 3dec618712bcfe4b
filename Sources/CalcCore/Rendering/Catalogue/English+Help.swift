// English+Help — the English text of every `:help` topic. The function
// list is built from the built-ins' own help entries (Builtin.help,
// Callee.help), so a new built-in is listed without an edit here; examples
// follow the course material calc accompanies.

extension Catalogue {
    func english(_ topic: HelpTopic) -> String {
        switch topic {
        case .overview: return """
        calc — exact derivatives and gradient descent

          f(x, y) = (1 - x)^2 + 100*(y - x^2)^2     define a function
          ∂f/∂x                                     a partial derivative
          grad f at (1, 2)                          the gradient at a point
          minimize f from (-1.2, 1) rate 0.001      gradient descent

        Topics: :help syntax, :help functions, :help derivatives, :help minimize,
          :help explain, :help plot, :help meta
        """
        case .syntax: return """
        Syntax
          x = 3                      bind a name (a trailing `;` hides the result)
          f(x, y) = x^2 + 3x*y       define a function; 3x is 3*x (only after a number)
          + - * / ^                  ** is ^, · and × are *, √x is sqrt(x), x² is x^2
          -x^2                       is -(x^2); 2^3^2 is 2^9
          (1, 2)                     a tuple (a point); [1, 2, 3] a list (data)
          2*xs + 1                   lists broadcast element-wise
          e at (x = 1, y = 2)        evaluate at a point
          p[1]   (a, b) = p          an element (from 1); bind each element
          # comment                  newlines end statements, except inside ( ) and [ ]
        Integer literals are exact: 1/3 + 1/6 is exactly 1/2. Decimals are doubles.
        Unbound names stay symbolic: a*x + a*x gives 2*a*x.
        Constants: pi (π), e, inf, nan. Every result is also `ans`.
        """
        case .functions: return englishFunctions()
        case .derivatives: return """
        Derivatives (exact, simplified)
          diff(x^3/3, x)            x^2
          diff(e, x, 2)             second derivative; diff(e, x, y) mixed
          d/dx sin(x)^2             2*sin(x)*cos(x)
          f'   f''                  derivatives of a one-variable function: f'(2)
          ∂f/∂x   ∂²f/∂x∂y          partials of a function you defined
          grad f   ∇f   grad(e)     the gradient (vector of partials)
          hessian f                 the matrix of second partials
          grad f at (1, 2)          evaluated at a point
          diff(z(u(x), v(x)), x)    undefined z, u, v: ∂z/∂u*u'(x) + ∂z/∂v*v'(x)
        The chain rule: diff(sigmoid(w*x + b), w) is x*sigmoid(b + w*x)*(1 - sigmoid(b + w*x)).
        1/(1 + exp(-x)) is sigmoid(x); where σ saturates, 1 - σ, ln(σ), ln(1 - σ) stay accurate.
        """
        case .minimize: return """
        Gradient descent: θ ← θ - η·∇f(θ)
          minimize f from (-1.2, 1) rate 0.001 steps 50000
          minimize x^2 + y^2 from (x = 1, y = 2) rate 0.1
          maximize f from 0 rate 0.1
        Options: steps N (10000), tol ε (1e-8 on |∇f|), every k (trace table),
          method gd | momentum | nesterov | adam, beta β, seed S, plot [to "file.svg"]
          rate 0.001, 0.01, 0.1            compare learning rates side by side
          from random 20 in (x from -5 to 5, y from -5 to 5)   several starts
        A rate too large diverges; calc says so and suggests one below 2/λmax.
        Iterates that bounce across a valley get "try a smaller rate", not a larger one.
        A stop where ∇f vanishes but f is not small is a plateau or a symmetric point,
        not a minimum: try other starts. Random starts mark the best and the stuck ones.
          θ = minimize L from (0, 0) rate 0.1   bind the end point: θ.w, θ[1], (w, b) = θ
          net(u, v, θ)                          a tuple fills the trailing parameters
          plot net(u, v, θ) over (u from 0 to 1, v from 0 to 1) with points (x1, x2, y)
        Stochastic and mini-batch descent over the rows of data lists:
          minimize L from (0, 0) over rows of (xs, ys) batch 2 epochs 500 rate 0.05 shuffle seed 1
          batch b rows per step (1), epochs E passes over the rows (needed), shuffle reorders them
          each epoch; every k and plot show the loss over all rows per epoch; batch = n is plain gd
        """
        case .meta: return """
        Meta commands
          :help [topic]      this help; topics: syntax functions derivatives minimize explain plot meta
          :vars              list variables and functions
          :clear [names]     forget everything, or just the names given
          :load "file.calc"  run a file in this session
          :digits N          significant digits shown (1–17, default 12)
          :format F          plain | unicode | latex
          :lang L            en (English) | pt (português)
          :quit              leave (Ctrl-D too)
        At the prompt `help`, `quit` and `exit` without the colon work too;
        in a script they are an error that says to write `:help` / `:quit`.
        Tab completes names; a function completes with its `(`, and a `(`
        typed right after that completion is skipped, so `sigm` Tab `(` is
        still `sigmoid(`.
        """
        case .explain: return """
        explain — the derivation, rule by rule (the chain rule of backpropagation)
          explain diff(sigmoid(w*x + b), w)          each rule the derivative used
          explain ∂f/∂x   explain grad f              a function you defined
          explain diff((sigmoid(w*x + b) - y)^2, w) at (w = 0.5, x = 2, b = 0, y = 1)
                                                     with numbers: forward values, then
                                                     the backward (adjoint) products
        Each step names its rule (power, product, quotient, chain) and the result
        it gives; `at (…)` computes the loss forward and its gradient backward,
        node by node, as backpropagation does.
        """
        case .plot: return """
        plot — curves and maps, in the terminal (braille) or to an SVG file
          plot sin(x), cos(x) from -pi to pi         curves of one variable
          plot sigmoid(x) from -6 to 6               an activation function
          plot f over (x from -2 to 2, y from -1 to 3)   a map of f(x, y)
          plot x^2 from -2 to 2 to "parabola.svg"    write SVG instead
          minimize f from (-1.2, 1) rate 0.001 plot  the loss curve and the path
        Axes end at round values beyond the data (sin reaches ±1); a range given
        with π is marked in multiples of π/2: -π, -π/2, 0, π/2, π.
        Where the function is undefined the curve has a gap, not an error.
        """
        }
    }

    /// What a line of `:help functions` has in common, printed after its names.
    func english(_ line: HelpEntry.Line) -> String? {
        switch line {
        case .trigonometric, .hyperbolic, .exponential, .piecewise: return nil
        case .activation: return "activation functions"
        case .reduction: return "reduce a list"
        }
    }

    func englishFunctions() -> String {
        functionList(heading: "Built-in functions", note: english, rewrites: "heavier symbolic rewrites", after: [
            "Outside its domain a function is an error, not nan: ln(-1), sqrt(-4), asin(2).",
            "Example: a neuron's loss over data",
            "  xs = [1, 2, 3]; ys = [0, 0, 1]",
            "  L(w, b) = mean((sigmoid(w*xs + b) - ys)^2)",
        ])
    }

    /// `:help functions` in any language: a line per kind of built-in, built
    /// from the built-ins' own help entries (so a new one is listed without an
    /// edit here), each line's note aligned, then the language's closing lines.
    func functionList(heading: String, note: (HelpEntry.Line) -> String?, rewrites: String,
                      portugueseNames: String? = nil, after: [String]) -> String {
        func line(_ text: String, _ note: String?) -> String {
            guard let note else { return "  " + text }
            return "  " + text + String(repeating: " ", count: Swift.max(1, 36 - text.count)) + note
        }
        let entries = Callee.all.map(\.help)
        var lines = [heading]
        for l in HelpEntry.Line.allCases {
            let names = entries.filter { $0.line == l }.sorted { $0.place < $1.place }.map(\.text)
            lines.append(line(names.joined(separator: " "), note(l)))
        }
        lines.append(line("expand(e) simplify(e)", rewrites))
        if let portugueseNames {
            lines.append(line(portugueseNames + Callee.all.compactMap(\.portugueseName).joined(separator: " "), nil))
        }
        return (lines + after).joined(separator: "\n")
    }
}
