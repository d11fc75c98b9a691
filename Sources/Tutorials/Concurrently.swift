import Dispatch

/// Runs independent jobs of a step on all cores and returns their results in order.
///
/// Each job must be self-contained (its own model, optimiser and balancer) and must not
/// print: the step prints the results afterwards, in order, so the page does not depend on
/// scheduling. Every job's arithmetic is the same however many cores run them.
enum Concurrently {
    /// `body` applied to every item, concurrently; the first error (in item order) is rethrown.
    static func map<Item, Result>(_ items: [Item], _ body: (Item) throws -> Result) throws -> [Result] {
        var results = [Swift.Result<Result, Error>?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { slots in
            let slots = slots
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                slots[index] = Swift.Result { try body(items[index]) }
            }
        }
        return try results.map { try $0!.get() }
    }
}
