import FuzzSupport
import TallyKit

/// An archive as verify reads it: a report or an error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  withInputFile(data, size, named: "archive.tar.gz") { _ = try? ArchiveVerifier(path: $0).verify() }
}

@_cdecl("FuzzArchive_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
  runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
