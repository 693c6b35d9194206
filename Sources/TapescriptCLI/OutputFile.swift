import Foundation
import TapescriptFiles

/// Writes command output to a file or to standard output. A file is written atomically (a failure or a kill leaves
/// no half file) and made readable by its owner alone, since it holds the interview.
enum OutputFile {
    /// Text for people (a draft, a publication, subtitles), with any control character drawn (`␛`) wherever it
    /// goes: a file is read on a terminal too.
    static func write(_ text: String, to path: String?) throws(CLIError) {
        try write(Data(TerminalText(text).rendered.utf8), to: path)
    }

    static func write(_ data: Data, to path: String?) throws(CLIError) {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try PrivateFile.write(data, to: path)
        } catch {
            throw .cannotWrite(path: path)
        }
    }
}
