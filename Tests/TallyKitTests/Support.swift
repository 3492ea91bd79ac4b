import Foundation

@testable import TallyKit

/// Extracts the figures of one text, published on `published` (nil for none).
func figures(
  _ text: String, published: String? = "2025-02-01", options: ExtractionOptions = ExtractionOptions()
) -> [Figure] {
  extraction(text, published: published, options: options).figures
}

func extraction(
  _ text: String, published: String? = "2025-02-01", options: ExtractionOptions = ExtractionOptions()
) -> DocumentFigures {
  let doc = Document(id: "t", text: text, published: published.flatMap { CivilDate(iso: $0) })
  return Extractor(options: options).extract(doc)
}

/// The figure whose text contains `mention`.
func figure(_ text: String, _ mention: String, published: String? = "2025-02-01") -> Figure? {
  figures(text, published: published).first { $0.text.contains(mention) }
}

/// The package's root folder, found from this file's path.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// `../shared` beside the checkout, where the reference articles live, if it is there.
let sharedFolder: URL? = {
  let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
  return FileManager.default.fileExists(atPath: url.appendingPathComponent("corpus/seeds/docs.jsonl").path)
    ? url : nil
}()
