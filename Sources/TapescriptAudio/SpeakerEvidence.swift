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
