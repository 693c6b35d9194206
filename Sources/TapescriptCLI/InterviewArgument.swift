import ArgumentParser
import TapescriptLibrary

/// The interview and library every editing command starts from.
struct InterviewOptions: ParsableArguments {
    @OptionGroup var libraryOptions: LibraryOptions

    @Argument(help: "The interview: its slug or number.", completion: .custom(SlugCompletion.slugs))
    var interview: String

    var reference: InterviewReference { InterviewReference(interview) }

    func report(_ text: TerminalText) { libraryOptions.report(text) }
    var diagnostics: Diagnostics { libraryOptions.diagnostics }

    /// The existing library; naming an interview in a library that does not exist is naming an unknown one.
    func library() throws(LibraryError) -> Library {
        guard let library = try libraryOptions.openForReading() else {
            throw LibraryError.unknownInterview(reference: interview)
        }
        return library
    }
}
