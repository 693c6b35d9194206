import ArgumentParser
import Foundation
import TapescriptLibrary
import TapescriptReview

extension Tapescript {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Review an interview in a full-screen terminal UI: listen, mark highlights, write the text.",
            discussion: """
                Press ? inside for every key. Playback goes through an external player found on the PATH \
                (aplay, paplay, pacat, play, ffplay, afplay) or the command in $TAPESCRIPT_PLAYER; without one \
                the UI still works. Every change is saved at once. Needs a terminal; scripts use mark, unmark, \
                text, speakers, split, merge and undo.
                """)

        @OptionGroup var options: InterviewOptions

        @Option(
            help: ArgumentHelp(
                "How far before the playback position '.' drops a marker (seconds).", valueName: "seconds"))
        var reactionDelay: Double = 0.5

        func validate() throws {
            if !(0...5).contains(reactionDelay) { throw ValidationError("--reaction-delay must be between 0 and 5") }
        }

        func run() throws {
            guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw CLIError.notATerminal }
            let library = try options.library()
            let environment = ProcessInfo.processInfo.environment
            let session = ReviewSession(
                library: library, reference: options.reference, environment: environment,
                reactionDelaySeconds: reactionDelay)
            let ending = try session.run()
            for message in ending.cutMessages { options.diagnostics.note(TerminalText(message)) }
            // Ended by a signal or Ctrl-C: exit as a process killed by it would (128 + its number), the terminal
            // restored.
            if let signal = ending.signal { throw ExitCode(128 + signal) }
        }
    }
}
