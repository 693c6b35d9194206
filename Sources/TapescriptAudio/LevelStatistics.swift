/// The local noise floor and speech level of a recording, window by window.
///
/// Both are percentiles of the level over a span around each moment, so that a quiet phone call, a loud studio
/// file, hum and slow drift all get thresholds of their own: the floor a low percentile and the speech level a
/// high one, each over the 30 s around it (pauses are never far apart in an interview).
struct LevelStatistics {
    /// Percentiles are recomputed every this many windows (0.5 s) and interpolated between.
    static let stepWindowCount = 50
    static let floorSpanWindowCount = 1_500  // ±15 s
    static let speechSpanWindowCount = 1_500  // ±15 s
    static let floorPercentile = 0.05
    static let speechPercentile = 0.95

    let noiseFloor: [Float]
    let speechLevel: [Float]

    init(levels: [Float]) {
        noiseFloor = Self.slidingPercentile(levels, percentile: Self.floorPercentile, span: Self.floorSpanWindowCount)
        speechLevel = Self.slidingPercentile(
            levels, percentile: Self.speechPercentile, span: Self.speechSpanWindowCount)
    }

    /// A percentile of `levels` over ±`span` windows around each window, through a sliding histogram of
    /// quarter-decibel bins: linear in the length of the recording.
    static func slidingPercentile(_ levels: [Float], percentile: Double, span: Int) -> [Float] {
        guard !levels.isEmpty else { return [] }
        var histogram = LevelHistogram()
        var lower = 0
        var upper = 0
        var anchors: [(window: Int, value: Float)] = []
        var center = 0
        while true {
            let wantedLower = max(0, center - span)
            let wantedUpper = min(levels.count, center + span + 1)
            while upper < wantedUpper {
                histogram.add(levels[upper])
                upper += 1
            }
            while lower < wantedLower {
                histogram.remove(levels[lower])
                lower += 1
            }
            anchors.append((center, histogram.percentile(percentile)))
            if center == levels.count - 1 { break }
            center = min(center + stepWindowCount, levels.count - 1)
        }
        var result = [Float](repeating: 0, count: levels.count)
        var anchorIndex = 0
        for window in 0..<levels.count {
            while anchorIndex + 1 < anchors.count, anchors[anchorIndex + 1].window <= window { anchorIndex += 1 }
            let here = anchors[anchorIndex]
            guard anchorIndex + 1 < anchors.count else {
                result[window] = here.value
                continue
            }
            let next = anchors[anchorIndex + 1]
            let fraction = Float(window - here.window) / Float(next.window - here.window)
            result[window] = here.value + (next.value - here.value) * fraction
        }
        return result
    }
}

/// Counts of levels in quarter-decibel bins from `Envelope.floorDecibels` to +10 dBFS.
struct LevelHistogram {
    static let binsPerDecibel: Float = 4
    private var counts = [Int](
        repeating: 0, count: Int((10 - Envelope.floorDecibels) * LevelHistogram.binsPerDecibel) + 1)
    private(set) var total = 0

    private func bin(_ level: Float) -> Int {
        let raw = Int(((level - Envelope.floorDecibels) * Self.binsPerDecibel).rounded())
        return min(max(raw, 0), counts.count - 1)
    }

    mutating func add(_ level: Float) {
        counts[bin(level)] += 1
        total += 1
    }

    mutating func remove(_ level: Float) {
        counts[bin(level)] -= 1
        total -= 1
    }

    func percentile(_ fraction: Double) -> Float {
        guard total > 0 else { return Envelope.floorDecibels }
        let rank = Int((Double(total - 1) * fraction).rounded())
        var seen = 0
        for (index, count) in counts.enumerated() {
            seen += count
            if seen > rank { return Envelope.floorDecibels + Float(index) / Self.binsPerDecibel }
        }
        return Envelope.floorDecibels + Float(counts.count - 1) / Self.binsPerDecibel
    }
}
