/// The local noise floor and speech level of a recording, window by window.
///
/// Both are percentiles of the level over the 30 s around each moment, so that a quiet phone call, a loud
/// studio file, hum and slow drift all get thresholds of their own: the floor a low percentile, the speech
/// level a high one (pauses are never far apart in an interview). They are computed every 0.5 s through a
/// sliding histogram of level codes and interpolated between: linear in the length of the recording, and
/// only the anchors are kept.
struct LevelStatistics {
    static let stepWindowCount = 50
    static let spanWindowCount = 1_500  // ±15 s
    static let floorPercentile = 0.05
    static let speechPercentile = 0.95

    private var anchors: [(window: Int, floor: Float, speech: Float)] = []

    init(codes: [UInt8]) {
        guard !codes.isEmpty else { return }
        var histogram = [Int](repeating: 0, count: 256)
        var (lower, upper, total) = (0, 0, 0)
        var center = 0
        while true {
            let wantedLower = max(0, center - Self.spanWindowCount)
            let wantedUpper = min(codes.count, center + Self.spanWindowCount + 1)
            while upper < wantedUpper {
                histogram[Int(codes[upper])] += 1
                (upper, total) = (upper + 1, total + 1)
            }
            while lower < wantedLower {
                histogram[Int(codes[lower])] -= 1
                (lower, total) = (lower + 1, total - 1)
            }
            anchors.append(
                (
                    center, Self.percentile(histogram, total: total, Self.floorPercentile),
                    Self.percentile(histogram, total: total, Self.speechPercentile)
                ))
            if center == codes.count - 1 { break }
            center = min(center + Self.stepWindowCount, codes.count - 1)
        }
    }

    /// The noise floor and speech level at `window`, in dBFS.
    func levels(at window: Int) -> (floor: Float, speech: Float) {
        let index = min(window / Self.stepWindowCount, anchors.count - 1)
        let here = anchors[index]
        guard index + 1 < anchors.count else { return (here.floor, here.speech) }
        let next = anchors[index + 1]
        let fraction = Float(window - here.window) / Float(next.window - here.window)
        return (here.floor + (next.floor - here.floor) * fraction, here.speech + (next.speech - here.speech) * fraction)
    }

    /// The level at `fraction` of a histogram of level codes holding `total` windows.
    static func percentile(_ histogram: [Int], total: Int, _ fraction: Double) -> Float {
        let rank = Int((Double(total - 1) * fraction).rounded())
        var seen = 0
        for (code, count) in histogram.enumerated() {
            seen += count
            if seen > rank { return LevelCode.decibels(UInt8(code)) }
        }
        return LevelCode.decibels(255)
    }
}
