import Foundation
import Testing

/// `publish` for the web: a page that reads well in a real browser, a fragment for a blog's editor, and front
/// matter for static site generators.
@Suite struct PublishForTheWebTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    /// Debian's `chromium` (or another Chromium on the PATH); the browser test is skipped without one.
    static let browser: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    private func publish(_ arguments: String...) async throws -> String {
        let result = try await workspace.run(["publish", "1"] + arguments)
        #expect(result.exitCode == 0, "\(result)")
        return result.stdout
    }

    @Test func thePageHasAViewportAndAStylesheetAndTheFragmentIsJustTheArticle() async throws {
        try await RoundTrip.setUp(workspace)

        let page = try await publish("--format", "html")
        let fragment = try await publish("--format", "html", "--fragment")

        #expect(page.contains(#"<meta name="viewport" content="width=device-width, initial-scale=1">"#), "\(page)")
        #expect(page.contains("<style>") && page.contains("max-width: 38rem"), "\(page)")
        #expect(fragment.hasPrefix(#"<article class="tapescript-interview">"#), "\(fragment)")
        #expect(fragment.hasSuffix("</article>\n"), "\(fragment)")
        #expect(!fragment.contains("<style") && !fragment.contains("<html") && !fragment.contains("<body"))
        #expect(page.contains(fragment), "the page holds the same article")
    }

    @Test func frontMatterNamesTheTitleDateAndGuestQuoted() async throws {
        try await RoundTrip.setUp(workspace)
        try await RoundTrip.succeed(workspace, "retitle", "1", #"Jane: "on mentors" --- part 1"#)

        let markdown = try await publish("--format", "md", "--front-matter")

        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "---", "\(markdown)")
        let end = try #require(lines.dropFirst().firstIndex(of: "---"), "\(markdown)")
        let matter = Array(lines[1..<end])
        #expect(matter.contains(#"title: "Jane: \"on mentors\" --- part 1""#), "\(matter)")
        #expect(matter.contains(#"guest: "Jane""#) && matter.contains(#"interviewer: "Andy""#), "\(matter)")
        #expect(matter.contains { $0.wholeMatch(of: /date: \d{4}-\d{2}-\d{2}/) != nil }, "\(matter)")
        #expect(matter.contains("approved: false"), "\(matter)")
        #expect(lines[end + 1] == "" && lines[end + 2].hasPrefix("# "), "\(markdown)")
    }

    @Test func wrappingOptionsBelongToTheirFormat() async throws {
        try await RoundTrip.setUp(workspace)

        let fragment = try await workspace.run("publish", "1", "--format", "md", "--fragment")
        let matter = try await workspace.run("publish", "1", "--format", "html", "--front-matter")

        #expect(fragment.exitCode == 64 && fragment.errorLines == ["Error: --fragment is for --format html"])
        #expect(matter.exitCode == 64 && matter.errorLines == ["Error: --front-matter is for --format md"])
    }

    /// The page laid out by a real browser: a readable measure on a desktop, and on a narrow window no line
    /// (not even a long address) wider than the window.
    @Test(.enabled(if: browser != nil, "needs Chromium (Debian: apt-get install chromium)"))
    func aRealBrowserLaysThePageOutReadably() async throws {
        try await RoundTrip.setUp(workspace)
        let address = "https://example.org/" + String(repeating: "averylongaddress", count: 8)
        try await RoundTrip.succeed(workspace, "text", "1", "2", "See \(address) for the whole story.")
        let page = try await publish("--format", "html")
        // The page measures itself once laid out; the browser prints the DOM with the figures in it.
        let probe = """
            <script>
            const article = document.querySelector("article"), answer = document.querySelectorAll("article p")[2];
            document.body.dataset.layout = [article.getBoundingClientRect().width, parseFloat(getComputedStyle(answer)
              .fontSize), innerWidth, document.documentElement.scrollWidth].map(Math.round).join(" ");
            </script>
            """
        let probed = workspace.file("probe.html")
        try page.replacingOccurrences(of: "</body>", with: probe + "</body>")
            .write(toFile: probed, atomically: true, encoding: .utf8)

        for (width, widest) in [(1280, 640), (500, 500)] {
            let browser = try #require(Self.browser)
            let result = try await CLI.run(
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(workspace.file("chromium"))",
                    "--window-size=\(width),900", "--dump-dom", URL(fileURLWithPath: probed).absoluteString,
                ], in: workspace.path, executable: browser)
            #expect(result.exitCode == 0, "\(result)")
            let layout = try #require(
                result.stdout.firstMatch(of: /data-layout="(\d+) (\d+) (\d+) (\d+)"/), "\(result)")
            let (articleWidth, fontSize, viewport, scrollWidth) =
                (Int(layout.1) ?? 0, Int(layout.2) ?? 0, Int(layout.3) ?? 0, Int(layout.4) ?? 0)
            #expect(viewport == width, "\(layout.0)")
            #expect(articleWidth <= widest && articleWidth >= widest / 2, "a measure that reads: \(layout.0)")
            #expect(fontSize >= 16, "\(layout.0)")
            #expect(scrollWidth <= viewport, "nothing wider than the window: \(layout.0)")
        }
    }
}
