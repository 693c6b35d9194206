import Foundation
import Testing

/// Interviews are private: what Tapescript creates is readable by its owner alone, under the usual umask 022, and
/// a file the user already has keeps its mode.
@Suite struct PrivacyTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    /// Runs `tapescript arguments…` under umask 022, whatever this test process's umask is.
    private func runUnderUsualUmask(_ arguments: [String]) async throws -> CLIResult {
        let binary = try #require(CLI.binary)
        let result = try await CLI.run(
            ["-c", "umask 022; exec \"$0\" \"$@\"", binary] + arguments, in: workspace.path,
            environment: ["TAPESCRIPT_LIBRARY": workspace.library], executable: "/bin/sh")
        #expect(result.exitCode == 0, "\(result)")
        return result
    }

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    @Test func theLibraryItsFolderAndItsLogAreTheOwnersAlone() async throws {
        try await runUnderUsualUmask(["import", CLI.sample("call-stereo.wav")])
        try await runUnderUsualUmask(["mark", "1", "1-2"])

        let folder = (workspace.library as NSString).deletingLastPathComponent
        #expect(try mode(folder) == 0o700)
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
            #expect(try mode(folder + "/" + file) == 0o600, "\(file)")
        }
    }

    @Test func draftsAndPublicationsAreTheOwnersAloneAndLeaveNothingBeside() async throws {
        try await runUnderUsualUmask(["import", CLI.sample("call-stereo.wav")])
        try await runUnderUsualUmask(["mark", "1", "1-2"])
        let outputs = workspace.file("out")
        try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)

        try await runUnderUsualUmask(["draft", "1", "-o", outputs + "/draft.txt"])
        try await runUnderUsualUmask(["draft", "1", "--format", "docx", "-o", outputs + "/draft.docx"])
        try await runUnderUsualUmask(["publish", "1", "--format", "html", "-o", outputs + "/page.html"])

        for name in ["draft.txt", "draft.docx", "page.html"] {
            #expect(try mode(outputs + "/" + name) == 0o600, "\(name)")
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: outputs).sorted() == [
                "draft.docx", "draft.txt", "page.html",
            ])
    }

    @Test func rewritingAFileKeepsTheModeItHad() async throws {
        try await runUnderUsualUmask(["import", CLI.sample("call-stereo.wav")])
        try await runUnderUsualUmask(["mark", "1", "1-2"])
        let private_ = workspace.file("private.txt")
        let shared = workspace.file("shared.txt")
        for (path, mode) in [(private_, 0o600), (shared, 0o640)] {
            FileManager.default.createFile(atPath: path, contents: Data("old".utf8))
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        }

        try await runUnderUsualUmask(["draft", "1", "-o", private_])
        try await runUnderUsualUmask(["publish", "1", "-o", shared])

        #expect(try mode(private_) == 0o600)
        #expect(try mode(shared) == 0o640)
        #expect(try String(contentsOfFile: private_, encoding: .utf8).contains("[tapescript"))
    }
}
