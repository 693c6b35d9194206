/// Why the library could not do what was asked. Each case names its subject in words a user knows.
public enum LibraryError: Error, Equatable, Sendable, CustomStringConvertible {
    case notALibrary(path: String)
    case newerSchema(path: String)
    case cannotCreate(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    case readOnly(path: String)
    case duplicateRecording(path: String, existing: String)
    case unknownInterview(reference: String)
    case damaged(path: String, detail: String)
    /// Something stored in the library cannot be read back: the file is sound, but a row is not what this
    /// Tapescript wrote.
    case unreadable(path: String, part: UnreadablePart)
    case databaseFailure(reason: String)
    case invalidEdit(EditError)
    case invalidSlug(String)
    case slugTaken(String)
    case emptyTitle
    case backupExists(path: String)
    /// The audio at `path` is an interview's whose recording is no longer at `formerPath`: it was moved.
    case movedRecording(path: String, existing: String, formerPath: String)
    /// `path` does not hold the audio the interview was imported from.
    case differentAudio(path: String, interview: String)

    public var description: String {
        switch self {
        case .notALibrary(let path):
            return "'\(path)' is not a Tapescript library (it is not an SQLite database); "
                + "name another file with --library"
        case .newerSchema(let path):
            return "library '\(path)' was written by a newer Tapescript; upgrade Tapescript to use it"
        case .cannotCreate(let path, let reason):
            return "cannot create the library at '\(path)': \(reason); name a writable place with --library"
        case .cannotOpen(let path, let reason):
            return "cannot open the library '\(path)': \(reason)"
        case .readOnly(let path):
            return "the library '\(path)' cannot be written (read-only file or folder)"
        case .duplicateRecording(let path, let existing):
            return "'\(path)' holds the same audio as interview '\(existing)', which is already in the library"
        case .unknownInterview(let reference):
            return "no interview '\(reference)' in the library; 'tapescript list' shows the interviews there are"
        case .damaged(let path, let detail):
            return "the library '\(path)' is damaged: \(detail)"
        case .unreadable(let path, let part):
            return "the library '\(path)' is damaged: \(part)"
        case .databaseFailure(let reason):
            return "the library could not be updated: \(reason)"
        case .invalidEdit(let error):
            return error.description
        case .invalidSlug(let slug):
            return "'\(slug)' cannot be a slug: use lowercase letters, digits and single hyphens (at most "
                + "\(Slug.maximumLength), not only digits), e.g. jane-doe-2026"
        case .slugTaken(let slug):
            return "another interview is already called '\(slug)'; choose another slug"
        case .backupExists(let path):
            return "'\(path)' already exists; a backup never writes over a file, so name a new one"
        case .movedRecording(let path, let existing, let former):
            return "'\(path)' holds the audio of interview '\(existing)', whose recording is no longer at "
                + "'\(former)'; to point the interview here: tapescript relink \(existing) '\(path)'"
        case .differentAudio(let path, let interview):
            return "'\(path)' is not the recording of interview '\(interview)' (its audio differs); "
                + "name the file it was imported from, wherever it is now"
        case .emptyTitle:
            return "the title is empty; give the interview a title with some words in it"
        }
    }
}
