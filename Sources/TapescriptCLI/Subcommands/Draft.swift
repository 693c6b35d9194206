import ArgumentParser
import Foundation
import TapescriptDrafts
import TapescriptLibrary

extension Tapescript {
    struct Draft: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case txt, md, docx, eml
        }

        static let configuration = CommandConfiguration(
            abstract: "Write the draft of the highlights for the interviewee to edit: text, Markdown, .docx or e-mail.",
            discussion: """
                Each draft gets the next version number and its exact text is kept: it is what the reply is \
                compared with. --format eml makes a complete message (text/plain; format=flowed, with the .docx \
                attached) to open in a mail client or pipe to 'sendmail -t'.
                """)

        @OptionGroup var options: InterviewOptions

        @Option(help: "txt (default), md, docx or eml.")
        var format: Format = .txt

        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.", completion: .file())
        var output: String?

        @Option(help: "The interviewee's e-mail address (needed for eml; kept with the draft).")
        var to: String?

        @Option(help: "The sender's address for eml.")
        var from: String?

        func validate() throws {
            if format == .eml, to == nil { throw ValidationError("--format eml needs --to ADDRESS") }
        }

        func run() throws {
            if (format == .docx), output == nil || output == "-", isatty(STDOUT_FILENO) == 1 {
                throw DraftError.binaryToTerminal(format: format.rawValue)
            }
            let library = try options.library()
            let snapshot = try library.reviewSnapshot(of: options.reference)
            let now = Date()
            let built = try DraftBuilder.draft(of: snapshot, version: 0, date: now)
            var document = built.document
            let sent = built.sent
            // The version number is taken in the same transaction that stores the text.
            let record = try library.recordDraft(options.reference, recipient: to, paragraphs: sent, now: now) {
                version in
                document.version = version
                return DraftRenderer.plainText(document)
            }
            try write(document, text: record.text, now: now)
            FileHandle.standardError.write(
                Data("draft \(record.version) of '\(snapshot.interview.slug)': \(sent.count) paragraphs\n".utf8))
        }

        private func write(_ document: DraftDocument, text: String, now: Date) throws {
            switch format {
            case .txt, .md:
                try OutputFile.write(text, to: output)
            case .docx:
                try OutputFile.write(try DraftBuilder.docx(document), to: output)
            case .eml:
                let message = MailComposer.compose(
                    to: to ?? "", from: from,
                    subject: "Draft \(document.version) of “\(document.title)” for your review",
                    text: text,
                    attachment: (
                        filename: "\(document.slug)-draft-\(document.version).docx",
                        contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        data: try DraftBuilder.docx(document)
                    ), date: now, messageID: "<\(UUID().uuidString)@tapescript>")
                try OutputFile.write(message, to: output)
            }
        }
    }
}
