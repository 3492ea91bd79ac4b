import FuzzSupport
import TallyKit

#if canImport(Glibc)
  import Glibc
#endif

/// Figures of three documents, in the order "b", "a", "c", beside the documents table the
/// fuzzer writes: the table is read alongside them, or indexed when they do not follow it.
let figures = ["b", "a", "c"].enumerated().map { k, doc in
  #"{"id":"0123456789abcdef-\#(k)-\#(k + 3)","doc":"\#(doc)","start":\#(k),"end":\#(k + 3),"text":"183","value":183,"low":183,"high":183,"qualifier":"exact","unit":"people","indicator":"killed","group":"palestinians","modality":"actual","date":"2025-02-01","period_start":null,"attribution":null,"sentence":"x","per":null,"warnings":[]}"#
}.joined(separator: "\n") + "\n"

/// A documents table (JSON Lines or CSV) given to normalize: a dataset or an error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let figuresPath = "/tmp/tally-fuzz-documents-figures.jsonl"
  if access(figuresPath, F_OK) != 0 {
    guard let f = fopen(figuresPath, "wb") else { fatalError("fuzz harness: cannot write \(figuresPath)") }
    fputs(figures, f)
    fclose(f)
  }
  return withInputFile(data, size, named: "documents") { table in
    _ = try? Normalizer.run(
      inputs: [figuresPath], output: "/tmp/tally-fuzz-documents-dataset",
      options: NormalizeOptions(idMemoryBudget: 64), curation: Curation(),
      documents: DocumentList(files: [table]), warnings: WarningCollector())
  }
}

@_cdecl("FuzzDocuments_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
  runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
