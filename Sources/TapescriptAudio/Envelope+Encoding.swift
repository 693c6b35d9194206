import Foundation

extension Envelope {
    private static let magic = Array("TSENV1".utf8)

    /// A compact binary form for storage: a small header, then the levels and the pitch track as
    /// little-endian Float32.
    public func encoded() -> Data {
        var data = Data(Self.magic)
        for field in [sampleRate, windowFrameCount, channelCount, levels.count] {
            withUnsafeBytes(of: UInt32(field).littleEndian) { data.append(contentsOf: $0) }
        }
        data.reserveCapacity(data.count + (levels.count + pitch.count) * 4)
        for track in [levels, pitch] {
            // Stored little-endian; every platform Swift runs on is, so this is a plain copy of the floats.
            track.map { Float(bitPattern: $0.bitPattern.littleEndian) }.withUnsafeBytes { data.append(contentsOf: $0) }
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
        guard channelCount > 0, sampleRate > 0, windowFrameCount > 0, count % channelCount == 0 else { return nil }
        let windowCount = count / channelCount
        guard bytes.count == headerCount + (count + windowCount) * 4 else { return nil }
        func track(from offset: Int, count: Int) -> [Float] {
            var values = [Float](repeating: 0, count: count)
            values.withUnsafeMutableBytes { target in
                bytes.withUnsafeBytes { source in
                    target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count * 4)]))
                }
            }
            return values.map { Float(bitPattern: UInt32(littleEndian: $0.bitPattern)) }
        }
        self.init(
            sampleRate: sampleRate, windowFrameCount: windowFrameCount, channelCount: channelCount,
            levels: track(from: headerCount, count: count), pitch: track(from: headerCount + count * 4, count: windowCount))
    }
}
