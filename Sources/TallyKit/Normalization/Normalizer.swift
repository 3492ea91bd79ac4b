import Crypto

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Settings of a normalize run.
public struct NormalizeOptions: Sendable {
  public var rule: ReconcileRule
  /// How far either side of an approximate figure ("about 200") a source may be before two
  /// sources are said to conflict, as a fraction of the value.
  public var approximateTolerance: Double
  /// Also write each table as `NAME.hxl.csv` with the HXL hashtag row under the header.
  public var hxl: Bool
  /// How much memory the figure ids of observations may take before they go to a temporary
  /// file (the run then reads that file once per this many bytes of ids).
  public var idMemoryBudget: Int

  public init(
    rule: ReconcileRule = .conservative, approximateTolerance: Double = 0.1, hxl: Bool = false,
    idMemoryBudget: Int = 64 << 20
  ) {
    self.rule = rule
    self.approximateTolerance = approximateTolerance
    self.hxl = hxl
    self.idMemoryBudget = idMemoryBudget
  }
}

/// What a normalize run did.
public struct NormalizeSummary: Sendable, Equatable {
  public var figures = 0
  public var observations = 0
  public var documents = 0
  public var conflicts = 0
  public var rejected = 0
  public var corrected = 0
}

/// Turns a stream of figures into the dataset tables: `figures` (every mention, as read and
/// as curated), `observations` (one row per reported fact) and `documents`.
///
/// Figures stream through: each is written to the figures table as soon as it is read, and
/// merged into its observation. The repeats of a fact inside one document collapse as the
/// document is read (its figures must come together, as `extract` writes them); documents
/// then merge by the reconcile rule. Memory holds one accumulator per observation and one
/// entry per document; the figure ids each observation lists go to a temporary file past
/// `idMemoryBudget`, so memory does not grow with the number of figures.
public final class Normalizer {
  public let options: NormalizeOptions
  public let curation: Curation
  let warnings: WarningCollector

  // Documents.
  private struct DocumentState {
    var record: DocumentRecord
    var outlet: Int32
    var firstSeen: SourceLocation?
    var closed = false
    var listed: Bool
  }
  private var documents: [DocumentState] = []
  private var documentIndex: [String: Int32] = [:]
  private var outletIndex: [String: Int32] = [:]
  private let hasDocumentTable: Bool
  private var current: Int32 = -1
  private var currentToken: [UInt8] = []
  private var currentSpans = Set<UInt64>()

  // Observations.
  private var keys: [ObservationKey] = []
  private var observationIndex: [ObservationKey: Int32] = [:]
  private var accumulators: [ObservationAccumulator] = []
  private var observationIDs: [[UInt8]] = []
  private var idBytes: [Int] = []
  private var groups = InternTable()

  private var spill: IDSpill
  private var usedCuration = Set<String>()
  public private(set) var summary = NormalizeSummary()

  public init(
    options: NormalizeOptions = NormalizeOptions(), curation: Curation = Curation(),
    documents: [DocumentRecord]? = nil, warnings: WarningCollector, scratch: String
  ) {
    self.options = options
    self.curation = curation
    self.warnings = warnings
    hasDocumentTable = documents != nil
    spill = IDSpill(path: "\(scratch)/.figure-ids", budget: options.idMemoryBudget)
    for d in documents ?? [] where documentIndex[d.id] == nil {
      var record = d
      record.figures = 0
      register(record, listed: true)
    }
  }

  @discardableResult
  private func register(_ record: DocumentRecord, listed: Bool) -> Int32 {
    let i = Int32(documents.count)
    let outletName = record.outlet ?? "\u{0}doc:\(record.id)"
    let outlet: Int32
    if let o = outletIndex[outletName] {
      outlet = o
    } else {
      outlet = Int32(outletIndex.count)
      outletIndex[outletName] = outlet
    }
    documents.append(DocumentState(record: record, outlet: outlet, listed: listed))
    documentIndex[record.id] = i
    return i
  }

  // The figures of the document being read: a pool of records reused from one document to the
  // next, so reading allocates nothing per figure once the pool has grown to the largest
  // document.
  private var pool: [FigureRecord] = [FigureRecord()]
  private var pooled = 0
  private var poolLines: [SourceLocation] = []
  private var csvOut: [UInt8] = []
  private var jsonOut: [UInt8] = []

  /// Reads every figure of `input`, writing each to the figures table writers once its
  /// document is complete.
  public func add(_ input: FigureInput, csv: ByteWriter, jsonl: ByteWriter, hxl: ByteWriter?) throws(NormalizationError) {
    while true {
      if pooled == pool.count { pool.append(FigureRecord()) }
      guard try input.next(into: &pool[pooled]) else { break }
      let location = SourceLocation(file: input.file, line: input.line)
      if pooled == poolLines.count { poolLines.append(location) } else { poolLines[pooled] = location }
      pool[pooled].review = nil
      if !curation.isEmpty, let id = pool[pooled].string(.id), let entry = curation.entries[id] {
        usedCuration.insert(id)
        pool[pooled].review = try curation.apply(entry, to: &pool[pooled])
      }
      let sameDocument = current >= 0 && pool[pooled].withToken(.doc) { $0.elementsEqual(currentToken) }
      if !sameDocument {
        // The record opens a new document: settle the one before (its records are
        // pool[0..<pooled]), then move the record to the front of the pool.
        let k = pooled
        try completeDocument(csv: csv, jsonl: jsonl, hxl: hxl)
        pool.swapAt(0, k)
        poolLines.swapAt(0, k)
        pooled = 0
        try enterDocument(pool[0], at: location)
      }
      try checkDuplicate(pool[pooled], at: location)
      pooled += 1
    }
    try completeDocument(csv: csv, jsonl: jsonl, hxl: hxl)
    if current >= 0 { documents[Int(current)].closed = true }
    current = -1
  }

  /// Opens the record's document; a document seen before, with others between, is an error.
  private func enterDocument(_ r: FigureRecord, at location: SourceLocation) throws(NormalizationError) {
    if current >= 0 { documents[Int(current)].closed = true }
    let id = r.string(.doc) ?? ""
    let i: Int32
    if let known = documentIndex[id] {
      i = known
      if documents[Int(i)].closed {
        throw .scatteredDocument(location, document: id, firstLine: documents[Int(i)].firstSeen?.line ?? 0)
      }
    } else {
      i = register(
        DocumentRecord(id: id, outlet: nil, url: nil, published: nil, sha256: nil, bytes: nil, figures: 0),
        listed: false)
    }
    documents[Int(i)].firstSeen = location
    current = i
    currentToken = r.withToken(.doc) { Array($0) }
    currentSpans.removeAll(keepingCapacity: true)
  }

  /// A figure id repeated within its document. (64-bit hashes of the ids: a false alarm needs
  /// a collision within one document.)
  private func checkDuplicate(_ r: FigureRecord, at location: SourceLocation) throws(NormalizationError) {
    let h = r.withToken(.id) { t in WordTable.hash(t) }
    if !currentSpans.insert(h).inserted {
      throw .duplicateFigure(location, id: r.string(.id) ?? "")
    }
  }

  /// Decides the role of each figure of the pooled document, merges its facts into their
  /// observations and writes its figures.
  private func completeDocument(csv: ByteWriter, jsonl: ByteWriter, hxl: ByteWriter?) throws(NormalizationError) {
    guard pooled > 0, current >= 0 else { return }
    let doc = current
    documents[Int(doc)].record.figures += pooled
    summary.figures += pooled
    var coded: [Int] = []
    for k in 0..<pooled {
      switch pool[k].review {
      case .rejected?: summary.rejected += 1
      case .corrected?: summary.corrected += 1
      default: break
      }
      if pool[k].review == .rejected {
        pool[k].role = .rejected
        pool[k].observation = -1
      } else if pool[k].indicator == .other {
        pool[k].role = .uncoded
        pool[k].observation = -1
      } else {
        pool[k].observation = observationFor(pool[k])
        coded.append(k)
      }
    }
    // Per observation, largest number first: the figures that can all be true together with
    // the largest are the fact; a smaller one that cannot is read as a part of it.
    let bounds = coded.map { FigureBounds(pool[$0], tolerance: options.approximateTolerance) }
    let order = coded.indices.sorted { x, y in
      let a = pool[coded[x]].observation
      let b = pool[coded[y]].observation
      if a != b { return a < b }
      let u = bounds[x].reference
      let v = bounds[y].reference
      if u != v { return u > v }
      return x < y
    }
    var start = 0
    while start < order.count {
      let o = pool[coded[order[start]]].observation
      var end = start
      while end < order.count && pool[coded[order[end]]].observation == o { end += 1 }
      var together = Interval.all
      var contribution = DocumentContribution(document: doc)
      for j in order[start..<end] {
        let k = coded[j]
        let t = together.intersection(bounds[j].tolerant)
        if t.isEmpty {
          pool[k].role = .part
        } else {
          together = t
          pool[k].role = .fact
          contribution.add(bounds[j])
        }
      }
      let d = documents[Int(doc)]
      accumulators[Int(o)].add(contribution, outlet: d.outlet, published: d.record.published, order: Int(doc))
      start = end
    }
    // Written in input order; the ids of facts go to their observations.
    for k in 0..<pooled {
      let o = pool[k].observation
      if pool[k].role == .fact {
        accumulators[Int(o)].figures += 1
        try pool[k].withToken(.id) { t throws(NormalizationError) in
          let text = UnsafeBufferPointer(rebasing: t[1..<(t.count - 1)])
          idBytes[Int(o)] += text.count + 1
          do throws(InputError) {
            try spill.add(observation: o, id: text)
          } catch {
            throw .input(error)
          }
        }
      }
      let id = o >= 0 ? observationIDs[Int(o)] : nil
      pool[k].appendCSV(observation: id, to: &csvOut)
      pool[k].appendJSON(observation: id, to: &jsonOut)
    }
    pooled = 0
    if csvOut.count > 1 << 20 { try flush(csv: csv, jsonl: jsonl, hxl: hxl) }
  }

  private func flush(csv: ByteWriter, jsonl: ByteWriter, hxl: ByteWriter?) throws(NormalizationError) {
    do {
      try csv.write(csvOut)
      try hxl?.write(csvOut)
      try jsonl.write(jsonOut)
    } catch {
      throw .input(error)
    }
    csvOut.removeAll(keepingCapacity: true)
    jsonOut.removeAll(keepingCapacity: true)
  }

  private func observationFor(_ r: FigureRecord) -> Int32 {
    let group: UInt64 = r.has(.group) ? UInt64(r.withToken(.group) { groups.intern($0) }) + 1 : 0
    var a = UInt64(r.indicator.ordinal)
    a |= UInt64(r.modality == .planned ? 1 : 0) << 5
    a |= UInt64(CountUnit.allCases.firstIndex(of: r.unit)!) << 6
    a |= UInt64(r.per.map { $0 == .day ? 1 : 2 } ?? 0) << 8
    a |= group << 10
    let key = ObservationKey(a: a, b: ObservationKey.pack(r.date) << 32 | ObservationKey.pack(r.periodStart))
    if let o = observationIndex[key] { return o }
    let o = Int32(keys.count)
    var k = key
    k.group = r.string(.group)
    k.indicator = r.indicator
    k.modality = r.modality
    k.unit = r.unit
    k.per = r.per
    k.date = r.date
    k.periodStart = r.periodStart
    keys.append(k)
    observationIndex[key] = o
    accumulators.append(ObservationAccumulator())
    observationIDs.append(Array(k.stableID.utf8))
    idBytes.append(0)
    return o
  }

  /// Writes out the figures still buffered.
  public func flushFigures(csv: ByteWriter, jsonl: ByteWriter, hxl: ByteWriter?) throws(NormalizationError) {
    try flush(csv: csv, jsonl: jsonl, hxl: hxl)
  }

  /// Writes the observations and documents tables, the schemas and the package descriptor.
  public func finish(into dir: DatasetDirectory) throws(NormalizationError) {
    try writeObservations(dir)
    try writeDocuments(dir)
    for t in TableLayout.all {
      try dir.write("\(t.name).schema.json", DatasetDescriptors.tableSchema(t).bytes())
    }
    try dir.write("datapackage.json", DatasetDescriptors.dataPackage(name: "tally-dataset", tables: TableLayout.all).bytes())
    spill.remove()
    // Curation rows whose figure is gone: reported, never dropped silently.
    for id in curation.order where !usedCuration.contains(id) {
      let entry = curation.entries[id]!
      warnings.add(
        "figure \(id) is not in the input (its article changed, or extraction no longer finds it); its curation row was not applied",
        at: entry.location)
    }
    if !hasDocumentTable && !documents.isEmpty {
      warnings.add(
        "no --documents table given: the documents table lists ids and figure counts only, each document counts as its own source, and latest follows input order",
        at: SourceLocation(file: dir.path))
    } else {
      let unlisted = documents.filter { !$0.listed }
      if let first = unlisted.first {
        warnings.add(
          "\(unlisted.count) documents have figures but are not in the documents table (first: \(first.record.id))",
          at: first.firstSeen ?? SourceLocation(file: dir.path))
      }
    }
    summary.documents = documents.count
  }

  private func writeObservations(_ dir: DatasetDirectory) throws(NormalizationError) {
    let order = keys.indices.sorted { keys[$0] < keys[$1] }
    let layout = TableLayout.observations
    let encoder = RowEncoder(columns: layout.columns.map(\.name))
    let csv = try dir.create("observations.csv")
    let jsonl = try dir.create("observations.jsonl")
    let hxl = options.hxl ? try dir.create("observations.hxl.csv") : nil
    var csvOut = layout.csvHeader
    var jsonOut: [UInt8] = []
    var hxlHead = layout.csvHeader + DatasetDescriptors.hxlRow(layout)
    swap(&hxlHead, &csvOut)
    do { try hxl?.write(csvOut) } catch { throw .input(error) }
    swap(&hxlHead, &csvOut)
    do { try csv.write(csvOut) } catch { throw .input(error) }
    csvOut.removeAll()
    // Observations in output order, a chunk of ids at a time (see IDSpill).
    var position = 0
    while position < order.count {
      var end = position
      var bytes = 0
      while end < order.count && (end == position || bytes + idBytes[order[end]] <= options.idMemoryBudget) {
        bytes += idBytes[order[end]]
        end += 1
      }
      let chunk = Array(order[position..<end])
      let ids: [Int32: [UInt8]]
      do { ids = try spill.gather(Set(chunk.map { Int32($0) })) } catch { throw .input(error) }
      for i in chunk {
        let k = keys[i]
        let a = accumulators[i]
        let (value, bounds) = a.result(options.rule)
        if a.conflict { summary.conflicts += 1 }
        let row: [Cell] = [
          .text(String(decoding: observationIDs[i], as: UTF8.self)), .text(k.indicator.rawValue),
          .optional(k.group), .text(k.modality.rawValue), .text(k.unit.rawValue), .optional(k.per?.rawValue),
          .optional(k.date), .optional(k.periodStart), .optional(value), .optional(bounds.lowValue),
          .optional(bounds.highValue), .integer(Int64(a.figures)), .integer(Int64(a.documents)),
          .integer(Int64(a.outlets.count)), .boolean(a.conflict), .text(options.rule.rawValue),
          a.firstPublished.map { .date(ReportedDate($0)) } ?? .null,
          a.lastPublished.map { .date(ReportedDate($0)) } ?? .null,
          .text(String(decoding: ids[Int32(i)] ?? [], as: UTF8.self)),
        ]
        encoder.csv(row, into: &csvOut)
        encoder.json(row, into: &jsonOut)
      }
      do {
        try csv.write(csvOut)
        try hxl?.write(csvOut)
        try jsonl.write(jsonOut)
      } catch {
        throw .input(error)
      }
      csvOut.removeAll(keepingCapacity: true)
      jsonOut.removeAll(keepingCapacity: true)
      position = end
    }
    summary.observations = order.count
  }

  private func writeDocuments(_ dir: DatasetDirectory) throws(NormalizationError) {
    let layout = TableLayout.documents
    var csvOut = layout.csvHeader
    var jsonOut: [UInt8] = []
    for d in documents {
      DocumentRecord.encoder.csv(d.record.cells, into: &csvOut)
      DocumentRecord.encoder.json(d.record.cells, into: &jsonOut)
    }
    try dir.write("documents.csv", csvOut)
    try dir.write("documents.jsonl", jsonOut)
    if options.hxl {
      try dir.write("documents.hxl.csv", layout.csvHeader + DatasetDescriptors.hxlRow(layout) + csvOut.dropFirst(layout.csvHeader.count))
    }
  }

  /// Runs a whole normalization: figures from `inputs` (paths, `-` for standard input) into
  /// the dataset directory `output`, which appears only if every step succeeds.
  public static func run(
    inputs: [String], output: String, options: NormalizeOptions, curation: Curation,
    documents: [DocumentRecord]?, warnings: WarningCollector
  ) throws(NormalizationError) -> NormalizeSummary {
    let dir = try DatasetDirectory(path: output)
    do throws(NormalizationError) {
      let normalizer = Normalizer(
        options: options, curation: curation, documents: documents, warnings: warnings,
        scratch: dir.temporaryPath)
      let layout = TableLayout.figures
      let csv = try dir.create("figures.csv")
      let jsonl = try dir.create("figures.jsonl")
      let hxl = options.hxl ? try dir.create("figures.hxl.csv") : nil
      do {
        try csv.write(layout.csvHeader)
        try hxl?.write(layout.csvHeader + DatasetDescriptors.hxlRow(layout))
      } catch {
        throw NormalizationError.input(error)
      }
      for path in inputs {
        try normalizer.add(FigureInput(path: path), csv: csv, jsonl: jsonl, hxl: hxl)
      }
      try normalizer.flushFigures(csv: csv, jsonl: jsonl, hxl: hxl)
      try normalizer.finish(into: dir)
      try dir.commit()
      return normalizer.summary
    } catch {
      dir.discard()
      throw error
    }
  }
}

/// The key of an observation: the packed codes (`a`, `b`) it is hashed and compared by, and
/// the same fields readable, for output.
struct ObservationKey: Hashable, Comparable {
  var a: UInt64
  var b: UInt64
  var indicator = Indicator.other
  var group: String? = nil
  var modality = Modality.actual
  var unit = CountUnit.people
  var per: FigureRecord.RatePer? = nil
  var date: ReportedDate? = nil
  var periodStart: ReportedDate? = nil

  init(a: UInt64, b: UInt64) {
    self.a = a
    self.b = b
  }

  static func == (x: ObservationKey, y: ObservationKey) -> Bool { x.a == y.a && x.b == y.b }
  func hash(into h: inout Hasher) {
    h.combine(a)
    h.combine(b)
  }

  /// A date as 32 bits: 0 for none.
  static func pack(_ d: ReportedDate?) -> UInt64 {
    guard let d else { return 0 }
    return UInt64(d.day.dayNumber + 4_000_000) << 2 | UInt64(d.precision.rawValue) + 1
  }

  /// Output order: indicator (codebook order), group, modality, unit, rate, date, period.
  static func < (x: ObservationKey, y: ObservationKey) -> Bool {
    if x.indicator != y.indicator { return x.indicator.ordinal < y.indicator.ordinal }
    if x.group != y.group { return (x.group ?? "") < (y.group ?? "") || x.group == nil }
    if x.modality != y.modality { return x.modality == .actual }
    if x.unit != y.unit { return x.unit.rawValue < y.unit.rawValue }
    if x.per != y.per { return (x.per?.rawValue ?? "") < (y.per?.rawValue ?? "") }
    if x.date != y.date { return dateOrder(x.date) < dateOrder(y.date) }
    return dateOrder(x.periodStart) < dateOrder(y.periodStart)
  }

  private static func dateOrder(_ d: ReportedDate?) -> (Int, Int) {
    guard let d else { return (Int.min, 0) }
    return (d.day.dayNumber, d.precision.rawValue)
  }

  /// The first 16 hex digits of the SHA-256 of the key's fields joined by U+001F.
  var stableID: String {
    let text = [
      indicator.rawValue, group ?? "", modality.rawValue, unit.rawValue, per?.rawValue ?? "",
      date?.description ?? "", periodStart?.description ?? "",
    ].joined(separator: "\u{1F}")
    return String(SHA256.hash(data: Array(text.utf8)).hexString.prefix(16))
  }
}

/// Byte strings interned to small integers (group names), looked up without building a String.
struct InternTable {
  private var ids: [UInt64: [(bytes: [UInt8], id: Int32)]] = [:]
  private var count: Int32 = 0

  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    let h = WordTable.hash(bytes)
    if let bucket = ids[h] {
      for entry in bucket where entry.bytes.elementsEqual(bytes) { return entry.id }
    }
    let id = count
    count += 1
    ids[h, default: []].append((Array(bytes), id))
    return id
  }
}

/// The figure ids behind each observation, kept in memory up to a budget and then appended
/// to a temporary file, so that a run over any number of figures holds a bounded amount.
/// At the end the observations are written a chunk at a time: each chunk's ids are gathered
/// by one pass over the file.
struct IDSpill {
  let path: String
  let budget: Int
  private var buffer: [UInt8] = []
  private var fd: Int32 = -1

  init(path: String, budget: Int) {
    self.path = path
    self.budget = max(64, budget)
  }

  mutating func add(observation o: Int32, id: UnsafeBufferPointer<UInt8>) throws(InputError) {
    withUnsafeBytes(of: UInt32(bitPattern: o).littleEndian) { buffer.append(contentsOf: $0) }
    withUnsafeBytes(of: UInt16(min(id.count, 65535)).littleEndian) { buffer.append(contentsOf: $0) }
    buffer.append(contentsOf: id.prefix(65535))
    if buffer.count >= budget { try spill() }
  }

  private mutating func spill() throws(InputError) {
    if fd < 0 {
      fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
      guard fd >= 0 else { throw .unwritable(path: path, reason: systemErrorText()) }
    }
    var offset = 0
    while offset < buffer.count {
      let n = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
      guard n > 0 else { throw .unwritable(path: path, reason: systemErrorText()) }
      offset += n
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// The ids of the given observations, space-separated, in input order.
  func gather(_ wanted: Set<Int32>) throws(InputError) -> [Int32: [UInt8]] {
    var out: [Int32: [UInt8]] = [:]
    func scan(_ p: UnsafeRawBufferPointer) -> Int {
      var i = 0
      while i + 6 <= p.count {
        let o = Int32(bitPattern: UInt32(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt32.self)))
        let n = Int(UInt16(littleEndian: p.loadUnaligned(fromByteOffset: i + 4, as: UInt16.self)))
        guard i + 6 + n <= p.count else { break }
        if wanted.contains(o) {
          if out[o] == nil {
            out[o] = Array(p[(i + 6)..<(i + 6 + n)])
          } else {
            out[o]!.append(0x20)
            out[o]!.append(contentsOf: p[(i + 6)..<(i + 6 + n)])
          }
        }
        i += 6 + n
      }
      return i
    }
    if fd >= 0 {
      var block = [UInt8](repeating: 0, count: 1 << 20)
      var carry: [UInt8] = []
      var position: off_t = 0
      while true {
        let n = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, position) }
        if n < 0 { throw .unreadable(SourceLocation(file: path), reason: systemErrorText()) }
        if n == 0 { break }
        position += off_t(n)
        carry.append(contentsOf: block[0..<n])
        let used = carry.withUnsafeBytes { scan($0) }
        carry.removeFirst(used)
      }
    }
    _ = buffer.withUnsafeBytes { scan($0) }
    return out
  }

  func remove() {
    if fd >= 0 {
      close(fd)
      unlink(path)
    }
  }
}
