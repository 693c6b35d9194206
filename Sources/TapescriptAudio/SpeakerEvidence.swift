import Foundation

/// Who is talking, as far as the envelope can tell.
///
/// On a call recording each party has a channel of its own, so the channel with the higher median level
/// names the talker, even with the other party bleeding through. On mono, the median pitch of the voice
/// before and after a pause tells whether the talker changed.
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

    /// The channel carrying the talker in `windows`; nil for mono.
    func talkerChannel(in windows: Range<Int>) -> Int? {
        guard envelope.channelCount > 1 else { return nil }
        let medians = channelMedians(in: speechWindows(in: windows, fromEnd: false, limit: windows.count))
        return medians.indices.max { medians[$0] < medians[$1] }
    }

    /// Whether the talker before a pause differs from the talker after it.
    func talkerChanges(between before: Range<Int>, and after: Range<Int>) -> Bool {
        let tail = speechWindows(in: before, fromEnd: true, limit: Self.contextWindowCount)
        let head = speechWindows(in: after, fromEnd: false, limit: Self.contextWindowCount)
        if envelope.channelCount > 1 {
            let (left, right) = (channelMedians(in: tail), channelMedians(in: head))
            guard let talkerBefore = left.indices.max(by: { left[$0] < left[$1] }),
                let talkerAfter = right.indices.max(by: { right[$0] < right[$1] }), talkerBefore != talkerAfter
            else { return false }
            let swing = (left[talkerBefore] - left[talkerAfter]) + (right[talkerAfter] - right[talkerBefore])
            return swing >= Self.minimumBalanceSwingDecibels
        }
        guard let pitchBefore = medianSemitones(tail), let pitchAfter = medianSemitones(head) else { return true }
        return abs(pitchBefore - pitchAfter) >= Float(parameters.pitchChangeSemitones)
    }

    /// Up to `limit` speech windows of `range`, counted from its end or its start.
    private func speechWindows(in range: Range<Int>, fromEnd: Bool, limit: Int) -> [Int] {
        var found: [Int] = []
        let order = fromEnd ? Array(range.reversed()) : Array(range)
        for window in order where window < activity.isSpeech.count && activity.isSpeech[window] {
            found.append(window)
            if found.count == limit { break }
        }
        return found
    }

    private func channelMedians(in windows: [Int]) -> [Float] {
        (0..<envelope.channelCount).map { channel in
            median(windows.map { envelope.level(window: $0, channel: channel) }) ?? Envelope.floorDecibels
        }
    }

    /// The median pitch of the voiced windows, in semitones; nil when too few are voiced.
    private func medianSemitones(_ windows: [Int]) -> Float? {
        let voiced = windows.compactMap { window -> Float? in
            let hertz = envelope.pitch[window]
            return hertz > 0 ? 12 * log2f(hertz) : nil
        }
        guard voiced.count >= Self.minimumVoicedWindowCount else { return nil }
        return median(voiced)
    }

    private func median(_ values: [Float]) -> Float? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
