import Foundation
import TapescriptFiles
import TapescriptLibrary
import TapescriptText

/// Edits segment texts in the user's own editor, as git does: `$VISUAL`, else `$EDITOR`, else `vi`, run through
/// the shell on a temporary file with one paragraph per segment.
struct ExternalEditor {
    let environment: [String: String]

    enum Outcome: Equatable {
        case success([String])
        case failure(String)
    }

    var command: String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], !value.trimmingCharacters(in: .whitespaces).isEmpty { return value }
        }
        return "vi"
    }

    /// Runs the editor on the texts of `segments` and returns the edited texts, one per segment. When the file
    /// comes back with a different number of paragraphs, nothing is applied and the file is kept, so no word
    /// typed is lost.
    func edit(segments: [ReviewSegment]) -> Outcome {
        // The interview's words: a folder and a file only the owner can read.
        let folder: URL
        do {
            folder = URL(fileURLWithPath: try PrivateFile.makeScratchFolder(prefix: "tapescript-edit"))
        } catch {
            return .failure("cannot make a folder for the editor: \(error)")
        }
        let file = folder.appendingPathComponent("segments.txt")
        do {
            try PrivateFile.write(Data(Self.document(for: segments).utf8), to: file.path)
        } catch {
            return .failure("cannot write the file for the editor in \(folder.path)")
        }
        let status: Int32
        do {
            status = try ForegroundProcess.shell(command + " \"$1\"", arguments: [file.path], environment: environment)
                .wait()
        } catch {
            return .failure("cannot start the editor '\(command)'")
        }
        guard status == 0 else {
            return .failure("the editor '\(command)' exited with status \(status); nothing changed")
        }
        guard let edited = try? String(contentsOf: file, encoding: .utf8) else {
            return .failure("the edited file \(file.path) cannot be read as UTF-8; it is kept there")
        }
        // An editor can save anything; what drives a terminal never reaches the library.
        let paragraphs = Self.paragraphs(in: edited).map { ControlCharacters.stripped($0).text }
        guard paragraphs.count == segments.count else {
            return .failure(
                "expected \(segments.count) paragraph\(segments.count == 1 ? "" : "s") (one per segment, blank lines "
                    + "between), found \(paragraphs.count): nothing applied; your text is kept in \(file.path)")
        }
        try? FileManager.default.removeItem(at: folder)
        return .success(paragraphs)
    }

    static let commentPrefix = "#"

    /// One paragraph per segment, after a comment that says how the file is read.
    static func document(for segments: [ReviewSegment]) -> String {
        var text =
            "# One paragraph per segment (\(segments.count)), separated by blank lines. Lines starting "
            + "with # are ignored.\n"
        for segment in segments {
            text += "\n# segment \(segment.index)\n" + (segment.text ?? "") + "\n"
        }
        return text
    }

    /// The paragraphs of an edited document: comment lines dropped, blank lines separate, lines joined by spaces
    /// within a paragraph. A segment whose paragraph was left empty keeps an empty paragraph: its `# segment`
    /// comment marks where it is.
    static func paragraphs(in document: String) -> [String] {
        var paragraphs: [String] = []
        var current: [String] = []
        var open = false
        func close() {
            if open { paragraphs.append(current.joined(separator: " ")) }
            current = []
            open = false
        }
        for rawLine in document.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("# segment ") {
                close()
                open = true
            } else if line.hasPrefix(commentPrefix) {
                continue
            } else if line.isEmpty {
                if !current.isEmpty { close() }
            } else {
                if !open { open = true }
                current.append(line)
            }
        }
        close()
        return paragraphs
    }
}
