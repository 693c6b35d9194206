import ArgumentParser
import TapescriptApplication
import TapescriptDrafts

extension PublicationFormat: ExpressibleByArgument {}

extension Tapescript {
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish the highlights as a Q&A (md, html, txt) or with their times (srt, vtt, labels, json).",
            discussion: """
                The interviewer (speaker A) asks the questions, set apart in bold; [...] marks where the text \
                skips within a highlight (a segment with no text). The last line says whether the author approved \
                the text: only when every highlighted segment holds the author's words, or the words they were \
                sent and left alone (--no-approval-note leaves it out). The html page carries a small stylesheet \
                of its own and reads on a phone; --fragment gives just the article for a blog's editor.
                """)

        @OptionGroup var options: InterviewOptions
        @OptionGroup var paging: PagingOptions

        @Option(help: "md, html, txt, srt, vtt, labels or json.")
        var format: PublicationFormat = .md

        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.", completion: .file())
        var output: String?

        @Flag(help: "Leave out the last line saying whether the author approved the text.")
        var noApprovalNote = false

        @Flag(help: "html: just the <article>, to paste into a blog's editor, without the page and its stylesheet.")
        var fragment = false

        @Flag(
            help: """
                md: begin with YAML front matter (title, date, guest, interviewer, approved) for static site \
                generators. The date is the day the author approved the text, else today.
                """)
        var frontMatter = false

        func validate() throws {
            if fragment, format != .html { throw ValidationError("--fragment is for --format html") }
            if frontMatter, format != .md { throw ValidationError("--front-matter is for --format md") }
        }

        func run() throws {
            let publication = try Publisher(library: options.library())
                .publication(of: options.reference, approvalNote: !noApprovalNote)
            let rendered = try publication.rendered(
                as: format, options: PublicationOptions(fragment: fragment, frontMatter: frontMatter))
            let pager = output == nil || output == "-" ? paging.start() : nil
            defer { pager?.finish() }
            try OutputFile.write(rendered, to: output)
        }
    }
}
