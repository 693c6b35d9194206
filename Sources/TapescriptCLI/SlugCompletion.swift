import Foundation
import TapescriptLibrary

/// What the shell completes an interview's name to: the slugs in the library the command line names (its
/// `--library`, else the usual place), that begin with what is typed. Nothing when there is no library yet: a
/// completion never creates one.
enum SlugCompletion {
    @Sendable static func slugs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let explicit = words.firstIndex(of: "--library").flatMap { position in
            words.indices.contains(position + 1) ? words[position + 1] : nil
        }
        let path = LibraryLocation.resolve(explicit: explicit, environment: ProcessInfo.processInfo.environment)
        guard let library = try? Library.open(at: path, create: false),
            let summaries = try? library.summaries()
        else { return [] }
        return summaries.map(\.interview.slug).filter { $0.hasPrefix(prefix) }
    }
}
