import Dispatch

/// What an extraction run did, for the summary line and for tests.
public struct ExtractionSummary: Sendable, Equatable {
  public var documents = 0
  public var figures = 0
  public var bytes = 0
}

/// Runs an extractor over a stream of documents and writes the figures in document order.
///
/// Documents are read in batches; with `jobs > 1` the documents of a batch are extracted on
/// that many threads and written in input order, so the output is the same bytes whatever the
/// number of threads. Memory holds one batch: it does not grow with the number of documents.
public struct ExtractionRun {
  public var extractor: Extractor
  public var encoder: FigureEncoder
  public var jobs: Int
  /// A batch ends after this many documents or this many bytes of text, whichever comes first.
  public var batchDocuments = 512
  public var batchBytes = 8 << 20

  public init(extractor: Extractor, encoder: FigureEncoder, jobs: Int) {
    self.extractor = extractor
    self.encoder = encoder
    self.jobs = max(1, jobs)
  }

  public func run<S: DocumentSource>(
    _ source: inout S, to writer: ByteWriter, warnings: WarningCollector
  ) throws(InputError) -> ExtractionSummary {
    var summary = ExtractionSummary()
    try writer.write(encoder.header)
    var batch: [Document] = []
    var batchSize = 0
    while true {
      let doc = try source.next()
      if let doc {
        batchSize += doc.text.count
        batch.append(doc)
      }
      if doc == nil || batch.count >= batchDocuments || batchSize >= batchBytes {
        try flush(batch, to: writer, warnings: warnings, summary: &summary)
        batch.removeAll(keepingCapacity: true)
        batchSize = 0
      }
      if doc == nil { break }
    }
    return summary
  }

  private func flush(
    _ batch: [Document], to writer: ByteWriter, warnings: WarningCollector,
    summary: inout ExtractionSummary
  ) throws(InputError) {
    guard !batch.isEmpty else { return }
    let results = ResultSlots(count: batch.count)
    let extractor = self.extractor
    let encoder = self.encoder
    let work: @Sendable (Int) -> Void = { i in
      let figures = extractor.extract(batch[i])
      var bytes: [UInt8] = []
      bytes.reserveCapacity(figures.figures.count * 600)
      for f in figures.figures { encoder.encode(f, into: &bytes) }
      results.store(i, EncodedDocument(bytes: bytes, figures: figures.figures.count, warnings: figures.warnings))
    }
    if jobs == 1 || batch.count == 1 {
      for i in batch.indices { work(i) }
    } else {
      // Strided: worker w takes documents w, w + jobs, ... so long and short ones mix.
      let jobs = min(self.jobs, batch.count)
      DispatchQueue.concurrentPerform(iterations: jobs) { w in
        var i = w
        while i < batch.count {
          work(i)
          i += jobs
        }
      }
    }
    for (i, doc) in batch.enumerated() {
      let r = results.take(i)
      try writer.write(r.bytes)
      for message in r.warnings {
        warnings.add(message, at: doc.source, subject: "document \(doc.id)")
      }
      summary.documents += 1
      summary.figures += r.figures
      summary.bytes += doc.text.count
    }
  }
}

struct EncodedDocument: Sendable {
  var bytes: [UInt8]
  var figures: Int
  var warnings: [String]
}

/// One slot per document of a batch; each worker writes only its own slots, and the slots are
/// read after all workers have finished, so no lock is needed. The storage is a raw buffer,
/// not an `Array`, whose copy-on-write check is not safe to run from several threads.
final class ResultSlots: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<EncodedDocument?>
  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }
  deinit {
    slots.deinitialize()
    slots.deallocate()
  }
  func store(_ i: Int, _ r: EncodedDocument) { slots[i] = r }
  func take(_ i: Int) -> EncodedDocument {
    let r = slots[i]!
    slots[i] = nil
    return r
  }
}
