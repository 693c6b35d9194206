import Foundation

extension Envelope {
    private static let magic = Array("TSENV1".utf8)
    private static let headerCount = magic.count + 16

    /// A compact binary form for storage: a small header (sample rate, window length, channels, level count as
    /// little-endian UInt32), then the level codes and the pitch codes.
    public func encoded() -> Data {
        var data = Data(capacity: Self.headerCount + levelCodes.count + pitchCodes.count)
        data.append(contentsOf: Self.magic)
        for field in [sampleRate, windowFrameCount, channelCount, levelCodes.count] {
            withUnsafeBytes(of: UInt32(field).littleEndian) { data.append(contentsOf: $0) }
        }
        data.append(contentsOf: levelCodes)
        data.append(contentsOf: pitchCodes)
        return data
    }

    /// Reads the form `encoded()` writes; nil when the bytes are not such an envelope.
    public init?(encoded data: Data) {
        guard data.count >= Self.headerCount, data.prefix(Self.magic.count).elementsEqual(Self.magic) else {
            return nil
        }
        let start = data.startIndex
        func field(_ index: Int) -> Int {
            let offset = start + Self.magic.count + index * 4
            return (0..<4).reduce(0) { $0 | Int(data[offset + $1]) << (8 * $1) }
        }
        let (sampleRate, windowFrameCount, channelCount, count) = (field(0), field(1), field(2), field(3))
        guard channelCount > 0, sampleRate > 0, windowFrameCount > 0, count % channelCount == 0,
            data.count == Self.headerCount + count + count / channelCount
        else { return nil }
        let levels = start + Self.headerCount
        self.init(
            sampleRate: sampleRate, windowFrameCount: windowFrameCount, channelCount: channelCount,
            levelCodes: [UInt8](data[levels..<(levels + count)]), pitchCodes: [UInt8](data[(levels + count)...]))
    }
}
