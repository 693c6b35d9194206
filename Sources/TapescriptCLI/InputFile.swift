import Foundation

/// Reads what a command was given: a file (a pipe, `/dev/stdin` or `<(…)` too), or standard input for `-`.
enum InputFile {
    /// More than any reply or text a person sends; past it the input is refused rather than held in memory.
    static let maximumByteCount = 64 << 20

    /// - Throws: `CLIError.cannotRead` when the file is missing, unreadable or larger than the limit.
    static func read(_ path: String) throws(CLIError) -> Data {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .cannotRead(path: path, reason: "no such file")
            }
            guard !isDirectory.boolValue, let opened = FileHandle(forReadingAtPath: path) else {
                throw .cannotRead(path: path, reason: isDirectory.boolValue ? "it is a folder" : "it cannot be read")
            }
            handle = opened
        }
        var data = Data()
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw .cannotRead(path: path, reason: "it cannot be read")
            }
            if chunk.isEmpty { return data }
            data.append(chunk)
            if data.count > maximumByteCount {
                throw .cannotRead(path: path, reason: "it is larger than \(maximumByteCount >> 20) MB")
            }
        }
    }

    /// The file's text, which must be UTF-8 (a byte-order mark is dropped).
    /// - Throws: `CLIError.cannotRead`, or `.notUTF8` with the offset of the first byte that is not.
    static func text(_ path: String) throws(CLIError) -> String {
        try utf8(read(path), from: path)
    }

    /// `data` as UTF-8, refused with the offset of the first invalid byte.
    static func utf8(_ data: Data, from path: String) throws(CLIError) -> String {
        if let text = String(validating: data, as: UTF8.self) {
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        var offset = 0
        var iterator = data.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: break decoding
            case .error: break decoding
            }
        }
        throw .notUTF8(path: path, byteOffset: offset)
    }
}
