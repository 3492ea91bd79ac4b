import FuzzSupport
import TallyKit

/// A curation file as normalize --curation reads it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  withInputFile(data, size, named: "curation.csv") { _ = try? Curation(path: $0) }
}

@_cdecl("FuzzCuration_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
  runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
