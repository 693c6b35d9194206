/// Estimates the pitch of the voice from the voice band at about 4 kHz, by normalised cross-correlation:
/// r(t) = Σx[n]x[n−t] / √(Σx[n]² Σx[n−t]²) over a 30 ms frame, for lags of 50–400 Hz.
///
/// Pitch is what tells two talkers apart across a short pause in a mono recording: over a second or two of
/// speech, spectral shape mostly reflects *what* is said, the median pitch *who* says it.
package struct PitchTracker: Sendable {
    static let lowestPitch = 50.0
    static let highestPitch = 400.0
    /// Below this correlation a frame counts as unvoiced.
    static let voicingCorrelation: Float = 0.5
    /// Frames quieter than this (about −70 dBFS mean square) are not worth correlating.
    static let silentEnergyPerSample: Float = 1e-7

    package let sampleRate: Double
    private let frameLength: Int
    private let shortestLag: Int
    private let longestLag: Int
    /// The latest samples, oldest first; trimmed back to what a frame needs once it grows past `capacity`.
    private var history: [Float]
    private let needed: Int
    private let capacity: Int
    private var correlations: [Float]

    package init(sampleRate: Double) {
        self.sampleRate = sampleRate
        frameLength = Int((sampleRate * 0.03).rounded())
        shortestLag = max(2, Int((sampleRate / Self.highestPitch).rounded(.down)))
        longestLag = Int((sampleRate / Self.lowestPitch).rounded(.up))
        needed = frameLength + longestLag + 2
        capacity = needed * 16
        history = [Float](repeating: 0, count: needed)
        history.reserveCapacity(capacity)
        correlations = [Float](repeating: 0, count: longestLag + 2)
    }

    /// Adds voice-band samples.
    package mutating func append(_ samples: UnsafeBufferPointer<Float>) {
        if history.count + samples.count > capacity { history.removeFirst(history.count - needed) }
        history.append(contentsOf: samples)
    }

    /// The pitch in Hz over the last 30 ms, or 0 when that stretch is not voiced.
    package mutating func estimate() -> Float {
        let (frameLength, shortestLag, longestLag, sampleRate) = (frameLength, shortestLag, longestLag, sampleRate)
        return history.withUnsafeBufferPointer { history in
            correlations.withUnsafeMutableBufferPointer { correlations in
                // history is never empty: it starts with `needed` zeros.
                let samples = history.baseAddress.unsafelyUnwrapped
                let frame = samples + (history.count - frameLength)
                let frameEnergy = Self.dot(frame, frame, count: frameLength)
                guard frameEnergy > Self.silentEnergyPerSample * Float(frameLength) else { return 0 }
                // The lagged frame's energy slides one sample per lag instead of being summed again.
                var laggedEnergy = Self.dot(frame - (shortestLag - 1), frame - (shortestLag - 1), count: frameLength)
                var best: Float = 0
                for lag in (shortestLag - 1)...(longestLag + 1) {
                    if lag > shortestLag - 1 {
                        let entering = (frame - lag).pointee
                        let leaving = (frame - lag + frameLength).pointee
                        laggedEnergy += entering * entering - leaving * leaving
                    }
                    let product = Self.dot(frame, frame - lag, count: frameLength)
                    let r = product / (frameEnergy * max(laggedEnergy, 0) + 1e-20).squareRoot()
                    correlations[lag] = r
                    if lag >= shortestLag, lag <= longestLag { best = max(best, r) }
                }
                guard best >= Self.voicingCorrelation else { return 0 }
                // The smallest lag that peaks within 90% of the best: avoids picking an octave below the voice.
                for lag in shortestLag...longestLag {
                    let r = correlations[lag]
                    guard r >= 0.9 * best, r >= correlations[lag - 1], r >= correlations[lag + 1] else { continue }
                    let (a, c) = (correlations[lag - 1], correlations[lag + 1])
                    let curvature = a - 2 * r + c
                    let shift = abs(curvature) > 1e-9 ? min(1, max(-1, 0.5 * (a - c) / curvature)) : 0
                    return Float(sampleRate) / (Float(lag) + shift)
                }
                return 0
            }
        }
    }

    private static func dot(_ first: UnsafePointer<Float>, _ second: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMD8<Float>()
        var index = 0
        while index + 8 <= count {
            let a = UnsafeRawPointer(first + index).loadUnaligned(as: SIMD8<Float>.self)
            let b = UnsafeRawPointer(second + index).loadUnaligned(as: SIMD8<Float>.self)
            lanes += a * b
            index += 8
        }
        var total = lanes.sum()
        while index < count {
            total += first[index] * second[index]
            index += 1
        }
        return total
    }
}
