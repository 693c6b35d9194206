/// Finds the speech in a recording from its stored envelope, without touching the audio.
///
/// The steps: a level threshold with hysteresis, set from the local noise floor and speech level; gaps shorter
/// than `minimumTurnGapSeconds` bridged; pauses up to `minimumSilenceSeconds` bridged unless the talker changes
/// across them; segments shorter than `minimumSpeechSeconds` dropped; then padding.
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
        let activity = VoiceActivity(envelope: envelope, parameters: parameters)
        let speakers = SpeakerEvidence(envelope: envelope, activity: activity, parameters: parameters)
        let runs = wordRuns(activity, envelope)
        var segments: [Range<Int>] = []
        for run in runs {
            if let last = segments.last, !splits(between: last, and: run, envelope: envelope, speakers: speakers) {
                segments[segments.count - 1] = last.lowerBound..<run.upperBound
            } else {
                segments.append(run)
            }
        }
        let minimumSpeech = windows(parameters.minimumSpeechSeconds, envelope)
        let kept = segments.filter { $0.count >= minimumSpeech }
        return pad(kept, envelope: envelope).map { start, end, run in
            SpeechRegion(startFrame: start, endFrame: end, channel: speakers.talkerChannel(in: run))
        }
    }

    /// Every pause between stretches of speech (gaps between words excluded), with whether these parameters
    /// split there: what `tapescript pauses` draws its histogram from.
    public func pauses(in envelope: Envelope) -> [Pause] {
        let activity = VoiceActivity(envelope: envelope, parameters: parameters)
        let speakers = SpeakerEvidence(envelope: envelope, activity: activity, parameters: parameters)
        let runs = wordRuns(activity, envelope)
        return zip(runs, runs.dropFirst()).map { before, after in
            Pause(
                startFrame: envelope.frame(ofWindow: before.upperBound),
                endFrame: envelope.frame(ofWindow: after.lowerBound),
                splits: splits(between: before, and: after, envelope: envelope, speakers: speakers))
        }
    }

    /// Runs of speech with the gaps between words (shorter than the turn gap) bridged.
    private func wordRuns(_ activity: VoiceActivity, _ envelope: Envelope) -> [Range<Int>] {
        let turnGap = windows(parameters.minimumTurnGapSeconds, envelope)
        var runs: [Range<Int>] = []
        for run in activity.runs {
            if let last = runs.last, run.lowerBound - last.upperBound < turnGap {
                runs[runs.count - 1] = last.lowerBound..<run.upperBound
            } else {
                runs.append(run)
            }
        }
        return runs
    }

    /// Whether the pause between two stretches of speech ends a segment.
    private func splits(
        between before: Range<Int>, and after: Range<Int>, envelope: Envelope, speakers: SpeakerEvidence
    ) -> Bool {
        let gap = after.lowerBound - before.upperBound
        let minimumSilence = parameters.minimumSilenceSeconds(channelCount: envelope.channelCount)
        if gap >= windows(minimumSilence, envelope) { return true }
        return speakers.talkerChanges(between: before, and: after)
    }

    private func pad(_ runs: [Range<Int>], envelope: Envelope) -> [(Int64, Int64, Range<Int>)] {
        let padding = Int64((parameters.paddingSeconds * Double(envelope.sampleRate)).rounded())
        let lastFrame = envelope.frame(ofWindow: envelope.windowCount)
        return runs.indices.map { index in
            let run = runs[index]
            let start = envelope.frame(ofWindow: run.lowerBound)
            let end = envelope.frame(ofWindow: run.upperBound)
            let previousEnd = index > 0 ? envelope.frame(ofWindow: runs[index - 1].upperBound) : 0
            let nextStart = index + 1 < runs.count ? envelope.frame(ofWindow: runs[index + 1].lowerBound) : lastFrame
            let before = max(0, min(padding, (start - previousEnd) / 2))
            let after = max(0, min(padding, (nextStart - end) / 2))
            return (start - before, end + after, run)
        }
    }

    private func windows(_ seconds: Double, _ envelope: Envelope) -> Int {
        Int((seconds * Double(envelope.sampleRate) / Double(envelope.windowFrameCount)).rounded())
    }
}
