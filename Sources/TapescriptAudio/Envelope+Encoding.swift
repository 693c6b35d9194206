import Foundation

extension Envelope {
    private static let magic = Array("TSENV1".utf8)

    /// A compact binary form for storage: a small header, then the levels as little-endian Float32.
    public func encoded() -> Data {
        var data = Data(Self.magic)
        for field in [sampleRate, windowFrameCount, channelCount, levels.count] {
            withUnsafeBytes(of: UInt32(field).littleEndian) { data.append(contentsOf: $0) }
        }
        levels.withUnsafeBufferPointer { buffer in
            data.reserveCapacity(data.count + buffer.count * 4)
            for level in buffer {
                withUnsafeBytes(of: level.bitPattern.littleEndian) { data.append(contentsOf: $0) }
            }
        }
        return data
    }

    /// Reads the form `encoded()` writes; nil when the bytes are not such an envelope.
    public init?(encoded data: Data) {
        let bytes = [UInt8](data)
        let headerCount = Self.magic.count + 16
        guard bytes.count >= headerCount, Array(bytes.prefix(Self.magic.count)) == Self.magic else { return nil }
        func field(_ index: Int) -> Int {
            let offset = Self.magic.count + index * 4
            return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16
                | Int(bytes[offset + 3]) << 24
        }
        let (sampleRate, windowFrameCount, channelCount, count) = (field(0), field(1), field(2), field(3))
        guard channelCount > 0, count % channelCount == 0, bytes.count == headerCount + count * 4 else { return nil }
        var levels = [Float](repeating: 0, count: count)
        for index in 0..<count {
            let offset = headerCount + index * 4
            let bits = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
            levels[index] = Float(bitPattern: bits)
        }
        self.init(sampleRate: sampleRate, windowFrameCount: windowFrameCount, channelCount: channelCount, levels: levels)
    }
}
