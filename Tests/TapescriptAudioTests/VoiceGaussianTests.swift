import Foundation
import Testing

@testable import TapescriptAudio

/// The speaker model works from sums of frames; these check the sums against the frames themselves.
@Suite struct VoiceGaussianTests {
    /// A deterministic voiceprint: frame `f`, coefficient `c` from a small linear congruential sequence, with
    /// `offset` added to coefficient 0 and coefficient 1 following coefficient 0 when `correlated`.
    static func voiceprint(frames: Int, offset: Int, correlated: Bool, seed: UInt32) -> Voiceprint {
        var state = seed
        var codes: [Int8] = []
        for _ in 0..<frames {
            var row: [Int] = []
            for _ in 0..<Voiceprint.coefficientCount {
                state = state &* 1_664_525 &+ 1_013_904_223
                row.append(Int(state >> 24) % 21 - 10)
            }
            row[0] += offset
            if correlated { row[1] = row[0] }
            codes += row.map { Int8(clamping: $0) }
        }
        return Voiceprint(frameSeconds: 0.02, codes: codes)
    }

    static func statistics(_ voiceprint: Voiceprint, _ frames: Range<Int>) -> VoiceStatistics {
        var statistics = VoiceStatistics()
        for frame in frames { statistics.add(frame: frame, of: voiceprint) }
        return statistics
    }

    @Test func theLikelihoodFromSumsIsTheSumOverFrames() throws {
        let voiceprint = Self.voiceprint(frames: 400, offset: 3, correlated: true, seed: 7)
        let fitted = Self.statistics(voiceprint, 0..<300)
        let floor = [Double](repeating: 0.5, count: VoiceStatistics.dimensions)
        let voice = try #require(VoiceGaussian(fitting: fitted, floor: floor))
        let scored = Self.statistics(voiceprint, 300..<400)
        var perFrame = 0.0
        for frame in 300..<400 { perFrame += voice.logLikelihood(of: Self.statistics(voiceprint, frame..<(frame + 1))) }
        #expect(abs(voice.logLikelihood(of: scored) - perFrame) < 1e-6 * abs(perFrame))
    }

    @Test func aVoiceIsLikelierUnderItsOwnGaussianThanUnderAnother() throws {
        let floor = [Double](repeating: 0.5, count: VoiceStatistics.dimensions)
        // The same mean, different shape: only a full covariance tells them apart.
        let plain = Self.voiceprint(frames: 600, offset: 0, correlated: false, seed: 1)
        let linked = Self.voiceprint(frames: 600, offset: 0, correlated: true, seed: 2)
        let plainVoice = try #require(VoiceGaussian(fitting: Self.statistics(plain, 0..<500), floor: floor))
        let linkedVoice = try #require(VoiceGaussian(fitting: Self.statistics(linked, 0..<500), floor: floor))
        let model = SpeakerClustering.Model(voices: [plainVoice, linkedVoice], score: 0)
        let heldOutPlain = model.assign(Self.statistics(plain, 500..<600))
        let heldOutLinked = model.assign(Self.statistics(linked, 500..<600))
        #expect(heldOutPlain.speaker == 0)
        #expect(heldOutLinked.speaker == 1)
        #expect(heldOutPlain.confidence > 0.5 && heldOutLinked.confidence > 0.5)
    }

    @Test func aSingularCovarianceIsRefusedUnlessFloored() {
        var statistics = VoiceStatistics()
        let flat = Voiceprint(frameSeconds: 0.02, codes: [Int8](repeating: 4, count: 12 * 50))
        for frame in 0..<50 { statistics.add(frame: frame, of: flat) }
        #expect(VoiceGaussian(fitting: statistics, floor: [Double](repeating: 0, count: 12)) == nil)
        #expect(VoiceGaussian(fitting: statistics, floor: [Double](repeating: 1, count: 12)) != nil)
    }

    @Test func principalAxesFindTheDirectionOfMostSpread() throws {
        // Spread 9 along (1, 1)/√2 and 1 across it, in two of twelve dimensions.
        let n = 12
        var scatter = [Double](repeating: 0, count: n * n)
        scatter[0] = 5
        scatter[1] = 4
        scatter[n] = 4
        scatter[n + 1] = 5
        let axes = PrincipalAxes.of(scatter, dimensions: n, count: 2)
        let first = try #require(axes.first)
        #expect(abs(abs(first[0]) - 0.5.squareRoot()) < 1e-6 && abs(abs(first[1]) - 0.5.squareRoot()) < 1e-6)
        #expect(abs(first[0] - first[1]) < 1e-6)
    }
}
