import Foundation

/// Who is talking, as far as the envelope can tell.
///
/// On a call recording each party has a channel of its own, so the channel that carries a voice names the
/// talker, even with the other party bleeding through. Each channel is judged against its own range, from
/// its noise floor to its speech level, not by raw level: a hissing line or a loud handset would otherwise
/// take the quiet party's turns. On mono, the median pitch of the voice before and after a pause tells
/// whether the talker changed (where the voices themselves cannot say).
struct SpeakerEvidence {
    /// How much speech on each side of a pause is compared: up to 3 s.
    static let contextWindowCount = 300
    /// A side with fewer voiced windows than this gives no pitch to compare; the pause then splits.
    static let minimumVoicedWindowCount = 8
    /// On a call recording, the channel balance must swing by at least this much across the pause.
    static let minimumBalanceSwingDecibels: Float = 6

    let envelope: Envelope
    let activity: VoiceActivity
    let parameters: SegmentationParameters
    /// Each channel's noise floor and speech level over the whole recording, in dBFS.
    private let ranges: [(floor: Float, speech: Float)]

    init(envelope: Envelope, activity: VoiceActivity, parameters: SegmentationParameters) {
        self.envelope = envelope
        self.activity = activity
        self.parameters = parameters
        ranges = envelope.channelCount > 1 ? Self.channelRanges(envelope, activity) : []
    }

    /// A channel's floor is a low percentile of its level; its speech level a high percentile of its level
    /// while anyone speaks (its own party's voice is the loudest thing on it). The floor is held within 40 dB
    /// of the speech level, so that a line in digital silence does not make the faintest crosstalk count.
    private static func channelRanges(_ envelope: Envelope, _ activity: VoiceActivity) -> [(
        floor: Float, speech: Float
    )] {
        (0..<envelope.channelCount).map { channel in
            var all = [Int](repeating: 0, count: 256)
            var speaking = [Int](repeating: 0, count: 256)
            for window in 0..<envelope.windowCount {
                let code = Int(envelope.levelCodes[window * envelope.channelCount + channel])
                all[code] += 1
                if window < activity.isSpeech.count, activity.isSpeech[window] { speaking[code] += 1 }
            }
            let spoken = speaking.reduce(0, +)
            let speech =
                spoken > 0
                ? LevelStatistics.percentile(speaking, total: spoken, 0.95)
                : LevelStatistics.percentile(all, total: envelope.windowCount, 0.95)
            let floor = max(LevelStatistics.percentile(all, total: envelope.windowCount, 0.1), speech - 40)
            return (floor, max(speech, floor + 1))
        }
    }

    /// The channel whose median level (`medians`, one per channel) sits highest in its own range.
    private func talker(of medians: [Float]) -> Int? {
        let positions = medians.indices.map { channel in
            (medians[channel] - ranges[channel].floor) / (ranges[channel].speech - ranges[channel].floor)
        }
        return positions.indices.max { positions[$0] < positions[$1] }
    }

    /// The channel carrying the talker in `windows`; nil for mono.
    func talkerChannel(in windows: Range<Int>) -> Int? {
        guard envelope.channelCount > 1 else { return nil }
        return talker(of: channelMedians(in: speechWindows(in: windows, fromEnd: false, limit: windows.count)))
    }

    /// Whether the talker before a pause differs from the talker after it.
    func talkerChanges(between before: Range<Int>, and after: Range<Int>) -> Bool {
        let tail = speechWindows(in: before, fromEnd: true, limit: Self.contextWindowCount)
        let head = speechWindows(in: after, fromEnd: false, limit: Self.contextWindowCount)
        if envelope.channelCount > 1 {
            let (left, right) = (channelMedians(in: tail), channelMedians(in: head))
            guard let talkerBefore = talker(of: left), let talkerAfter = talker(of: right), talkerBefore != talkerAfter
            else { return false }
            let swing = (left[talkerBefore] - left[talkerAfter]) + (right[talkerAfter] - right[talkerBefore])
            return swing >= Self.minimumBalanceSwingDecibels
        }
        guard let pitchBefore = medianPitch(tail), let pitchAfter = medianPitch(head) else { return true }
        return abs(pitchBefore - pitchAfter) >= Float(parameters.pitchChangeSemitones)
    }

    /// Up to `limit` speech windows of `range`, counted from its end or its start.
    private func speechWindows(in range: Range<Int>, fromEnd: Bool, limit: Int) -> [Int] {
        var found: [Int] = []
        found.reserveCapacity(min(limit, range.count))
        var window = fromEnd ? range.upperBound - 1 : range.lowerBound
        while range.contains(window), found.count < limit {
            if window < activity.isSpeech.count, activity.isSpeech[window] { found.append(window) }
            window += fromEnd ? -1 : 1
        }
        return found
    }

    /// Each channel's median level over `windows`, in dBFS.
    private func channelMedians(in windows: [Int]) -> [Float] {
        (0..<envelope.channelCount).map { channel in
            let median = Self.medianCode(windows.lazy.map { envelope.levelCodes[$0 * envelope.channelCount + channel] })
            return median.map(LevelCode.decibels) ?? Envelope.floorDecibels
        }
    }

    /// The median pitch of the voiced windows, in semitones; nil when too few are voiced.
    private func medianPitch(_ windows: [Int]) -> Float? {
        let voiced = windows.lazy.map { envelope.pitchCodes[$0] }.filter { $0 > 0 }
        guard voiced.count >= Self.minimumVoicedWindowCount, let median = Self.medianCode(voiced) else { return nil }
        return PitchCode.semitones(median)
    }

    /// The median of byte codes by counting: linear, no sorting.
    static func medianCode<Codes: Sequence>(_ codes: Codes) -> UInt8? where Codes.Element == UInt8 {
        var histogram = [Int](repeating: 0, count: 256)
        var total = 0
        for code in codes {
            histogram[Int(code)] += 1
            total += 1
        }
        guard total > 0 else { return nil }
        var seen = 0
        for (code, count) in histogram.enumerated() {
            seen += count
            if seen * 2 > total { return UInt8(code) }
        }
        return 255
    }
}
