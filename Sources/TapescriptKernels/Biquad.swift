// The C library for `sin` and `cos`, rather than Foundation: this target is the per-sample loops and nothing else.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A second-order IIR section (direct form II transposed), as used for the voice-band high-pass.
package struct Biquad: Sendable {
    private let b0, b1, b2, a1, a2: Float
    private var z1: Float = 0
    private var z2: Float = 0

    /// A Butterworth high-pass (Q = 1/√2) at `cutoff` Hz, from the RBJ audio-EQ cookbook.
    package static func highPass(cutoff: Double, sampleRate: Double) -> Biquad {
        let omega = 2 * Double.pi * cutoff / sampleRate
        let q = 1 / 2.0.squareRoot()
        let alpha = sin(omega) / (2 * q)
        let cosine = cos(omega)
        let a0 = 1 + alpha
        return Biquad(
            b0: Float((1 + cosine) / 2 / a0), b1: Float(-(1 + cosine) / a0), b2: Float((1 + cosine) / 2 / a0),
            a1: Float(-2 * cosine / a0), a2: Float((1 - alpha) / a0))
    }

    private init(b0: Float, b1: Float, b2: Float, a1: Float, a2: Float) {
        (self.b0, self.b1, self.b2, self.a1, self.a2) = (b0, b1, b2, a1, a2)
    }

    @inline(__always)
    package mutating func process(_ x: Float) -> Float {
        let y = b0 * x + z1
        z1 = b1 * x - a1 * y + z2
        z2 = b2 * x - a2 * y
        return y
    }
}
