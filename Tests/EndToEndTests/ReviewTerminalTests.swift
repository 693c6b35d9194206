import Foundation
import Testing

/// Review behaves as a terminal program should (Ctrl-C's exit 130 is in ReviewTmuxTests): Ctrl-Z suspends to
/// the shell and `fg` brings the screen back, `?` scrolls at 80×24, and a path the status line cuts is printed
/// whole after quitting.
@Suite(.serialized) struct ReviewTerminalTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func ctrlZGivesTheShellBackAndFgTheScreen() async throws {
        let id = String(try await workspace.importRecording(CLI.sample("call-stereo.wav")).id)
        let session = try TmuxSession.start(review: [id], in: workspace, width: 100, height: 24, interactiveShell: true)
        defer { session.kill() }
        try await session.waitFor("press ? for keys")
        try session.send("j")

        try session.send("C-z")
        let suspended = try await session.waitFor("Stopped")
        #expect(try session.pane("#{alternate_on}") == "0", "the shell's own screen: \(suspended)")
        try session.type("fg")
        try session.send("Enter")
        let resumed = try await session.waitFor("2/4")

        #expect(try session.pane("#{alternate_on}") == "1", "\(resumed)")
        try session.send("q")
        try session.type("echo \"EXIT=$?\"")
        try session.send("Enter")
        #expect(try await session.waitForExit() == "EXIT=0")
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func theKeysScrollAt80By24() async throws {
        let (session, _) = try await workspace.openReviewOnCall(width: 80, height: 24)
        defer { session.kill() }

        try session.send("?")
        let first = try await session.waitFor("scroll (lines 1–23")
        try session.send("PageDown")
        try session.send("PageDown")
        let last = try await session.waitFor("Ctrl-Z")

        #expect(first.contains("Moving") && !first.contains("Ctrl-Z"), "\(first)")
        #expect(last.contains("suspend to the shell"), "\(last)")
        try session.send("Escape")
        try await session.waitFor("press ? for keys")
        try session.send("q")
        #expect(try await session.waitForExit() == "EXIT=0 TTY=restored")
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func aPathTheStatusLineCutsIsPrintedWholeAfterQuitting() async throws {
        // An editor that loses the paragraphs: review keeps the text in a file and says where.
        let editor = workspace.file("editor")
        try Data("#!/bin/sh\n: > \"$1\"\n".utf8).write(to: URL(fileURLWithPath: editor))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor)
        let (session, _) = try await workspace.openReviewOnCall(environment: ["EDITOR": editor], width: 80)
        defer { session.kill() }

        try session.send("e")
        try await session.waitFor("expected 1 paragraph")
        try session.send("q")
        _ = try await session.waitForExit()

        let screen = try session.screen(joiningWrappedLines: true)
        let note = screen.split(separator: "\n").first { $0.hasPrefix("note: ") } ?? ""
        let kept = workspace.file("tmp")
        #expect(note.contains("your text is kept in \(kept)"), "\(screen)")
        #expect(note.hasSuffix("segments.txt"), "\(screen)")
    }
}
