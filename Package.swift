// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "tally",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "tally", targets: ["tally"]),
    .library(name: "TallyKit", targets: ["TallyKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // SHA-256 and SHA-512 for document digests, figure ids and archive manifests.
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    // Heap: merging the sorted runs of normalize's external checks (documents split or listed
    // twice) in memory that does not grow with the number of documents.
    .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    // Property-based tests (tests only): generated records and orders, shrunk on failure.
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    // libarchive from the system (Debian: libarchive-dev), for dataset archives.
    .systemLibrary(
      name: "CArchive",
      path: "Sources/CArchive",
      pkgConfig: "libarchive",
      providers: [.apt(["libarchive-dev"])]
    ),
    // All logic lives here: one folder per stage (Extraction, IO, ...).
    .target(
      name: "TallyKit",
      dependencies: [
        "CArchive", .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "HeapModule", package: "swift-collections"),
      ],
      path: "Sources/TallyKit"
    ),
    // The thin command-line front end: one file per subcommand.
    .executableTarget(
      name: "tally",
      dependencies: [
        "TallyKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Sources/tally"
    ),
    .testTarget(
      name: "TallyKitTests",
      dependencies: ["TallyKit", .product(name: "PropertyBased", package: "swift-property-based")],
      path: "Tests/TallyKitTests"
    ),
    .testTarget(
      name: "TallyCLITests",
      dependencies: [
        "tally",
        "TallyKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Tests/TallyCLITests"
    ),
  ],
  swiftLanguageModes: [.v6]
)
