import Foundation
import TapescriptApplication
import TapescriptFiles

/// Asks, conflict by conflict, whose words a segment keeps: the author's, the interviewer's, or words merged by
/// hand in `$VISUAL`/`$EDITOR` (the author's version to start from, the interviewer's below it as comments).
struct ConflictPrompt {
    var environment = ProcessInfo.processInfo.environment

    /// `choices` with a decision for each of `conflicts`.
    /// - Throws: `DraftError.conflicts` when the person stops answering (end of input): nothing is applied.
    func decide(_ conflicts: [ReplyPlan.Conflict], adding choices: ConflictChoices) throws -> ConflictChoices {
        var choices = choices
        let diagnostics = Diagnostics()
        for (offset, conflict) in conflicts.enumerated() {
            diagnostics.line(
                "\nConflict \(offset + 1) of \(conflicts.count): segment \(conflict.segment) [\(conflict.anchor)]")
            diagnostics.line("  sent:   \(conflict.sent)")
            diagnostics.line("  mine:   \(conflict.mine)")
            diagnostics.line("  author: \(conflict.author)")
            decision: while true {
                switch diagnostics.answer("Take the [a]uthor's words, keep [m]ine, or [e]dit them together? ") {
                case "a": choices.bySegment[conflict.segment] = .take(.author)
                case "m": choices.bySegment[conflict.segment] = .take(.mine)
                case "e":
                    guard let merged = edit(conflict) else { continue decision }
                    choices.bySegment[conflict.segment] = .merged(merged)
                case nil: throw DraftError.conflicts(count: conflicts.count - offset)
                default: continue decision
                }
                break decision
            }
        }
        return choices
    }

    /// The words after editing, or nil (with a line saying why) when the editor failed or left nothing.
    private func edit(_ conflict: ReplyPlan.Conflict) -> String? {
        let diagnostics = Diagnostics()
        let editor = ["VISUAL", "EDITOR"].compactMap { environment[$0] }.first { !$0.isEmpty } ?? "vi"
        do {
            let folder = try PrivateFile.makeScratchFolder(prefix: "tapescript-merge")
            let file = folder + "/segment-\(conflict.segment).txt"
            defer {
                unlink(file)
                rmdir(folder)
            }
            let document =
                conflict.author + "\n\n# Lines starting with # are left out. Your version:\n# "
                + conflict.mine.replacingOccurrences(of: "\n", with: "\n# ") + "\n"
            try PrivateFile.write(Data(document.utf8), to: file)
            let status = try ForegroundProcess.shell(
                editor + " \"$1\"", arguments: [file], environment: ProcessInfo.processInfo.environment
            ).wait()
            guard status == 0 else {
                diagnostics.line("the editor '\(editor)' exited with status \(status); choose again")
                return nil
            }
            let text = try InputFile.text(file).split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("#") }.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else {
                diagnostics.line("the merged text is empty; choose again")
                return nil
            }
            let merged: String = EnteredText.cleaned(text, as: "the merged text")
            return merged
        } catch {
            diagnostics.line("cannot edit the merged text: \(error); choose again")
            return nil
        }
    }
}
