import ArgumentParser
import TapescriptAudio

/// The segmentation parameters as command-line options; each one left out keeps its default.
struct SegmentationOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A pause at least this long always splits (seconds; default 0.35 on mono, 0.5 on call recordings).",
            valueName: "seconds"))
    var minSilence: Double?

    @Option(
        help: ArgumentHelp(
            "A shorter pause splits only when the speaker changes; below this it never splits (seconds).",
            valueName: "seconds"))
    var turnGap: Double?

    @Option(
        help: ArgumentHelp(
            "On mono, a shorter pause splits when the voice's pitch changes by this much (semitones).",
            valueName: "semitones"))
    var pitchChange: Double?

    @Option(help: ArgumentHelp("Drop speech shorter than this (seconds).", valueName: "seconds"))
    var minSpeech: Double?

    @Option(help: ArgumentHelp("Widen every segment by this much on each side (seconds).", valueName: "seconds"))
    var padding: Double?

    @Option(
        help: ArgumentHelp(
            "Speech starts this many dB above the local noise floor (default: adaptive).", valueName: "dB"))
    var threshold: Double?

    @Option(help: ArgumentHelp("Speech ends this many dB below the start threshold.", valueName: "dB"))
    var hysteresis: Double?

    @Option(
        help: ArgumentHelp(
            "On mono, how many people talk, told apart by their voices (1-8; default 2).", valueName: "count"))
    var speakers: Int?

    func validate() throws {
        if let speakers, !(1...8).contains(speakers) {
            throw ValidationError("--speakers must be between 1 and 8, not \(speakers)")
        }
        let ranges: [(String, Double?, ClosedRange<Double>)] = [
            ("--min-silence", minSilence, 0.05...60), ("--turn-gap", turnGap, 0...60),
            ("--min-speech", minSpeech, 0...60), ("--padding", padding, 0...5),
            ("--threshold", threshold, 0...100), ("--hysteresis", hysteresis, 0...60),
            ("--pitch-change", pitchChange, 0...48),
        ]
        for (name, value, range) in ranges {
            if let value, !range.contains(value) {
                throw ValidationError(
                    "\(name) must be between \(range.lowerBound) and \(range.upperBound), not \(value)")
            }
        }
        if let turnGap, let minSilence, turnGap > minSilence {
            throw ValidationError("--turn-gap (\(turnGap) s) cannot be longer than --min-silence")
        }
    }

    /// `base` with every option that was given put in.
    func resolved(over base: SegmentationParameters) -> SegmentationParameters {
        var parameters = base
        if let minSilence { parameters.minimumSilenceSeconds = minSilence }
        if let turnGap { parameters.minimumTurnGapSeconds = turnGap }
        if let pitchChange { parameters.pitchChangeSemitones = pitchChange }
        if let minSpeech { parameters.minimumSpeechSeconds = minSpeech }
        if let padding { parameters.paddingSeconds = padding }
        if let threshold { parameters.thresholdDecibels = threshold }
        if let hysteresis { parameters.hysteresisDecibels = hysteresis }
        if let speakers { parameters.speakerCount = speakers }
        return parameters
    }
}
