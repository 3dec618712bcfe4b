// English+Command — the English words of every CommandMessage.

extension Catalogue {
    func english(_ m: CommandMessage) -> String {
        switch m {
        }
    }
}
