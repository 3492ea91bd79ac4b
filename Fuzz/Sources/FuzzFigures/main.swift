import FuzzSupport
import TallyKit

#if canImport(Glibc)
  import Glibc
#endif

/// A figures file as normalize reads it (JSON Lines or CSV): a dataset or an error. A dataset
/// written must be valid UTF-8 throughout (the fast lane skips its own UTF-8 check on lines it
/// finds all ASCII; invalid bytes let through would reach the tables).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  withInputFile(data, size, named: "figures") { input in
    let output = "/tmp/tally-fuzz-dataset"
    guard
      (try? Normalizer.run(
        inputs: [input], output: output, options: NormalizeOptions(), curation: Curation(),
        documents: DocumentList(), warnings: WarningCollector())) != nil
    else { return }
    for table in ["figures", "observations", "documents"] {
      for suffix in ["csv", "jsonl"] {
        let path = "\(output)/\(table).\(suffix)"
        guard let bytes = try? readFileBytes(path) else { fatalError("fuzz: \(path) missing after a run that succeeded") }
        if let bad = UTF8Bytes.firstInvalidByte(bytes) { fatalError("fuzz: \(path) has invalid UTF-8 at byte \(bad)") }
      }
    }
  }
}

@_cdecl("FuzzFigures_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
  runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
