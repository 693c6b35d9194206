import Foundation
import TapescriptApplication
import TapescriptDrafts
import TapescriptText

/// Shows a reply plan to a person: the author's changes to the questions apart from those to the answers, each
/// as a word diff (coloured on a terminal), then conflicts, comments, and paragraphs added or removed. Every word
/// in it came from the author's reply, so all of it goes out as `TerminalText`: an escape sequence in a reply is
/// shown, never obeyed, in the diff the user is asked to approve.
struct ReplyReport {
    let plan: ReplyPlan
    let terminal: Terminal

    func show() {
        let questions = plan.changes.filter(\.question)
        let answers = plan.changes.filter { !$0.question }
        Output.line(
            terminal.bold("Reply to draft \(plan.draft) of '\(plan.interview)'")
                + terminal.dim(
                    "  \(plan.changes.count) changed, \(plan.conflicts.count) in conflict, \(counted(plan.comments.count, "comment"))"
                ))
        if plan.source != .file { Output.line(terminal.dim("Read from \(plan.source)")) }
        section("Changes to your questions", questions)
        section("Changes to the answers", answers)
        if !plan.conflicts.isEmpty {
            Output.line(terminal.bold("\nChanged both here and by the author (conflicts)"))
            for conflict in plan.conflicts {
                Output.line("  segment \(conflict.segment) [\(conflict.anchor)]")
                Output.line("    mine:   \(conflict.mine)")
                Output.line("    author: \(conflict.author)")
            }
        }
        list("Comments from the author", plan.comments)
        list("Paragraphs the author added (kept after the paragraph they follow)", plan.addedByAuthor)
        list(
            "Paragraphs the author deleted (left out of drafts and publication; the segments stay)",
            plan.deletedByAuthor)
        list("Words after the last paragraph (not applied)", plan.wordsAfterDraft)
        if plan.removedControlCharacters > 0 {
            let count = plan.removedControlCharacters
            Output.line(
                "\nRemoved \(count) control character\(count == 1 ? "" : "s") (terminal codes, not words) from the "
                    + "author's text; they are not applied")
        }
        if plan.changes.isEmpty, plan.conflicts.isEmpty { Output.line("\nNo changes to the text.") }
    }

    private func section(_ title: TerminalText, _ changes: [ReplyPlan.Change]) {
        guard !changes.isEmpty else { return }
        Output.line(terminal.bold("\n" + title))
        for change in changes {
            let who = change.speaker.map { " \($0)" } ?? ""
            Output.line(terminal.dim("  segment \(change.segment) [\(change.anchor)]\(who)"))
            Output.line("    " + diff(change.pieces))
        }
    }

    /// The word diff in the terminal's red and green, or marked `[-removed-]{+added+}` without colour.
    private func diff(_ pieces: [WordDiff.Piece]) -> TerminalText {
        guard terminal.usesColour else { return TerminalText(WordDiff.render(pieces, colour: false)) }
        var text: TerminalText = ""
        for piece in pieces {
            switch piece {
            case .same(let words): text += TerminalText(words)
            case .removed(let words): text += styledWords(words, terminal.red)
            case .added(let words): text += styledWords(words, terminal.green)
            }
        }
        return text
    }

    /// The words styled, the blanks after them not, as `WordDiff.render` marks them.
    private func styledWords(_ words: String, _ style: (TerminalText) -> TerminalText) -> TerminalText {
        let trimmed = String(words.reversed().drop(while: \.isWhitespace).reversed())
        guard !trimmed.isEmpty else { return TerminalText(words) }
        return style(TerminalText(trimmed)) + TerminalText(String(words.dropFirst(trimmed.count)))
    }

    private func list(_ title: TerminalText, _ items: [String]) {
        guard !items.isEmpty else { return }
        Output.line(terminal.bold("\n" + title))
        for item in items { Output.line("  \(item)") }
    }
}
