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
        // Google's HTML5 parser: the HTML5 standard's 2,231 named character references, for HTML mail.
        .systemLibrary(
            name: "CGumbo",
            pkgConfig: "gumbo",
            providers: [.apt(["libgumbo-dev"]), .brew(["gumbo-parser"])]
        ),
        // Secret Rabbit Code: band-limited resampling of speech to the 16 kHz a recogniser wants.
        .systemLibrary(
            name: "CSamplerate",
            pkgConfig: "samplerate",
            providers: [.apt(["libsamplerate0-dev"]), .brew(["libsamplerate"])]
        ),
        // KISS FFT: the spectrum of each 20 ms of a mono recording, whose cepstrum tells its speakers apart.
        .systemLibrary(
            name: "CKissFFT",
            pkgConfig: "kissfft-float",
            providers: [.apt(["libkissfft-dev"]), .brew(["kissfft"])]
        ),
        // Timecodes, dates and the subtitle/label writers: a leaf, so the drafts and mail know no audio.
        .target(name: "TapescriptTime"),
        // Private files and folders (0600/0700), written atomically: a leaf every writer of interview text uses.
        .target(name: "TapescriptFiles"),
        // Text from outside made safe: control characters stripped where text enters, drawn where it is shown.
        .target(name: "TapescriptText"),
        // The per-sample loops (decimation, the voice-band filter and window energy, pitch correlation), over
        // buffers their callers size and nothing else: no file, no parsing. Their indices are in range by
        // construction, so the release build drops the checks here (docs/performance.md says what that buys).
        // Everything that reads bytes from a file stays in TapescriptAudio, checked.
        .target(
            name: "TapescriptKernels",
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
        .target(
            name: "TapescriptAudio",
            dependencies: ["TapescriptKernels", "CSndfile", "CXXHash", "CSamplerate", "CKissFFT"]
        ),
        // Speech recognisers run as programs (whisper.cpp's whisper-cli, faster-whisper, any command): finding
        // them, running them on a 16 kHz WAV, reading their words and times back. Knows no database.
        .target(name: "TapescriptEngines", dependencies: ["TapescriptFiles"]),
        .target(
            name: "TapescriptLibrary",
            dependencies: [
                "TapescriptAudio", "TapescriptFiles", .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite C API itself, for incremental blob I/O (GRDB binds a blob as one copied value).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // Drafts for the author: the document and its text rendering, reading the reply back (quoting, re-wrapping),
        // alignment, word diff, three-way merge, and the publication. Pure: no database, no mail, no zip.
        .target(name: "TapescriptDrafts", dependencies: ["TapescriptTime", "TapescriptText"]),
        // E-mail: MIME reading and composing, transfer encodings, charsets, HTML to text. Knows nothing of drafts.
        .target(name: "TapescriptMail", dependencies: ["TapescriptTime", "CGumbo"]),
        // Word documents: a small .docx writer and reader over ZIPFoundation.
        .target(name: "TapescriptDocx", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The use cases: import, make a draft, plan and apply a reply, publish. Knows nothing of the terminal or
        // of ArgumentParser; the CLI parses, calls one of these and prints.
        .target(
            name: "TapescriptApplication",
            dependencies: [
                "TapescriptAudio", "TapescriptLibrary", "TapescriptDrafts", "TapescriptMail", "TapescriptDocx",
                "TapescriptTime", "TapescriptText", "TapescriptEngines", "TapescriptFiles",
            ]
        ),
        // The terminal UI: screen, keys, the review state machine, playback through an external player.
        .target(
            name: "TapescriptReview",
            dependencies: [
                "TapescriptAudio", "TapescriptLibrary", "TapescriptApplication", "TapescriptTime", "TapescriptFiles",
                "TapescriptText",
            ]),
        .target(
            name: "TapescriptCLI",
            dependencies: [
                "TapescriptApplication",
                "TapescriptAudio",
                "TapescriptLibrary",
                "TapescriptReview",
                "TapescriptDrafts",
                "TapescriptTime",
                "TapescriptFiles",
                "TapescriptText",
                "TapescriptEngines",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "tapescript", dependencies: ["TapescriptCLI"]),
        // Writes test recordings through libsndfile; used by the test targets only.
        .target(name: "TapescriptTestSupport", dependencies: ["CSndfile"], path: "Tests/Support"),
        .testTarget(name: "TapescriptAudioTests", dependencies: ["TapescriptAudio", "TapescriptTestSupport"]),
        .testTarget(
            name: "TapescriptLibraryTests",
            dependencies: ["TapescriptLibrary", "TapescriptApplication", "TapescriptTestSupport"]),
        .testTarget(name: "TapescriptCLITests", dependencies: ["TapescriptCLI", "TapescriptTime"]),
        .testTarget(name: "TapescriptDraftsTests", dependencies: ["TapescriptDrafts"]),
        .testTarget(name: "TapescriptEnginesTests", dependencies: ["TapescriptEngines"]),
        .testTarget(name: "TapescriptMailTests", dependencies: ["TapescriptMail"], exclude: ["Fixtures"]),
        .testTarget(name: "TapescriptDocxTests", dependencies: ["TapescriptDocx"], exclude: ["Fixtures"]),
        .testTarget(
            name: "TapescriptApplicationTests",
            dependencies: [
                "TapescriptApplication", "TapescriptAudio", "TapescriptLibrary", "TapescriptDocx", "TapescriptEngines",
                "TapescriptTestSupport", "CSndfile",
            ]),
        .testTarget(
            name: "TapescriptReviewTests",
            dependencies: ["TapescriptReview", "TapescriptText", "TapescriptTestSupport", "CSndfile"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "tapescript", "TapescriptText", "TapescriptTestSupport", "CSndfile",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
