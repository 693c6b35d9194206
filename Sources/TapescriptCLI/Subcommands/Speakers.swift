import ArgumentParser
import TapescriptApplication
import TapescriptLibrary

extension Tapescript {
    struct Speakers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Name the speakers, choose the interviewer, or show them.",
            discussion: """
                On a call recording each channel is a speaker; on mono, import tells the voices apart (A is \
                whoever talks first). The interviewer's paragraphs are the questions in drafts and publications; \
                until one is chosen, it is whoever speaks first.
                Examples: tapescript speakers jane A=Andy B=Jane
                          tapescript speakers jane --interviewer Andy
                """)

        @OptionGroup var options: InterviewOptions

        @Argument(help: "Names as LETTER=Name, e.g. A=Andy B=Jane. None: show the names.")
        var names: [String] = []

        @Option(help: ArgumentHelp("Make this speaker (letter or name) the interviewer.", valueName: "speaker"))
        var interviewer: String?

        @Flag(
            help:
                "Show the speakers as JSON: [{\"speaker\": \"A\", \"channel\": 0, \"name\": \"Jane\", \"interviewer\": true}]."
        )
        var json = false

        struct Listed: Encodable {
            var speaker: String
            var channel: Int
            var name: String?
            var interviewer: Bool

            // The name is written as null when unset, so that every row has the same keys.
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(speaker, forKey: .speaker)
                try container.encode(channel, forKey: .channel)
                try container.encode(name, forKey: .name)
                try container.encode(interviewer, forKey: .interviewer)
            }

            enum CodingKeys: String, CodingKey { case speaker, channel, name, interviewer }
        }

        func validate() throws {
            for name in names where !name.contains("=") {
                throw ValidationError("write names as LETTER=Name, e.g. A=Andy, not '\(name)'")
            }
        }

        func run() throws {
            let library = try options.library()
            if json, !names.isEmpty || interviewer != nil {
                throw ValidationError("--json shows the speakers; leave out the names and --interviewer")
            }
            guard !names.isEmpty || interviewer != nil else {
                return try show(library.reviewSnapshot(of: options.reference))
            }
            if !names.isEmpty {
                let pairs = names.map { entry -> (speaker: String, name: String) in
                    let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    return (
                        String(parts[0]), EnteredText.cleaned(parts.count > 1 ? String(parts[1]) : "", as: "the name")
                    )
                }
                options.report(
                    TerminalText(EditWording.sentence(for: try library.nameSpeakers(options.reference, pairs))))
            }
            if let interviewer {
                let chosen = EnteredText.cleaned(interviewer, as: "the interviewer")
                options.report(
                    TerminalText(EditWording.sentence(for: try library.chooseInterviewer(options.reference, chosen))))
            }
        }

        private func show(_ snapshot: ReviewSnapshot) throws {
            let channels = 0..<snapshot.speakerCount
            if json {
                return try printJSON(
                    channels.map {
                        Listed(
                            speaker: ReviewSnapshot.letter(channel: $0), channel: $0,
                            name: snapshot.speakerNames[$0], interviewer: $0 == snapshot.interviewer)
                    })
            }
            for channel in channels {
                let role = channel == snapshot.interviewer ? "  (interviewer)" : ""
                Output.line(
                    TerminalText(
                        "\(ReviewSnapshot.letter(channel: channel))  \(snapshot.speakerNames[channel] ?? "(unnamed)")\(role)"
                    ))
            }
            if snapshot.speakerCount == 0 { Output.line("mono recording imported without voiceprint: no speakers") }
        }
    }
}
