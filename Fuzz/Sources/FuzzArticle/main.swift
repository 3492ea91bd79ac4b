import FuzzSupport
import TallyKit

/// Article text as extract reads it: any bytes must be coded or refused, never crash, and every
/// figure's span must lie inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard UTF8Bytes.firstInvalidByte(bytes) == nil else { return 0 }
  let text = String(decoding: bytes, as: UTF8.self)
  let doc = Document(id: "f", text: text, published: CivilDate(year: 2025, month: 2, day: 1))
  let count = text.unicodeScalars.count
  for f in extractor.extract(doc).figures where f.start < 0 || f.end > count || f.start > f.end {
    fatalError("span \(f.start)..<\(f.end) outside a text of \(count) code points")
  }
  return 0
}

nonisolated(unsafe) let extractor = Extractor()

@_cdecl("FuzzArticle_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
  runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
