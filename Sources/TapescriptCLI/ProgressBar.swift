import Foundation
import TapescriptTime

/// The one-line progress bar for long work — `importing memo.m4a ████████░░░░ 12 of 30 MB, 41 MB/s, about 0:01
/// left` — on a terminal's standard error only, never into a pipe or with `--quiet` (`Diagnostics` decides).
/// Called from whichever thread does the work.
final class ProgressBar: @unchecked Sendable {
    /// What the work is counted in, to say how far it is and how fast it goes.
    enum Unit {
        /// Seconds of audio: "1:02 of 41:12, 12.3× real time".
        case audioSeconds
        /// Bytes of a file: "12 of 30 MB, 41 MB/s".
        case bytes
    }

    static let barWidth = 20
    /// The rate and the time left are guessed only after this long; before, they jump about.
    static let settlingSeconds = 1.0

    let title: String
    private var total: Double
    let unit: Unit
    let diagnostics: Diagnostics
    private let started = Date()
    private let lock = NSLock()

    init(_ title: String, total: Double, unit: Unit, diagnostics: Diagnostics) {
        (self.title, self.total, self.unit, self.diagnostics) = (title, total, unit, diagnostics)
    }

    /// A bar for reading `file` through, counted in its bytes (0 when its size cannot be read).
    convenience init(_ title: String, reading file: String, diagnostics: Diagnostics) {
        let size = ((try? FileManager.default.attributesOfItem(atPath: file)[.size]) as? NSNumber)?.doubleValue
        self.init(title, total: size ?? 0, unit: .bytes, diagnostics: diagnostics)
    }

    /// Shows how far the work is: `done` of the total, in the unit (a new total when the work has grown).
    func show(done: Double, of newTotal: Double? = nil) {
        lock.withLock {
            if let newTotal { total = newTotal }
            let fraction = total > 0 ? min(1, max(0, done / total)) : 0
            diagnostics.progress(
                Self.line(
                    title, fraction: fraction, done: done, total: total, unit: unit,
                    elapsed: Date().timeIntervalSince(started)))
        }
    }

    /// Shows a fraction of the work done.
    func show(fraction: Double) { show(done: fraction * lock.withLock { total }) }

    func clear() { diagnostics.clearProgress() }

    static func line(
        _ title: String, fraction: Double, done: Double, total: Double, unit: Unit, elapsed: Double
    ) -> String {
        let filled = Int((fraction * Double(barWidth)).rounded())
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        var line = "\(title) \(bar) \(amount(done, of: total, in: unit))"
        guard elapsed >= settlingSeconds, done > 0 else { return line }
        let rate = done / elapsed
        line += ", " + speed(rate, in: unit)
        let remaining = (total - done) / rate
        if remaining >= 1 { line += ", about \(Timecode.duration(remaining)) left" }
        return line
    }

    private static func amount(_ done: Double, of total: Double, in unit: Unit) -> String {
        switch unit {
        case .audioSeconds: return "\(Timecode.duration(done)) of \(Timecode.duration(total))"
        case .bytes:
            let megabytes = total / 1_000_000
            let format = megabytes < 10 ? "%.1f of %.1f MB" : "%.0f of %.0f MB"
            return String(format: format, done / 1_000_000, megabytes)
        }
    }

    private static func speed(_ rate: Double, in unit: Unit) -> String {
        switch unit {
        case .audioSeconds: return String(format: "%.1f× real time", rate)
        case .bytes: return String(format: rate < 10_000_000 ? "%.1f MB/s" : "%.0f MB/s", rate / 1_000_000)
        }
    }
}
