import Dispatch

/// What an extraction run did, for the summary line and for tests.
public struct ExtractionSummary: Sendable, Equatable {
  public var documents = 0
  public var figures = 0
  public var bytes = 0
  /// Bad documents left out under `ErrorPolicy.skip`.
  public var skipped = 0
}

/// What a run does with a document it cannot read (bad JSON, invalid UTF-8, a missing field, a
/// text file that is empty or missing).
public enum ErrorPolicy: String, Sendable, CaseIterable {
  /// The run stops at the first bad document with its error (the default).
  case fail
  /// The document is left out, counted, and reported to `ExtractionRun.skip`; the run goes on.
  case skip
}

/// A document left out under `ErrorPolicy.skip`.
public struct SkippedDocument: Sendable, Equatable {
  /// Its id, when the record was readable far enough to give one.
  public var id: String?
  /// Where it is in the input.
  public var location: SourceLocation
  /// Why it was left out: the error a failing run would have stopped with.
  public var reason: String

  /// One JSON Lines row: `{"doc":...,"file":...,"line":...,"error":...}`.
  public var jsonLine: [UInt8] {
    var out = JSONEncoderBytes()
    out.bytes.append(contentsOf: "{\"doc\":".utf8)
    if let id { out.string(id) } else { out.bytes.append(contentsOf: "null".utf8) }
    out.bytes.append(contentsOf: ",\"file\":".utf8)
    out.string(location.file)
    out.bytes.append(contentsOf: ",\"line\":".utf8)
    if let line = location.line { appendInteger(Int64(line), to: &out.bytes) } else { out.bytes.append(contentsOf: "null".utf8) }
    out.bytes.append(contentsOf: ",\"error\":".utf8)
    out.string(reason)
    out.bytes.append(contentsOf: "}\n".utf8)
    return out.bytes
  }
}

/// Runs an extractor over a stream of documents and writes the figures in document order.
///
/// Documents are read in batches. With `jobs > 1` the documents of a batch are parsed,
/// extracted and encoded on that many threads while the calling thread reads the next batch;
/// output is written in input order, so it is the same bytes whatever the number of threads.
/// With `jobs == 1` everything runs on the calling thread. Memory holds at most two batches:
/// it does not grow with the number of documents.
public struct ExtractionRun {
  public var extractor: Extractor
  /// Told of every document done, if set.
  public var progress: ProgressMeter?
  public var encoder: FigureEncoder
  public var jobs: Int
  /// A batch ends after this many documents or this many bytes of text, whichever comes first.
  public var batchDocuments = 512
  public var batchBytes = 8 << 20
  /// Stop at a bad document, or leave it out.
  public var onError = ErrorPolicy.fail
  /// Told of every document left out under `.skip`, in input order (the command line writes
  /// them to the `--skipped` file).
  public var skip: ((SkippedDocument) throws(InputError) -> Void)? = nil

  public init(extractor: Extractor, encoder: FigureEncoder, jobs: Int) {
    self.extractor = extractor
    self.encoder = encoder
    self.jobs = max(1, jobs)
  }

  /// A batch being worked on: its items, the slots its results go to, and the group to wait on.
  private final class InFlight {
    let items: [SourceItem]
    let results: ResultSlots
    let group: DispatchGroup
    /// A raw view of `items`, valid as long as this object lives.
    let itemPointer: ItemPointer

    init(items: [SourceItem], results: ResultSlots, group: DispatchGroup) {
      self.items = items
      self.results = results
      self.group = group
      let buffer = UnsafeMutableBufferPointer<SourceItem>.allocate(capacity: items.count)
      _ = buffer.initialize(from: items)
      itemPointer = ItemPointer(base: buffer)
    }

    deinit {
      itemPointer.base.deinitialize()
      itemPointer.base.deallocate()
    }
  }

  /// Extracts every document of `source`, writing figures to `writer` and, when given, one
  /// row per document (id, outlet, url, published, SHA-256, bytes, figures) to `documents`.
  public func run<S: DocumentSource>(
    _ source: inout S, to writer: ByteWriter, documents: DocumentTableWriter? = nil,
    warnings: WarningCollector
  ) throws(InputError) -> ExtractionSummary {
    // One extractor per worker: threads that shared one would contend on the reference
    // counts of its tables (measured: a second thread added a quarter to the CPU time).
    let extractors = [extractor] + (1..<jobs).map { _ in Extractor(options: extractor.options) }
    var summary = ExtractionSummary()
    try writer.write(encoder.header)
    try documents?.start()
    var pending: InFlight? = nil
    while true {
      let batch: [SourceItem]
      let end: Bool
      do {
        (batch, end) = try readBatch(&source, summary: &summary)
      } catch {
        pending?.group.wait()  // let the workers finish before the error unwinds
        throw error
      }
      // Start the next batch before writing the last one, so the workers never wait for
      // the writer.
      pending?.group.wait()
      let next = batch.isEmpty ? nil : launch(batch, extractors)
      if let p = pending {
        do {
          try complete(p, to: writer, documents: documents, warnings: warnings, summary: &summary)
        } catch {
          next?.group.wait()
          throw error
        }
      }
      pending = next
      if end { break }
    }
    if let p = pending { try complete(p, to: writer, documents: documents, warnings: warnings, summary: &summary) }
    return summary
  }

  /// Counts a document left out under `.skip` and reports it.
  private func reportSkipped(
    _ error: InputError, id: String?, summary: inout ExtractionSummary
  ) throws(InputError) {
    summary.skipped += 1
    try skip?(
      SkippedDocument(
        id: id, location: error.location ?? SourceLocation(file: "-"), reason: error.errorDescription ?? "\(error)"))
  }

  private func readBatch<S: DocumentSource>(
    _ source: inout S, summary: inout ExtractionSummary
  ) throws(InputError) -> ([SourceItem], Bool) {
    var batch: [SourceItem] = []
    var size = 0
    while batch.count < batchDocuments && size < batchBytes {
      // One job parses as it reads (no copy of the raw line); several defer parsing to the
      // workers.
      let next: SourceItem?
      if onError == .skip {
        // Records are parsed by `process`, where a bad one becomes a failed result.
        do {
          next = try source.nextItem()
        } catch {
          guard S.errorsAreDocuments else { throw error }
          try reportSkipped(error, id: nil, summary: &summary)
          continue
        }
      } else {
        next = jobs == 1 ? try source.next().map(SourceItem.document) : try source.nextItem()
      }
      guard let item = next else { return (batch, true) }
      size += item.size
      batch.append(item)
    }
    return (batch, false)
  }

  /// Starts work on a batch: on background threads, or (one job) right here.
  ///
  /// Workers reach the items and result slots through raw pointers: capturing the arrays
  /// would make every access retain and release their shared storage from both threads.
  private func launch(_ items: [SourceItem], _ extractors: [Extractor]) -> InFlight {
    let results = ResultSlots(count: items.count)
    let group = DispatchGroup()
    let encoder = self.encoder
    if jobs == 1 {
      for i in items.indices { results.store(i, ExtractionRun.process(items[i], extractors[0], encoder)) }
      return InFlight(items: items, results: results, group: group)
    }
    let flight = InFlight(items: items, results: results, group: group)
    let input = flight.itemPointer
    let output = results.pointer
    let count = items.count
    // Contiguous chunks, one per worker, cut so each holds about the same number of bytes.
    let workers = min(jobs, count)
    var bounds = [0]
    let total = items.reduce(0) { $0 + $1.size }
    var acc = 0
    for (i, item) in items.enumerated() {
      acc += item.size
      if bounds.count < workers, acc * workers >= total * bounds.count { bounds.append(i + 1) }
    }
    while bounds.count <= workers { bounds.append(count) }
    bounds[workers] = count
    for w in 0..<workers {
      let extractor = extractors[w]
      let range = bounds[w]..<bounds[w + 1]
      DispatchQueue.global().async(group: group) {
        for i in range { output.store(i, ExtractionRun.process(input.item(i), extractor, encoder)) }
      }
    }
    return flight
  }

  static func process(_ item: SourceItem, _ extractor: Extractor, _ encoder: FigureEncoder)
    -> Result<EncodedDocument, InputError>
  {
    let document: Document
    switch item {
    case .document(let d): document = d
    case .jsonLine(let line, let location):
      do {
        document = try JSONLinesDocuments.document(from: line[...], at: location)
      } catch {
        return .failure(error)
      }
    }
    let figures = extractor.extract(document)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(figures.figures.count * 600)
    encoder.encode(figures.figures, into: &bytes)
    return .success(
      EncodedDocument(
        bytes: bytes, figures: figures.figures.count, warnings: figures.warnings,
        id: document.id, source: document.source, textBytes: document.text.count,
        record: DocumentRecord(
          id: document.id, outlet: document.outlet, url: document.url, published: document.published,
          sha256: figures.digest.hex, bytes: document.text.count, figures: figures.figures.count)))
  }

  /// Waits for a batch and writes its results in input order; the first bad document ends
  /// the run with its error.
  private func complete(
    _ batch: InFlight, to writer: ByteWriter, documents: DocumentTableWriter?, warnings: WarningCollector,
    summary: inout ExtractionSummary
  ) throws(InputError) {
    batch.group.wait()
    for i in batch.items.indices {
      let r: EncodedDocument
      switch batch.results.take(i) {
      case .success(let done): r = done
      case .failure(let error):
        guard onError == .skip else { throw error }
        var id: String? = nil
        if case .jsonLine(let line, _) = batch.items[i], let fields = try? JSONObjectParser().parse(line[...]),
          case .string(let b)? = fields.first(where: { $0.key == "id" })?.value
        {
          id = String(decoding: b, as: UTF8.self)
        }
        try reportSkipped(error, id: id, summary: &summary)
        continue
      }
      try writer.write(r.bytes)
      try documents?.add(r.record)
      for message in r.warnings {
        warnings.add(message, at: r.source, subject: "document \(r.id)")
      }
      summary.documents += 1
      progress?.update(items: summary.documents, bytes: summary.bytes)
      summary.figures += r.figures
      summary.bytes += r.textBytes
    }
  }
}

struct EncodedDocument: Sendable {
  var bytes: [UInt8]
  var figures: Int
  var warnings: [String]
  var id: String
  var source: SourceLocation
  var textBytes: Int
  var record: DocumentRecord
}

/// Writes the documents table as CSV or JSON Lines.
public struct DocumentTableWriter {
  public let writer: ByteWriter
  public let format: FigureFormat

  public init(writer: ByteWriter, format: FigureFormat) {
    self.writer = writer
    self.format = format
  }

  public func start() throws(InputError) {
    if format == .csv { try writer.write(TableLayout.documents.csvHeader) }
  }

  public func add(_ record: DocumentRecord) throws(InputError) {
    var out: [UInt8] = []
    switch format {
    case .csv: DocumentRecord.encoder.csv(record.cells, into: &out)
    case .jsonl: DocumentRecord.encoder.json(record.cells, into: &out)
    }
    try writer.write(out)
  }
}

/// One slot per document of a batch; each worker writes only its own slots, and the slots are
/// read after all workers have finished, so no lock is needed. The storage is a raw buffer,
/// not an `Array`, whose copy-on-write check is not safe to run from several threads.
final class ResultSlots: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Result<EncodedDocument, InputError>?>
  /// A raw view of the slots for the worker threads, valid as long as this object lives.
  var pointer: SlotPointer { SlotPointer(base: slots) }
  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }
  deinit {
    slots.deinitialize()
    slots.deallocate()
  }
  func store(_ i: Int, _ r: Result<EncodedDocument, InputError>) { slots[i] = r }
  func take(_ i: Int) -> Result<EncodedDocument, InputError> {
    let r = slots[i]!
    slots[i] = nil
    return r
  }
}

/// Raw access to a batch's items from worker threads (see `ExtractionRun.launch`).
struct ItemPointer: @unchecked Sendable {
  let base: UnsafeMutableBufferPointer<SourceItem>
  func item(_ i: Int) -> SourceItem { base[i] }
}

/// Raw access to a batch's result slots from worker threads; each worker writes its own slots.
struct SlotPointer: @unchecked Sendable {
  let base: UnsafeMutableBufferPointer<Result<EncodedDocument, InputError>?>
  func store(_ i: Int, _ r: Result<EncodedDocument, InputError>) { base[i] = r }
}
