/// Turns the raw bytes a terminal sends in raw mode into `Key`s, incrementally: a UTF-8 character or an escape
/// sequence split across two reads is held back until the rest arrives.
///
/// A lone ESC is ambiguous: it is the Escape key, or the first byte of an arrow key whose rest is still on its way.
/// The decoder keeps it pending; the caller waits a few milliseconds for more input and, if none comes, calls
/// `flushPendingEscape()`.
struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    // No real key sends an escape sequence this long; a longer one is garbage and must not grow the buffer forever.
    private static let longestSequence = 32
    private static let escapeByte: UInt8 = 0x1B

    init() {}

    /// Whether an ESC (possibly with the start of a sequence) is waiting for more bytes.
    var hasPendingEscape: Bool { pending.first == Self.escapeByte }

    /// Decodes `bytes` together with whatever was left pending by the previous call.
    mutating func feed(_ bytes: [UInt8]) -> [Key] {
        pending.append(contentsOf: bytes)
        return decodePending()
    }

    /// Gives up waiting for the rest of a pending escape sequence: the ESC is the Escape key, and the bytes after it
    /// are ordinary keys (Escape then `[` typed quickly, say).
    mutating func flushPendingEscape() -> [Key] {
        guard hasPendingEscape else { return [] }
        pending.removeFirst()
        return [.escape] + decodePending()
    }

    private mutating func decodePending() -> [Key] {
        var keys: [Key] = []
        var index = 0
        while index < pending.count {
            guard let (key, length) = Self.decodeOne(pending[index...]) else { break }
            keys.append(key)
            index += length
        }
        pending.removeFirst(index)
        return keys
    }

    /// The key at the start of `bytes` and how many bytes it used, or nil when `bytes` is the incomplete start of one.
    private static func decodeOne(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        guard let first = bytes.first else { return nil }
        switch first {
        case escapeByte:
            return decodeEscape(bytes)
        case 0x0D:
            // Pasted Windows text ends its lines in CR LF: one line break, one Enter.
            let followedByLineFeed = bytes.dropFirst().first == 0x0A
            return (.enter, followedByLineFeed ? 2 : 1)
        case 0x0A:
            return (.enter, 1)
        case 0x09:
            return (.tab, 1)
        case 0x7F, 0x08:
            return (.backspace, 1)
        case 0x01...0x1A:
            return (.control(Character(Unicode.Scalar(first - 1 + UInt8(ascii: "a")))), 1)
        case 0x00, 0x1C...0x1F:
            return (.unknown([first]), 1)
        case 0x20...0x7E:
            return (.character(Character(Unicode.Scalar(first))), 1)
        default:
            return decodeUTF8(bytes)
        }
    }

    private static func decodeEscape(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        let start = bytes.startIndex
        guard bytes.count > 1 else { return nil }
        switch bytes[start + 1] {
        case UInt8(ascii: "["):
            return decodeControlSequence(bytes)
        case UInt8(ascii: "O"):
            guard bytes.count > 2 else { return nil }
            let final = bytes[start + 2]
            return (cursorKey(final: final) ?? .unknown(Array(bytes.prefix(3))), 3)
        default:
            // Alt-x, or Escape pressed twice: the Escape key now; the next byte decodes on its own.
            return (.escape, 1)
        }
    }

    /// `ESC [ parameters intermediates final`, as ECMA-48 defines a control sequence.
    private static func decodeControlSequence(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        let start = bytes.startIndex
        var index = start + 2
        // The Linux console sends F1–F5 as `ESC [ [ A`…`ESC [ [ E`, one byte longer than the grammar allows.
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "[") {
            guard index + 1 < bytes.endIndex else { return nil }
            return (.unknown(Array(bytes[start...(index + 1)])), index + 2 - start)
        }
        while index < bytes.endIndex, (0x20...0x3F).contains(bytes[index]) {
            index += 1
            if index - start >= longestSequence { return (.unknown(Array(bytes[start..<index])), index - start) }
        }
        guard index < bytes.endIndex else { return nil }
        let final = bytes[index]
        guard (0x40...0x7E).contains(final) else {
            // A byte that cannot be part of the sequence: what came before it is garbage, the byte itself is not.
            return (.unknown(Array(bytes[start..<index])), index - start)
        }
        let length = index + 1 - start
        let sequence = Array(bytes[start..<(index + 1)])
        let parameters = String(decoding: bytes[(start + 2)..<index], as: UTF8.self)
        return (controlSequenceKey(parameters: parameters, final: final) ?? .unknown(sequence), length)
    }

    private static func controlSequenceKey(parameters: String, final: UInt8) -> Key? {
        if final == UInt8(ascii: "Z") { return .backTab }
        if final == UInt8(ascii: "~") {
            // `ESC [ 5 ; 5 ~` is Ctrl-PageUp: the modifier after the semicolon is ignored.
            let number = parameters.split(separator: ";", omittingEmptySubsequences: false).first.flatMap { Int($0) }
            switch number {
            case 1, 7: return .home
            case 4, 8: return .end
            case 3: return .delete
            case 5: return .pageUp
            case 6: return .pageDown
            default: return nil
            }
        }
        // `ESC [ 1 ; 5 A` is Ctrl-Up: reviewed as a plain Up.
        return cursorKey(final: final)
    }

    private static func cursorKey(final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        default: return nil
        }
    }

    private static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        let start = bytes.startIndex
        let expectedLength: Int
        switch bytes[start] {
        case 0xC2...0xDF: expectedLength = 2
        case 0xE0...0xEF: expectedLength = 3
        case 0xF0...0xF4: expectedLength = 4
        default: return (.unknown([bytes[start]]), 1)
        }
        let available = bytes.prefix(expectedLength)
        // A byte that is not a continuation byte ends the character early: the lead byte alone is invalid.
        if let broken = available.dropFirst().firstIndex(where: { $0 & 0xC0 != 0x80 }) {
            return (.unknown(Array(bytes[start..<broken])), broken - start)
        }
        guard available.count == expectedLength else { return nil }
        guard let text = String(validating: available, as: UTF8.self), let scalar = text.unicodeScalars.first else {
            return (.unknown(Array(available)), expectedLength)
        }
        // C1 controls (U+0080–U+009F) are not printable.
        guard scalar.value >= 0xA0 else { return (.unknown(Array(available)), expectedLength) }
        return (.character(Character(scalar)), expectedLength)
    }
}
