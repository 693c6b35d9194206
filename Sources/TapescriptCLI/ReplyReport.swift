import Foundation
import TapescriptApplication
import TapescriptDrafts

/// Shows a reply plan to a person: the author's changes to the questions apart from those to the answers, each
/// as a word diff (coloured on a terminal), then conflicts, comments, and paragraphs added or removed.
struct ReplyReport {
    let plan: ReplyPlan
    let terminal: Terminal

    func print() {
        let questions = plan.changes.filter(\.question)
        let answers = plan.changes.filter { !$0.question }
        Swift.print(
            terminal.bold("Reply to draft \(plan.draft) of '\(plan.interview)'")
                + terminal.dim(
                    "  \(plan.changes.count) changed, \(plan.conflicts.count) in conflict, \(plan.comments.count) comments"
                ))
        section("Changes to your questions", questions)
        section("Changes to the answers", answers)
        if !plan.conflicts.isEmpty {
            Swift.print(terminal.bold("\nChanged both here and by the author (conflicts)"))
            for conflict in plan.conflicts {
                Swift.print("  segment \(conflict.segment) [\(conflict.anchor)]")
                Swift.print("    mine:   \(conflict.mine)")
                Swift.print("    author: \(conflict.author)")
            }
        }
        list("Comments from the author", plan.comments)
        list("Paragraphs the author added (not applied)", plan.addedByAuthor)
        list("Paragraphs the author removed (not applied; unmark them to leave them out)", plan.deletedByAuthor)
        if plan.changes.isEmpty, plan.conflicts.isEmpty { Swift.print("\nNo changes to the text.") }
    }

    private func section(_ title: String, _ changes: [ReplyPlan.Change]) {
        guard !changes.isEmpty else { return }
        Swift.print(terminal.bold("\n\(title)"))
        for change in changes {
            let who = change.speaker.map { " \($0)" } ?? ""
            Swift.print(terminal.dim("  segment \(change.segment) [\(change.anchor)]\(who)"))
            Swift.print("    " + WordDiff.render(change.pieces, colour: terminal.usesColour))
        }
    }

    private func list(_ title: String, _ items: [String]) {
        guard !items.isEmpty else { return }
        Swift.print(terminal.bold("\n\(title)"))
        for item in items { Swift.print("  " + item) }
    }
}
