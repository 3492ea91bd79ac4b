import FuzzSupport
import TallyKit

/// JSON Lines documents as extract reads them: any bytes must give a document or an error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let line = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? JSONObjectParser().parse(line[...])
  return 0
}

@_cdecl("FuzzJSONLines_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
  runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
