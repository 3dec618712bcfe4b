// English+Syntax — the English words of every SyntaxMessage.

extension Catalogue {
    func english(_ m: SyntaxMessage) -> String {
        switch m {
        }
    }
}
