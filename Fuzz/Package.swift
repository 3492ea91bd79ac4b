// swift-tools-version:6.1
// Fuzz targets for tally's parsers, kept out of the main package because they only link with
// libFuzzer: `make fuzz` builds them with -sanitize=fuzzer,address and runs each for a set time. The
// library's sources are linked in (Sources/TallyKit, Sources/CArchive are symbolic links), so
// the targets exercise the very code the tool runs.
import PackageDescription

let targets = ["FuzzArticle", "FuzzJSONLines", "FuzzFigures", "FuzzCSV", "FuzzCuration", "FuzzArchive", "FuzzDocuments"]

let package = Package(
  name: "tally-fuzz",
  dependencies: [
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
  ],
  targets: [
    .systemLibrary(name: "CArchive", path: "Sources/CArchive", pkgConfig: "libarchive"),
    .target(
      name: "TallyKit",
      dependencies: [
        "CArchive", .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "HeapModule", package: "swift-collections"),
      ],
      path: "Sources/TallyKit"),
    .target(name: "FuzzSupport", path: "Sources/FuzzSupport"),
  ]
    + targets.map { name in
      .executableTarget(
        name: name, dependencies: ["TallyKit", "FuzzSupport"], path: "Sources/\(name)",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    },
  swiftLanguageModes: [.v6]
)
