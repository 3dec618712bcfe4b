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

        Tópicos: :help syntax, :help functions, :help derivatives, :help minimize,
          :help explain, :help plot, :help meta
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
          p[1]   (a, b) = p          um elemento (a partir de 1); atribui cada elemento
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
        1/(1 + exp(-x)) é sigmoid(x); onde σ satura, 1 - σ, ln(σ), ln(1 - σ) continuam precisos.
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
        Pontos que oscilam de um lado para o outro do vale recebem "tente uma taxa menor".
        Uma parada em que ∇f se anula mas f não é pequeno é um platô ou um ponto simétrico,
        não um mínimo: tente outros pontos iniciais. Com pontos aleatórios, o melhor e os presos são marcados.
          θ = minimize L from (0, 0) rate 0.1   guarda o ponto final: θ.w, θ[1], (w, b) = θ
          net(u, v, θ)                          uma tupla preenche os últimos parâmetros
          plot net(u, v, θ) over (u from 0 to 1, v from 0 to 1) with points (x1, x2, y)
        Descida estocástica e em minilotes sobre as linhas de listas de dados:
          minimize L from (0, 0) over rows of (xs, ys) batch 2 epochs 500 rate 0.05 shuffle seed 1
          batch b linhas por passo (1), epochs E passagens pelas linhas (obrigatório), shuffle as
          embaralha a cada época; every k e plot mostram a perda sobre todas as linhas por época
        """
        case .meta: return """
        Metacomandos
          :help [tópico]     esta ajuda; tópicos: syntax functions derivatives minimize explain plot meta
          :vars              lista as variáveis e as funções
          :clear [nomes]     esquece tudo, ou só os nomes dados
          :load "file.calc"  executa um arquivo nesta sessão
          :digits N          algarismos significativos exibidos (1–17, padrão 12)
          :format F          plain | unicode | latex
          :lang L            en (English) | pt (português)
          :quit              sai (Ctrl-D também)
        No prompt, `help`, `quit` e `exit` sem os dois-pontos também funcionam;
        num script são um erro que diz para escrever `:help` / `:quit`.
        Tab completa nomes; uma função é completada com o seu `(`, e um `(`
        digitado logo depois dessa completação é ignorado, então `sigm` Tab `(`
        continua `sigmoid(`.
        """
        case .explain: return """
        explain — a derivação, regra por regra (a regra da cadeia da retropropagação)
          explain diff(sigmoid(w*x + b), w)          cada regra que a derivada usou
          explain ∂f/∂x   explain grad f              uma função que você definiu
          explain diff((sigmoid(w*x + b) - y)^2, w) at (w = 0.5, x = 2, b = 0, y = 1)
                                                     com números: os valores para frente e
                                                     os produtos para trás (adjuntos)
        Cada passo diz a sua regra (potência, produto, quociente, cadeia) e o
        resultado; com `at (…)`, a perda é calculada para frente e o gradiente
        para trás, nó por nó, como faz a retropropagação (backpropagation).
        """
        case .plot: return """
        plot — curvas e mapas, no terminal (braille) ou num arquivo SVG
          plot sin(x), cos(x) from -pi to pi         curvas de uma variável
          plot sigmoid(x) from -6 to 6               uma função de ativação
          plot f over (x from -2 to 2, y from -1 to 3)   o mapa de f(x, y)
          plot x^2 from -2 to 2 to "parabola.svg"    grava em SVG
          minimize f from (-1.2, 1) rate 0.001 plot  a curva da perda e o caminho
        Os eixos terminam em valores redondos além dos dados (o seno chega a ±1);
        um intervalo dado com π é marcado em múltiplos de π/2: -π, -π/2, 0, π/2, π.
        Onde a função não está definida, a curva tem uma lacuna, não um erro.
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
