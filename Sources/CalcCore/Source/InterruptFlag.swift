// InterruptFlag — how a long computation learns that the user pressed Ctrl-C.
//
// The executable's SIGINT handler sets it (an atomic store is all a signal
// handler may do); loops in the library poll it and stop cleanly, reporting
// what they got to. The library itself never installs handlers.
// It lives in Source/ because the numeric engine polls it as well as the
// evaluator: a primitive below both, not part of either.

import Synchronization

public final class InterruptFlag: Sendable {
    let flag = Atomic<Bool>(false)
    public init() {}
    public var isSet: Bool { flag.load(ordering: .relaxed) }
    public func set() { flag.store(true, ordering: .relaxed) }
    public func clear() { flag.store(false, ordering: .relaxed) }
}
