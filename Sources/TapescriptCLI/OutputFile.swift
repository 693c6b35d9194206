import Foundation

/// Writes command output to a file (atomically, so a failure leaves no half file) or to standard output.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws(CLIError) {
        try write(Data(text.utf8), to: path)
    }

    static func write(_ data: Data, to path: String?) throws(CLIError) {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .cannotWrite(path: path)
        }
    }
}
