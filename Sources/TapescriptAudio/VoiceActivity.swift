import Foundation

/// Which windows of a recording hold speech: the level of the loudest channel (its power smoothed over three
/// windows) against a threshold set from the local noise floor and speech level, with hysteresis.
struct VoiceActivity {
    /// Windows of speech, in order.
    let runs: [Range<Int>]
    /// Whether each window is speech.
    let isSpeech: [Bool]

    init(envelope: Envelope, parameters: SegmentationParameters) {
        let codes = Self.smoothed(envelope.loudestLevelCodes())
        let statistics = LevelStatistics(codes: codes)
        var runs: [Range<Int>] = []
        var isSpeech = [Bool](repeating: false, count: codes.count)
        var start: Int?
        for window in codes.indices {
            let (floor, speech) = statistics.levels(at: window)
            let onset: Float
            if let fixed = parameters.thresholdDecibels {
                onset = floor + Float(fixed)
            } else {
                // At least 5 dB above the floor; in digital silence, within 40 dB of the speech level.
                onset = max(floor + max(5, 0.15 * (speech - floor)), speech - 40)
            }
            let threshold = start == nil ? onset : onset - Float(parameters.hysteresisDecibels)
            let active = LevelCode.decibels(codes[window]) > threshold
            isSpeech[window] = active
            if active, start == nil { start = window }
            if !active, let began = start {
                runs.append(began..<window)
                start = nil
            }
        }
        if let began = start { runs.append(began..<codes.count) }
        self.runs = runs
        self.isSpeech = isSpeech
    }

    /// A centred three-window moving average of power, back as level codes: one loud click no longer starts
    /// speech and a dip between two syllables no longer ends it.
    static func smoothed(_ codes: [UInt8]) -> [UInt8] {
        guard codes.count > 2 else { return codes }
        let power = LevelCode.power
        return codes.indices.map { index in
            let window = max(0, index - 1)...min(codes.count - 1, index + 1)
            let mean = window.reduce(Float(0)) { $0 + power[Int(codes[$1])] } / Float(window.count)
            return mean > 0 ? LevelCode.code(decibels: 10 * log10f(mean)) : 0
        }
    }
}
