import Foundation

/// Who is talking, as far as the envelope can tell. On a call recording each party has a channel of its own,
/// so the channel with the most energy names the talker, even with the other party bleeding through.
struct SpeakerEvidence {
    /// How much speech on each side of a pause is compared to decide whether the talker changed.
    static let contextWindowCount = 150  // 1.5 s

    let envelope: Envelope

    /// The channel carrying most of the energy in `windows`; nil for mono.
    func dominantChannel(in windows: Range<Int>) -> Int? {
        guard envelope.channelCount > 1, !windows.isEmpty else { return nil }
        let energies = channelEnergies(in: windows)
        return energies.indices.max { energies[$0] < energies[$1] }
    }

    /// Whether the talker before a pause differs from the talker after it.
    func changes(between before: Range<Int>, and after: Range<Int>) -> Bool {
        guard envelope.channelCount > 1 else { return false }
        let tail = max(before.lowerBound, before.upperBound - Self.contextWindowCount)..<before.upperBound
        let head = after.lowerBound..<min(after.upperBound, after.lowerBound + Self.contextWindowCount)
        return dominantChannel(in: tail) != dominantChannel(in: head)
    }

    private func channelEnergies(in windows: Range<Int>) -> [Double] {
        var energies = [Double](repeating: 0, count: envelope.channelCount)
        for window in windows {
            for channel in 0..<envelope.channelCount {
                energies[channel] += pow(10, Double(envelope.level(window: window, channel: channel)) / 10)
            }
        }
        return energies
    }
}
