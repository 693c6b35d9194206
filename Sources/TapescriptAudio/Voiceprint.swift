import Foundation

/// What a mono recording's voices sound like over time: for every 20 ms, the cepstrum of the spectrum from
/// 200 Hz to 3.8 kHz (12 coefficients of 20 mel bands, without the loudness term). Two people differ in it
/// through the shape of their vocal tract, so the mean cepstrum of a stretch tells who is talking where the
/// level cannot (one channel carries both) and pitch alone does not (most pairs are near in pitch).
///
/// One signed byte per coefficient in decibel steps: finer than the frame-to-frame spread of a voice, and an
/// hour costs 2.2 MB.
public struct Voiceprint: Sendable, Equatable {
    public static let coefficientCount = 12
    /// The stretch of audio each frame covers, and the step from one frame to the next.
    public let frameSeconds: Double
    /// Cepstral coefficients c1…c12 of each frame, in dB, frame after frame.
    public let codes: [Int8]

    public init(frameSeconds: Double, codes: [Int8]) {
        precondition(frameSeconds > 0 && codes.count % Self.coefficientCount == 0, "codes must fill whole frames")
        self.frameSeconds = frameSeconds
        self.codes = codes
    }

    public var frameCount: Int { codes.count / Self.coefficientCount }

    /// The frame whose stretch starts at or before `seconds`.
    func frame(atSeconds seconds: Double) -> Int { max(0, Int(seconds / frameSeconds)) }

    /// Adds frame `frame`'s coefficients to `sum`.
    func accumulate(frame: Int, into sum: inout [Float]) {
        let base = frame * Self.coefficientCount
        for index in 0..<Self.coefficientCount { sum[index] += Float(codes[base + index]) }
    }
}
