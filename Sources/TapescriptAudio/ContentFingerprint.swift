import CXXHash
import Foundation

/// A 128-bit XXH3 hash of the decoded samples, fed block by block. Two files holding the same audio get the
/// same fingerprint whatever their container, so importing one recording twice is recognised.
public final class ContentFingerprint {
    private let state: OpaquePointer

    public init() {
        // XXH3_createState only fails when malloc does; there is no way to go on without memory.
        guard let state = XXH3_createState() else { fatalError("out of memory allocating a hash state") }
        self.state = state
        XXH3_128bits_reset(state)
    }

    deinit { XXH3_freeState(state) }

    public func update(_ bytes: UnsafeRawPointer, count: Int) {
        XXH3_128bits_update(state, bytes, count)
    }

    /// The fingerprint as 32 hex digits, prefixed by the method so that a future change of method is visible.
    public func finish(shape: String) -> String {
        // The shape (rate, channels) goes in too: the same samples at another rate are other audio.
        XXH3_128bits_update(state, shape, shape.utf8.count)
        let digest = XXH3_128bits_digest(state)
        return "xxh3-128:" + String(format: "%016llx%016llx", digest.high64, digest.low64)
    }
}
