// Portuguese+Help — the Brazilian Portuguese text of every `:help` topic,
// line for line the English of English+Help.swift: the same layout and
// columns, the same examples (calc code is not translated), the words of the
// course notes (derivada, gradiente, regra da cadeia, taxa de aprendizagem,
// função de perda, gradiente descendente). The function list is built from
// the built-ins' help entries as in English, plus the Portuguese names
// (`sen`, `tg`, …, `raiz`), read from the callees themselves.

extension Catalogue {
    func portuguese(_ topic: HelpTopic) -> String {
        switch topic {
        case .overview: return """
        calc — derivadas exatas e gradiente descendente

          f(x, y) = (1 - x)^2 + 100*(y - x^2)^2     define uma função
          ∂f/∂x                                     uma derivada parcial
          grad f at (1, 2)                          o gradiente em um ponto
          minimize f from (-1.2, 1) rate 0.001      gradiente descendente

        Tópicos: :help syntax, :help functions, :help derivatives, :help minimize, :help meta
        """
        case .syntax: return """
        Sintaxe
          x = 3                      atribui um valor a um nome (um `;` no final oculta o resultado)
          f(x, y) = x^2 + 3x*y       define uma função; 3x é 3*x (só logo após um número)
          + - * / ^                  ** é ^, · e × são *, √x é sqrt(x), x² é x^2
          -x^2                       é -(x^2); 2^3^2 é 2^9
          (1, 2)                     uma tupla (um ponto); [1, 2, 3] uma lista (dados)
          2*xs + 1                   as listas operam elemento a elemento
          e at (x = 1, y = 2)        avalia em um ponto
          # comentário               a quebra de linha termina a instrução, exceto dentro de ( ) e [ ]
        Inteiros são exatos: 1/3 + 1/6 é exatamente 1/2. Decimais são de ponto flutuante.
        O decimal se escreve com ponto: 0.5 (0,5 são os dois números 0 e 5).
        Nomes sem valor ficam simbólicos: a*x + a*x dá 2*a*x.
        Constantes: pi (π), e, inf, nan. Todo resultado também fica em `ans`.
        """
        case .functions: return portugueseFunctions()
        case .derivatives: return """
        Derivadas (exatas, simplificadas)
          diff(x^3/3, x)            x^2
          diff(e, x, 2)             segunda derivada; diff(e, x, y), a derivada mista
          d/dx sin(x)^2             2*sin(x)*cos(x)
          f'   f''                  derivadas de uma função de uma variável: f'(2)
          ∂f/∂x   ∂²f/∂x∂y          derivadas parciais de uma função que você definiu
          grad f   ∇f   grad(e)     o gradiente (o vetor das derivadas parciais)
          hessian f                 a matriz hessiana (das segundas derivadas parciais)
          grad f at (1, 2)          calculado em um ponto
          diff(z(u(x), v(x)), x)    z, u, v não definidas: ∂z/∂u*u'(x) + ∂z/∂v*v'(x)
        A regra da cadeia: diff(sigmoid(w*x + b), w) é x*sigmoid(b + w*x)*(1 - sigmoid(b + w*x)).
        """
        case .minimize: return """
        Gradiente descendente: θ ← θ - η·∇f(θ), em que η é a taxa de aprendizagem
          minimize f from (-1.2, 1) rate 0.001 steps 50000
          minimize x^2 + y^2 from (x = 1, y = 2) rate 0.1
          maximize f from 0 rate 0.1
        Opções: steps N (10000), tol ε (1e-8 em |∇f|), every k (tabela a cada k passos),
          method gd | momentum | nesterov | adam, beta β, seed S, plot [to "file.svg"]
          rate 0.001, 0.01, 0.1            compara taxas de aprendizagem lado a lado
          from random 20 in (x from -5 to 5, y from -5 to 5)   vários pontos iniciais
        Com uma taxa grande demais, a descida diverge; o calc avisa e sugere uma abaixo de 2/λmax.
        """
        case .meta: return """
        Metacomandos
          :help [tópico]     esta ajuda; tópicos: syntax functions derivatives minimize meta
          :vars              lista as variáveis e as funções
          :clear [nomes]     esquece tudo, ou só os nomes dados
          :load "file.calc"  executa um arquivo nesta sessão
          :digits N          algarismos significativos exibidos (1–17, padrão 12)
          :format F          plain | unicode | latex
          :lang L            en (English) | pt (português)
          :quit              sai (Ctrl-D também)
        """
        }
    }

    /// What a line of `:help functions` has in common, printed after its names.
    func portuguese(_ line: HelpEntry.Line) -> String? {
        switch line {
        case .trigonometric, .hyperbolic, .exponential, .piecewise: return nil
        case .activation: return "funções de ativação"
        case .reduction: return "reduzem uma lista a um número"
        }
    }

    func portugueseFunctions() -> String {
        functionList(heading: "Funções embutidas", note: portuguese, rewrites: "reescritas simbólicas mais fortes",
                     portugueseNames: "nomes em português: ", after: [
            "Os nomes em português chamam a mesma função, e o resultado sai com o nome em inglês:",
            "  diff(sen(x)^2, x) dá 2*cos(x)*sin(x).",
            "Fora do domínio, uma função dá erro, não nan: ln(-1), sqrt(-4), asin(2).",
            "Exemplo: a função de perda de um neurônio sobre os dados",
            "  xs = [1, 2, 3]; ys = [0, 0, 1]",
            "  L(w, b) = mean((sigmoid(w*xs + b) - ys)^2)",
        ])
    }
}
