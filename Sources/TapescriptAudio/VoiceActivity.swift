import Foundation

/// Which windows of a recording hold speech: each channel's level (its power smoothed over three windows)
/// against a threshold set from that channel's own local noise floor and speech level, with hysteresis; a
/// window is speech when any channel's is. Judging each channel by itself is what keeps a quiet party on a
/// clean line heard next to a hissing one: the hiss raises only its own channel's floor.
struct VoiceActivity {
    /// Windows of speech, in order.
    let runs: [Range<Int>]
    /// Whether each window is speech.
    let isSpeech: [Bool]

    init(envelope: Envelope, parameters: SegmentationParameters) {
        var isSpeech = [Bool](repeating: false, count: envelope.windowCount)
        for channel in 0..<envelope.channelCount {
            let codes = Self.smoothed(envelope.levelCodes(ofChannel: channel))
            for (window, active) in Self.speech(in: codes, parameters: parameters).enumerated() where active {
                isSpeech[window] = true
            }
        }
        var runs: [Range<Int>] = []
        var start: Int?
        for window in isSpeech.indices {
            if isSpeech[window], start == nil { start = window }
            if !isSpeech[window], let began = start {
                runs.append(began..<window)
                start = nil
            }
        }
        if let began = start { runs.append(began..<isSpeech.count) }
        self.runs = runs
        self.isSpeech = isSpeech
    }

    /// Whether each window of one channel's level codes is speech.
    private static func speech(in codes: [UInt8], parameters: SegmentationParameters) -> [Bool] {
        let statistics = LevelStatistics(codes: codes)
        var isSpeech = [Bool](repeating: false, count: codes.count)
        var speaking = false
        for window in codes.indices {
            let (floor, speech) = statistics.levels(at: window)
            let onset: Float
            if let fixed = parameters.thresholdDecibels {
                onset = floor + Float(fixed)
            } else {
                // At least 5 dB above the floor; in digital silence, within 40 dB of the speech level.
                onset = max(floor + max(5, 0.15 * (speech - floor)), speech - 40)
            }
            let threshold = speaking ? onset - Float(parameters.hysteresisDecibels) : onset
            speaking = LevelCode.decibels(codes[window]) > threshold
            isSpeech[window] = speaking
        }
        return isSpeech
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
