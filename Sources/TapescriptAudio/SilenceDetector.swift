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
        if envelope.channelCount == 1, let voiceprint = envelope.voiceprint {
            return detectVoices(
                runs: runs, activity: activity, envelope: envelope, voiceprint: voiceprint, pitch: speakers)
        }
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

    /// Segments of a mono recording with a voiceprint: a pause shorter than the minimum silence ends a segment
    /// only where the voice changes across it, and every segment is given the speaker whose voice it has.
    private func detectVoices(
        runs: [Range<Int>], activity: VoiceActivity, envelope: Envelope, voiceprint: Voiceprint,
        pitch: SpeakerEvidence
    ) -> [SpeechRegion] {
        let clustering = SpeakerClustering(
            envelope: envelope, voiceprint: voiceprint, isSpeech: activity.isSpeech,
            speakerCount: max(1, min(8, parameters.speakerCount ?? 2)))
        // With one voice there is no turn to hear in a short pause, and nobody else to give a stretch to.
        let oneVoice = clustering.speakerCount == 1
        let minimumSilence = windows(parameters.minimumSilenceSeconds(channelCount: 1), envelope)
        var coarse: [[Range<Int>]] = []
        for run in runs {
            if let last = coarse.last?.last, run.lowerBound - last.upperBound < minimumSilence {
                coarse[coarse.count - 1].append(run)
            } else {
                coarse.append([run])
            }
        }
        // The voices are learnt from the stretches between longer silences; when the talk never pauses that
        // long, from the stretches between words.
        let model =
            clustering.model(
                of: coarse.compactMap { parts in
                    parts.first.map { $0.lowerBound..<(parts.last?.upperBound ?? $0.upperBound) }
                }) ?? clustering.model(of: runs)
        var segments: [Range<Int>] = []
        let context = windows(VoiceChange.contextSeconds, envelope)
        for parts in coarse {
            guard var current = parts.first else { continue }
            let whole = current.lowerBound..<(parts.last?.upperBound ?? current.upperBound)
            for (before, after) in zip(parts, parts.dropFirst()) {
                let tail = max(current.lowerBound, before.upperBound - context)..<before.upperBound
                // The voice after the pause is heard in the stretch up to the next pause, where a third voice
                // cannot creep in; only when that stretch is too short to tell, further on.
                let head = after.lowerBound..<min(after.upperBound, after.lowerBound + context)
                let longHead = after.lowerBound..<min(whole.upperBound, after.lowerBound + context)
                // The voice decides where it is clear; where it is not (short sides, voices alike), a change of
                // pitch does, as it did before voiceprints.
                let verdict = model.flatMap { model in
                    let before = clustering.statistics(of: tail)
                    return VoiceChange.verdict(before, clustering.statistics(of: head), model)
                        ?? VoiceChange.verdict(before, clustering.statistics(of: longHead), model)
                }
                if !oneVoice, verdict ?? pitch.talkerChanges(between: tail, and: head) {
                    segments.append(current)
                    current = after
                } else {
                    current = current.lowerBound..<after.upperBound
                }
            }
            segments.append(current)
        }
        let minimumSpeech = windows(parameters.minimumSpeechSeconds, envelope)
        let kept = segments.filter { $0.count >= minimumSpeech }
        var assignments: [SpeakerClustering.Assignment] = []
        for run in kept {
            if oneVoice {
                assignments.append(.init(speaker: 0, confidence: 1))
                continue
            }
            let statistics = clustering.statistics(of: run)
            if let model, statistics.count > 0 {
                assignments.append(model.assign(statistics))
            } else {
                // A stretch too short to hear a voice in goes with the speaker before it.
                assignments.append(.init(speaker: assignments.last?.speaker ?? 0, confidence: 0))
            }
        }
        var numbering: [Int: Int] = [:]
        return zip(pad(kept, envelope: envelope), assignments).map { padded, assignment in
            let (start, end, _) = padded
            let speaker = numbering[assignment.speaker] ?? numbering.count
            numbering[assignment.speaker] = speaker
            return SpeechRegion(
                startFrame: start, endFrame: end, channel: nil, speaker: speaker,
                speakerConfidence: assignment.confidence)
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
