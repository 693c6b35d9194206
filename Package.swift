// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Tapescript",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tapescript", targets: ["tapescript"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CSndfile",
            pkgConfig: "sndfile",
            providers: [.apt(["libsndfile1-dev"]), .brew(["libsndfile"])]
        ),
        .systemLibrary(
            name: "CXXHash",
            pkgConfig: "libxxhash",
            providers: [.apt(["libxxhash-dev"]), .brew(["xxhash"])]
        ),
        // The per-sample loops (decimation, the voice-band filter and window energy, pitch correlation), over
        // buffers their callers size and nothing else: no file, no parsing. Their indices are in range by
        // construction, so the release build drops the checks here (docs/performance.md says what that buys).
        // Everything that reads bytes from a file stays in TapescriptAudio, checked.
        .target(
            name: "TapescriptKernels",
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
        .target(name: "TapescriptAudio", dependencies: ["TapescriptKernels", "CSndfile", "CXXHash"]),
        .target(
            name: "TapescriptLibrary",
            dependencies: ["TapescriptAudio", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Drafts for the author: the document, its renderings (text, Markdown, .docx, e-mail), reading the reply
        // back (MIME, quoting, re-wrapping, .docx), alignment, word diff and three-way merge. Pure: no database.
        .target(name: "TapescriptDrafts", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The terminal UI: screen, keys, the review state machine, playback through an external player.
        .target(name: "TapescriptReview", dependencies: ["TapescriptAudio", "TapescriptLibrary"]),
        .target(
            name: "TapescriptCLI",
            dependencies: [
                "TapescriptAudio",
                "TapescriptLibrary",
                "TapescriptReview",
                "TapescriptDrafts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "tapescript", dependencies: ["TapescriptCLI"]),
        // Writes test recordings through libsndfile; used by the test targets only.
        .target(name: "TapescriptTestSupport", dependencies: ["CSndfile"], path: "Tests/Support"),
        .testTarget(name: "TapescriptAudioTests", dependencies: ["TapescriptAudio", "TapescriptTestSupport"]),
        .testTarget(name: "TapescriptLibraryTests", dependencies: ["TapescriptLibrary", "TapescriptTestSupport"]),
        .testTarget(name: "TapescriptCLITests", dependencies: ["TapescriptCLI"]),
        .testTarget(name: "TapescriptDraftsTests", dependencies: ["TapescriptDrafts"], exclude: ["Fixtures"]),
        .testTarget(
            name: "TapescriptReviewTests", dependencies: ["TapescriptReview", "TapescriptTestSupport", "CSndfile"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["tapescript", "TapescriptTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
    ]
)
