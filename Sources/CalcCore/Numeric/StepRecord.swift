// StepRecord — f per step of a recorded run (`minimize … plot`), in memory
// bounded whatever `steps` is. Every step is kept until `capacity` points are
// held; then every other point is dropped and from then on only steps that
// are multiples of the doubled stride are kept, so the points stay evenly
// spaced in steps. The last step is always kept. A run of at most `capacity`
// steps keeps every step, so its plot is what it always was.

public struct StepRecord: Sendable {
    /// Most points kept on the stride (the loss plot draws about 2,000); the
    /// last step may add one more.
    public static let capacity = 4_096
    /// The steps kept, ascending; `values[i]` is f at `steps[i]`.
    public private(set) var steps: [Int] = []
    public private(set) var values: [Double] = []
    /// The kept steps before the last are the multiples of this (a power of two).
    public private(set) var stride = 1
    /// The latest step off the stride, kept until a later one comes.
    private var last: (step: Int, value: Double)?

    public init() {}

    public var isEmpty: Bool { steps.isEmpty && last == nil }

    mutating func append(step: Int, value: Double) {
        if step % stride == 0 && steps.count == StepRecord.capacity { thin() }
        guard step % stride == 0 else { last = (step, value); return }
        steps.append(step)
        values.append(value)
        last = nil
    }

    /// Doubles the stride, keeping the points on it.
    private mutating func thin() {
        stride *= 2
        var k = 0
        for i in steps.indices where steps[i] % stride == 0 {
            steps[k] = steps[i]
            values[k] = values[i]
            k += 1
        }
        steps.removeSubrange(k...)
        values.removeSubrange(k...)
    }

    /// The record with its last step, which may be off the stride, in place.
    func finished() -> StepRecord {
        guard let last else { return self }
        var r = self
        r.steps.append(last.step)
        r.values.append(last.value)
        r.last = nil
        return r
    }
}
