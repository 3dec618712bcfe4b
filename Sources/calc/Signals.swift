// Signals — Ctrl-C. The SIGINT handler only stores to an atomic flag (all a
// signal handler may safely do); long computations in CalcCore poll it.
// SA_RESTART keeps blocking reads from spinning on EINTR.

import CalcCore
#if canImport(Glibc)
import Glibc
#endif

enum Signals {
    static let interrupt = InterruptFlag()

    static func installInterruptHandler() {
        var previous = sigaction()
        installInterruptHandler(saving: &previous)
    }

    /// Installs the handler and stores the action it replaced in `previous`.
    static func installInterruptHandler(saving previous: inout sigaction) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Signals.interrupt.set() }
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, &previous)
    }
}
