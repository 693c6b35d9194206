import ArgumentParser
import TapescriptApplication
import TapescriptLibrary

extension Tapescript {
    struct Speakers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Name the speakers of a call recording, or show their names.",
            discussion: "Example: tapescript speakers jane A=Andy B=Jane")

        @OptionGroup var options: InterviewOptions

        @Argument(help: "Names as LETTER=Name, e.g. A=Andy B=Jane. None: show the names.")
        var names: [String] = []

        func validate() throws {
            for name in names where !name.contains("=") {
                throw ValidationError("write names as LETTER=Name, e.g. A=Andy, not '\(name)'")
            }
        }

        func run() throws {
            let library = try options.library()
            guard !names.isEmpty else {
                let snapshot = try library.reviewSnapshot(of: options.reference)
                for channel in 0..<snapshot.recording.channelCount where snapshot.recording.channelCount > 1 {
                    Output.line(
                        "\(ReviewSnapshot.letter(channel: channel))  \(snapshot.speakerNames[channel] ?? "(unnamed)")")
                }
                if snapshot.recording.channelCount == 1 { Output.line("mono recording: no speakers") }
                return
            }
            let pairs = names.map { entry -> (speaker: String, name: String) in
                let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (String(parts[0]), EnteredText.cleaned(parts.count > 1 ? String(parts[1]) : "", as: "the name"))
            }
            Output.line(TerminalText(EditWording.sentence(for: try library.nameSpeakers(options.reference, pairs))))
        }
    }
}
