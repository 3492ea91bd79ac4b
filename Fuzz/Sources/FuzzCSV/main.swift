import FuzzSupport
import TallyKit

/// CSV as the manifests, figure files and spreadsheets are read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  _ = try? CSVReader(file: "fuzz.csv").records(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}

@_cdecl("FuzzCSV_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
  runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
