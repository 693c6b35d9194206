import ArgumentParser
import Foundation

/// Segment numbers as a user types them: `4`, or a range `5-7` (also `5–7` and `5..7`).
struct SegmentSelection: ExpressibleByArgument, Equatable, Sendable, CustomStringConvertible {
    var first: Int
    var last: Int

    init?(argument: String) {
        let parts = argument.replacing("–", with: "-").replacing("..", with: "-").split(
            separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let first = Int(parts[0]), let last = Int(parts[parts.count - 1]),
            first >= 1, last >= first
        else { return nil }
        self.first = first
        self.last = last
    }

    var description: String { first == last ? String(first) : "\(first)-\(last)" }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// A time in a recording as a user types it: seconds (`723.5`), `m:ss.s` (`12:03.5`) or `h:mm:ss`.
struct TimeOffset: ExpressibleByArgument, Equatable, Sendable {
    var seconds: Double

    init?(argument: String) {
        let fields = argument.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(fields.count) else { return nil }
        var total = 0.0
        for (position, field) in fields.enumerated() {
            guard let value = Double(field), value >= 0, value.isFinite else { return nil }
            // Minutes and seconds after the first field must be below 60.
            if position > 0, value >= 60 { return nil }
            total = total * 60 + value
        }
        seconds = total
    }
}
