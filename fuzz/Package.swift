// swift-tools-version:6.1
import PackageDescription

// The libFuzzer targets of `make fuzz`, over the parsers of untrusted bytes. A package of its own so that the
// main package's build, tests and CI never see the sanitizer flags: `fuzz/run` builds it with
// `-sanitize=fuzzer,address`. The library targets under test are the main package's own sources, reached through
// the symbolic links in Modules/ (SwiftPM refuses a target path outside the package); their dependencies here
// must follow the main Package.swift's.
let package = Package(
    name: "TapescriptFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20")
    ],
    targets: [
        .systemLibrary(name: "CSndfile", path: "Modules/CSndfile", pkgConfig: "sndfile"),
        .systemLibrary(name: "CXXHash", path: "Modules/CXXHash", pkgConfig: "libxxhash"),
        .systemLibrary(name: "CGumbo", path: "Modules/CGumbo", pkgConfig: "gumbo"),
        .target(name: "TapescriptTime", path: "Modules/TapescriptTime"),
        .target(name: "TapescriptKernels", path: "Modules/TapescriptKernels"),
        .target(
            name: "TapescriptAudio", dependencies: ["TapescriptKernels", "CSndfile", "CXXHash"],
            path: "Modules/TapescriptAudio"),
        .target(name: "TapescriptDrafts", dependencies: ["TapescriptTime"], path: "Modules/TapescriptDrafts"),
        .target(name: "TapescriptMail", dependencies: ["TapescriptTime", "CGumbo"], path: "Modules/TapescriptMail"),
        .target(
            name: "TapescriptDocx", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Modules/TapescriptDocx"),

        .systemLibrary(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        .executableTarget(name: "FuzzWave", dependencies: ["FuzzSupport", "TapescriptAudio"]),
        .executableTarget(name: "FuzzMail", dependencies: ["FuzzSupport", "TapescriptMail"]),
        .executableTarget(name: "FuzzDocx", dependencies: ["FuzzSupport", "TapescriptDocx"]),
        .executableTarget(name: "FuzzDraft", dependencies: ["FuzzSupport", "TapescriptDrafts"]),
    ]
)
