import Foundation

/// Which windows of a recording hold speech: the level of the loudest channel (its power smoothed over three
/// windows) against a threshold set from the local noise floor and speech level, with hysteresis.
struct VoiceActivity {
    /// Windows of speech, in order.
    let runs: [Range<Int>]
    /// Whether each window is speech.
    let isSpeech: [Bool]

    init(envelope: Envelope, parameters: SegmentationParameters) {
        let levels = Self.smoothed(envelope.loudestLevels())
        let statistics = LevelStatistics(levels: levels)
        var runs: [Range<Int>] = []
        var isSpeech = [Bool](repeating: false, count: levels.count)
        var start: Int?
        for window in levels.indices {
            let floor = statistics.noiseFloor[window]
            let speech = statistics.speechLevel[window]
            let onset: Float
            if let fixed = parameters.thresholdDecibels {
                onset = floor + Float(fixed)
            } else {
                // At least 5 dB above the floor; in digital silence, within 40 dB of the speech level.
                onset = max(floor + max(5, 0.15 * (speech - floor)), speech - 40)
            }
            let threshold = start == nil ? onset : onset - Float(parameters.hysteresisDecibels)
            let active = levels[window] > threshold
            isSpeech[window] = active
            if active, start == nil { start = window }
            if !active, let began = start {
                runs.append(began..<window)
                start = nil
            }
        }
        if let began = start { runs.append(began..<levels.count) }
        self.runs = runs
        self.isSpeech = isSpeech
    }

    /// A centred three-window moving average of power, back in dB: one loud click no longer starts speech and
    /// a dip between two syllables no longer ends it.
    static func smoothed(_ levels: [Float]) -> [Float] {
        guard levels.count > 2 else { return levels }
        let power = levels.map { powf(10, $0 / 10) }
        return levels.indices.map { index in
            let window = max(0, index - 1)...min(levels.count - 1, index + 1)
            let mean = window.reduce(Float(0)) { $0 + power[$1] } / Float(window.count)
            return max(Envelope.floorDecibels, 10 * log10f(mean + 1e-12))
        }
    }
}
