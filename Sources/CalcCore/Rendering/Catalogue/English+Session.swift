// English+Session — the English words of every SessionMessage.

extension Catalogue {
    func english(_ m: SessionMessage) -> String {
        switch m {
        }
    }
}
