/// Finds the speech in a recording from its stored envelope, without touching the audio.
///
/// The steps: a level threshold with hysteresis, set from the local noise floor and speech level; pauses
/// shorter than `minimumTurnGapSeconds` bridged; pauses up to `minimumSilenceSeconds` bridged unless the
/// speaker changes across them; runs shorter than `minimumSpeechSeconds` dropped; then padding.
public struct SilenceDetector: Sendable {
    /// A silence between two stretches of sound, in frames.
    public struct Pause: Sendable, Equatable {
        public var startFrame: Int64
        public var endFrame: Int64
        /// Whether the pause ends a segment.
        public var splits: Bool
    }

    public var parameters: SegmentationParameters

    public init(parameters: SegmentationParameters = .interview) {
        self.parameters = parameters
    }

    public func detect(in envelope: Envelope) -> [SpeechRegion] {
        let speakers = SpeakerEvidence(envelope: envelope)
        let runs = bridgePauses(in: speechRuns(in: envelope), envelope: envelope, speakers: speakers)
        let minimumSpeech = windows(parameters.minimumSpeechSeconds, envelope)
        let kept = runs.filter { $0.upperBound - $0.lowerBound >= minimumSpeech }
        return pad(kept, envelope: envelope).map { run in
            SpeechRegion(
                startFrame: run.start, endFrame: run.end, channel: speakers.dominantChannel(in: run.windows))
        }
    }

    /// Window ranges whose level is above the threshold, with hysteresis.
    func speechRuns(in envelope: Envelope) -> [Range<Int>] {
        let levels = envelope.loudestLevels()
        let statistics = LevelStatistics(levels: levels)
        var runs: [Range<Int>] = []
        var start: Int?
        for window in levels.indices {
            let floor = statistics.noiseFloor[window]
            let rise: Float
            if let fixed = parameters.thresholdDecibels {
                rise = Float(fixed)
            } else {
                rise = max(6, (statistics.speechLevel[window] - floor) / 3)
            }
            let onset = floor + rise
            let release = onset - Float(parameters.hysteresisDecibels)
            let level = levels[window]
            if let began = start {
                if level < release {
                    runs.append(began..<window)
                    start = nil
                }
            } else if level >= onset {
                start = window
            }
        }
        if let began = start { runs.append(began..<levels.count) }
        return runs
    }

    /// Every pause between stretches of sound, with whether these parameters split there: what
    /// `tapescript pauses` draws its histogram from.
    public func pauses(in envelope: Envelope) -> [Pause] {
        let speakers = SpeakerEvidence(envelope: envelope)
        let runs = speechRuns(in: envelope)
        return zip(runs, runs.dropFirst()).map { before, after in
            Pause(
                startFrame: envelope.frame(ofWindow: before.upperBound),
                endFrame: envelope.frame(ofWindow: after.lowerBound),
                splits: splits(between: before, and: after, envelope: envelope, speakers: speakers))
        }
    }

    /// Whether the pause between two stretches of sound ends a segment.
    func splits(between before: Range<Int>, and after: Range<Int>, envelope: Envelope, speakers: SpeakerEvidence)
        -> Bool
    {
        let gap = after.lowerBound - before.upperBound
        if gap < windows(parameters.minimumTurnGapSeconds, envelope) { return false }
        if gap >= windows(parameters.minimumSilenceSeconds, envelope) { return true }
        return speakers.changes(between: before, and: after)
    }

    func bridgePauses(in runs: [Range<Int>], envelope: Envelope, speakers: SpeakerEvidence) -> [Range<Int>] {
        var merged: [Range<Int>] = []
        for run in runs {
            guard let last = merged.last else {
                merged.append(run)
                continue
            }
            if !splits(between: last, and: run, envelope: envelope, speakers: speakers) {
                merged[merged.count - 1] = last.lowerBound..<run.upperBound
            } else {
                merged.append(run)
            }
        }
        return merged
    }

    private func pad(_ runs: [Range<Int>], envelope: Envelope) -> [(start: Int64, end: Int64, windows: Range<Int>)] {
        let padding = Int64((parameters.paddingSeconds * Double(envelope.sampleRate)).rounded())
        let lastFrame = envelope.frame(ofWindow: envelope.windowCount)
        return runs.indices.map { index in
            let run = runs[index]
            let start = envelope.frame(ofWindow: run.lowerBound)
            let end = envelope.frame(ofWindow: run.upperBound)
            let previousEnd = index > 0 ? envelope.frame(ofWindow: runs[index - 1].upperBound) : 0
            let nextStart = index + 1 < runs.count ? envelope.frame(ofWindow: runs[index + 1].lowerBound) : lastFrame
            let before = min(padding, (start - previousEnd) / 2)
            let after = min(padding, (nextStart - end) / 2)
            return (start - max(0, before), end + max(0, after), run)
        }
    }

    private func windows(_ seconds: Double, _ envelope: Envelope) -> Int {
        Int((seconds * Double(envelope.sampleRate) / Double(envelope.windowFrameCount)).rounded())
    }
}
