import FuzzSupport
import TallyKit

/// A figures file as normalize reads it (JSON Lines or CSV): a dataset or an error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  withInputFile(data, size, named: "figures") { input in
    _ = try? Normalizer.run(
      inputs: [input], output: "/tmp/tally-fuzz-dataset", options: NormalizeOptions(), curation: Curation(),
      documents: DocumentList(), warnings: WarningCollector())
  }
}

@_cdecl("FuzzFigures_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
  runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
