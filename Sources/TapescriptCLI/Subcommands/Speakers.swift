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

        @Flag(help: "Show the speakers as JSON: [{\"speaker\": \"A\", \"channel\": 0, \"name\": …}].")
        var json = false

        struct Listed: Encodable {
            var speaker: String
            var channel: Int
            var name: String?

            // The name is written as null when unset, so that every row has the same keys.
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(speaker, forKey: .speaker)
                try container.encode(channel, forKey: .channel)
                try container.encode(name, forKey: .name)
            }

            enum CodingKeys: String, CodingKey { case speaker, channel, name }
        }

        func validate() throws {
            for name in names where !name.contains("=") {
                throw ValidationError("write names as LETTER=Name, e.g. A=Andy, not '\(name)'")
            }
        }

        func run() throws {
            let library = try options.library()
            if json, !names.isEmpty { throw ValidationError("--json shows the speakers; leave out the names") }
            guard !names.isEmpty else {
                let snapshot = try library.reviewSnapshot(of: options.reference)
                if json {
                    let channels = 0..<snapshot.speakerCount
                    try printJSON(
                        channels.map {
                            Listed(
                                speaker: ReviewSnapshot.letter(channel: $0), channel: $0,
                                name: snapshot.speakerNames[$0])
                        })
                    return
                }
                for channel in 0..<snapshot.speakerCount {
                    Output.line(
                        "\(ReviewSnapshot.letter(channel: channel))  \(snapshot.speakerNames[channel] ?? "(unnamed)")")
                }
                if snapshot.speakerCount == 0 { Output.line("mono recording imported without voiceprint: no speakers") }
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
