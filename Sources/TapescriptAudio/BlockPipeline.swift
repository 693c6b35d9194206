import Dispatch

/// Hands blocks of samples from a producer (decoding and hashing) to a consumer (the envelope) running on
/// another core, through a fixed ring of buffers: memory stays constant however long the recording.
///
/// Safety: a buffer is written only between `free.wait()` and `filled.signal()` by the producer, and read only
/// between `filled.wait()` and `free.signal()` by the consumer; the semaphores order every access.
final class BlockPipeline<Sample>: @unchecked Sendable {
    static var bufferCount: Int { 4 }

    let blockFrameCount: Int
    let channelCount: Int
    private let buffers: [UnsafeMutablePointer<Sample>]
    private var frameCounts: [Int]
    // Both start at 0: libdispatch traps when a semaphore is released below the value it was made with, and
    // the ring ends with buffers still taken.
    private let free = DispatchSemaphore(value: 0)
    private let filled = DispatchSemaphore(value: 0)

    init(blockFrameCount: Int, channelCount: Int) {
        self.blockFrameCount = blockFrameCount
        self.channelCount = channelCount
        buffers = (0..<Self.bufferCount).map { _ in
            UnsafeMutablePointer<Sample>.allocate(capacity: blockFrameCount * channelCount)
        }
        frameCounts = Array(repeating: 0, count: Self.bufferCount)
        for _ in 0..<Self.bufferCount { free.signal() }
    }

    deinit { buffers.forEach { $0.deallocate() } }

    /// Runs `consume` on another thread for every block `produce` fills, until `produce` returns 0 frames.
    /// `produce` fills a buffer and returns the frames it holds.
    func run(
        produce: (UnsafeMutablePointer<Sample>) -> Int,
        consume: @escaping @Sendable (UnsafePointer<Sample>, Int) -> Void
    ) {
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            var index = 0
            while true {
                filled.wait()
                let frames = frameCounts[index]
                if frames == 0 { break }
                consume(buffers[index], frames)
                free.signal()
                index = (index + 1) % Self.bufferCount
            }
            done.signal()
        }
        var index = 0
        while true {
            free.wait()
            let frames = produce(buffers[index])
            frameCounts[index] = frames
            filled.signal()
            if frames == 0 { break }
            index = (index + 1) % Self.bufferCount
        }
        done.wait()
    }
}
