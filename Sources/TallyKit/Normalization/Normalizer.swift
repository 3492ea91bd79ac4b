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
  /// Up to this many chunks of observations, each reads the whole spill of figure ids; past
  /// it, the spill is first split into a file per chunk.
  static let chunksReadWhole = 4

  public init(
    rule: ReconcileRule = .conservative, approximateTolerance: Double = 0.1, hxl: Bool = false,
    idMemoryBudget: Int = 16 << 20
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
/// Figures stream through a document at a time: when a document's figures are all read, the
/// repeats of a fact among them collapse, each is written to the figures table, and the
/// document's facts merge into their observations (so a document's figures must come
/// together, as `extract` writes them); documents merge by the reconcile rule. Memory holds
/// one accumulator per observation and the figures of one document: the documents are read
/// alongside the figures (`DocumentLedger`), and the figure ids each observation lists go to
/// a temporary file past `idMemoryBudget`, so memory grows with neither the figures nor the
/// documents.
///
/// The hot state is `@exclusivity(unchecked)`: it is private to this class and touched by one
/// thread, and the dynamic exclusivity checks on a class's arrays cost a quarter of the time
/// of reading a table (measured on `TableReader`).
public final class Normalizer {
  public let options: NormalizeOptions
  public let curation: Curation
  let warnings: WarningCollector

  // Documents.
  private let ledger: DocumentLedger
  /// What merging needs of the document being read.
  private var facts = DocumentLedger.Facts(order: 0, outlet: -1, published: nil)
  private var firstLine = 0
  private var documentOpen = false
  @exclusivity(unchecked) private var currentToken: [UInt8] = []
  @exclusivity(unchecked) private var currentIDs = FigureIDSet()

  // Observations.
  @exclusivity(unchecked) private var keys: [ObservationKey] = []
  @exclusivity(unchecked) private var observationIndex = ObservationKeyIndex()
  @exclusivity(unchecked) private var observations: [ObservationSlot] = []
  /// (observation, outlet) pairs for outlets past the first 64 (see `ObservationSlot`).
  @exclusivity(unchecked) private var observationOutlets = Set<UInt64>()
  @exclusivity(unchecked) private var groups = InternTable()

  @exclusivity(unchecked) private var spill: IDSpill
  private var usedCuration = Set<String>()
  /// Told of the figures read, if set.
  public var progress: ProgressMeter?
  private var bytesBefore = 0
  public private(set) var summary = NormalizeSummary()

  public init(
    options: NormalizeOptions = NormalizeOptions(), curation: Curation = Curation(),
    documents list: DocumentList = DocumentList(), warnings: WarningCollector, dataset: DatasetDirectory
  ) throws(NormalizationError) {
    self.options = options
    self.curation = curation
    self.warnings = warnings
    spill = IDSpill(path: "\(dataset.temporaryPath)/.figure-ids", budget: options.idMemoryBudget)
    ledger = try DocumentLedger(list: list, dataset: dataset, hxl: options.hxl, budget: options.idMemoryBudget)
  }

  // The figures of the document being read: a pool of records reused from one document to the
  // next, so reading allocates nothing per figure once the pool has grown to the largest
  // document.
  private let pool = RecordPool()
  @exclusivity(unchecked) private var pooled = 0
  // Scratch space for settling a document, reused from one to the next.
  @exclusivity(unchecked) private var coded: [Int] = []
  @exclusivity(unchecked) private var bounds: [FigureBounds] = []
  @exclusivity(unchecked) private var order: [Int] = []
  @exclusivity(unchecked) private var codedKeys: [(a: UInt64, b: UInt64)] = []
  /// What the loads that warm the caches read (kept, so that they are not optimized away).
  private var touchedSum: Int32 = 0
  private var figuresOfDocument = 0

  /// Reads every figure of `input`, writing each to the figures table writers once its
  /// document is complete.
  public func add(_ input: FigureInput, to sink: TableSink) throws(NormalizationError) {
    let before = bytesBefore
    defer { bytesBefore += input.bytesRead }
    while true {
      progress?.update(items: summary.figures + pooled, bytes: before + input.bytesRead)
      if pooled == pool.capacity { pool.grow() }
      guard try input.next(into: &pool[pooled]) else { break }
      let location = SourceLocation(file: input.file, line: input.line)
      pool[pooled].review = nil
      if !curation.isEmpty, let id = pool[pooled].string(.id), let entry = curation.entries[id] {
        usedCuration.insert(id)
        pool[pooled].review = try curation.apply(entry, to: &pool[pooled])
      }
      let sameDocument =
        documentOpen
        && pool[pooled].withTokenInPlace(.doc) { t in currentToken.withUnsafeBufferPointer { bytesEqual(t, $0) } }
      if !sameDocument {
        // The record opens a new document: settle the one before (its records are
        // pool[0..<pooled]), then move the record to the front of the pool.
        let k = pooled
        try completeDocument(sink)
        pool.swapAt(0, k)
        pooled = 0
        try enterDocument(at: location)
      }
      try checkDuplicate(at: location)
      pooled += 1
    }
    try completeDocument(sink)
    try closeDocument()
  }

  private func closeDocument() throws(NormalizationError) {
    guard documentOpen else { return }
    documentOpen = false
    try ledger.close(figures: figuresOfDocument, firstLine: firstLine)
    figuresOfDocument = 0
  }

  /// Opens the document of the first pooled record (the ledger finds a document seen before,
  /// with others between).
  private func enterDocument(at location: SourceLocation) throws(NormalizationError) {
    try closeDocument()
    currentToken.removeAll(keepingCapacity: true)
    pool[0].withTokenInPlace(.doc) { currentToken.append(contentsOf: $0) }
    if pool[0].escaped[FigureField.doc.rawValue] {
      let id = currentToken.withUnsafeBufferPointer { decodeJSONString($0) }
      facts = try id.withUnsafeBufferPointer { p throws(NormalizationError) in try ledger.open(p, at: location) }
    } else {
      facts = try currentToken.withUnsafeBufferPointer { t throws(NormalizationError) in
        try ledger.open(UnsafeBufferPointer(rebasing: t[1..<(t.count - 1)]), at: location)
      }
    }
    documentOpen = true
    firstLine = location.line ?? 0
    currentIDs.removeAll()
  }

  /// A figure id repeated within its document (the record just read). (64-bit hashes of the
  /// ids: a false alarm needs a collision within one document.)
  private func checkDuplicate(at location: SourceLocation) throws(NormalizationError) {
    let h = pool[pooled].withTokenInPlace(.id) { t in byteHash(t) }
    if !currentIDs.insert(h) {
      throw .duplicateFigure(location, id: pool[pooled].string(.id) ?? "")
    }
  }

  /// Settles the pooled document and writes out the figures table's buffers when they are full.
  private func completeDocument(_ sink: TableSink) throws(NormalizationError) {
    try settleDocument(sink)
    try sink.flush(whenFull: true)
  }

  /// Decides the role of each figure of the pooled document, merges its facts into their
  /// observations and appends its figures' rows to the sink's buffers.
  private func settleDocument(_ sink: TableSink) throws(NormalizationError) {
    guard pooled > 0, documentOpen else { return }
    figuresOfDocument += pooled
    summary.figures += pooled
    coded.removeAll(keepingCapacity: true)
    bounds.removeAll(keepingCapacity: true)
    codedKeys.removeAll(keepingCapacity: true)
    // Observations are spread over more memory than the caches hold, and a document's figures
    // mostly belong to different ones: each figure's key slot, then its observation, is first
    // read in a loop of independent loads, which the processor overlaps, before the loops that
    // use them (measured for issue 3: the misses were a sixth of a run, taken one at a time).
    var touched: Int32 = 0
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
        codedKeys.append(observationKey(k))
        coded.append(k)
        bounds.append(
          FigureBounds(
            value: pool[k].value, low: pool[k].low, high: pool[k].high, qualifier: pool[k].qualifier,
            tolerance: options.approximateTolerance))
      }
    }
    for key in codedKeys { touched &+= observationIndex.peek(key.a, key.b) }
    for j in coded.indices { pool[coded[j]].observation = observationFor(coded[j], key: codedKeys[j]) }
    for k in coded { touched &+= Int32(truncatingIfNeeded: observations[Int(pool[k].observation)].accumulator.documents) }
    touchedSum &+= touched
    // Per observation, largest number first: the figures that can all be true together with
    // the largest are the fact; a smaller one that cannot is read as a part of it. Equal
    // numbers go in the order of the text (span), not of the input, so that the figures of a
    // document may come in any order.
    order.removeAll(keepingCapacity: true)
    order.append(contentsOf: coded.indices)
    order.sort { x, y in
      let a = pool[coded[x]].observation
      let b = pool[coded[y]].observation
      if a != b { return a < b }
      let u = bounds[x].reference
      let v = bounds[y].reference
      if u != v { return u > v }
      let (ps, qs) = (pool[coded[x]].start, pool[coded[y]].start)
      if ps != qs { return ps < qs }
      let (pe, qe) = (pool[coded[x]].end, pool[coded[y]].end)
      if pe != qe { return pe < qe }
      return x < y
    }
    var start = 0
    while start < order.count {
      let o = pool[coded[order[start]]].observation
      var end = start
      while end < order.count && pool[coded[order[end]]].observation == o { end += 1 }
      var together = Interval.all
      var contribution = DocumentContribution()
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
      let outlet = facts.outlet
      // A document without an outlet is a source of its own, new to every observation it
      // reports: only named outlets need remembering (so memory does not grow per document).
      let newOutlet: Bool
      if outlet < 0 {
        newOutlet = true
      } else if outlet < 64 {
        newOutlet = observations[Int(o)].outletBits & (1 << UInt64(outlet)) == 0
        observations[Int(o)].outletBits |= 1 << UInt64(outlet)
      } else {
        newOutlet =
          observationOutlets.insert(UInt64(UInt32(bitPattern: o)) << 32 | UInt64(UInt32(bitPattern: outlet))).inserted
      }
      observations[Int(o)].accumulator.add(
        contribution, newOutlet: newOutlet, published: facts.published, order: Int(facts.order),
        rule: options.rule)
      start = end
    }
    // Written in input order; the ids of facts go to their observations.
    for k in 0..<pooled {
      let o = Int(pool[k].observation)
      if pool[k].role == .fact {
        observations[o].accumulator.figures += 1
        try pool[k].withIDText { text throws(NormalizationError) in
          observations[o].idBytes += text.count + 1
          do throws(InputError) {
            try spill.add(observation: Int32(o), id: text)
          } catch {
            throw .input(error)
          }
        }
      }
      pool[k].appendRows(observation: o >= 0 ? observations[o].id : nil, to: sink)
    }
    pooled = 0
  }

  /// The key of the pooled record `k` as two integers.
  private func observationKey(_ k: Int) -> (a: UInt64, b: UInt64) {
    let group: UInt64 = pool[k].has(.group) ? UInt64(pool[k].withTokenInPlace(.group) { groups.intern($0) }) + 1 : 0
    var a = UInt64(pool[k].indicator.ordinal)
    a |= UInt64(pool[k].modality == .planned ? 1 : 0) << 5
    a |= UInt64(pool[k].unit.ordinal) << 6
    a |= UInt64(pool[k].per.map { $0 == .day ? 1 : 2 } ?? 0) << 8
    a |= group << 10
    return (a, ObservationKey.pack(pool[k].date) << 32 | ObservationKey.pack(pool[k].periodStart))
  }

  /// The observation of the pooled record `k` (whose key is `key`), created when new.
  private func observationFor(_ k: Int, key: (a: UInt64, b: UInt64)) -> Int32 {
    return observationIndex.find(key.a, key.b) {
      let o = Int32(keys.count)
      var readable = ObservationKey()
      readable.group = pool[k].string(.group)
      readable.indicator = pool[k].indicator
      readable.modality = pool[k].modality
      readable.unit = pool[k].unit
      readable.per = pool[k].per
      readable.date = pool[k].date
      readable.periodStart = pool[k].periodStart
      keys.append(readable)
      observations.append(ObservationSlot(id: readable.stableID))
      return o
    }
  }

  /// Writes the observations and documents tables, the schemas and the package descriptor.
  public func finish(into dir: DatasetDirectory) throws(NormalizationError) {
    try writeObservations(dir)
    summary.documents = try ledger.finish(warnings: warnings)
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
  }

  /// The observations in output order: indicator (codebook order), group, modality, unit,
  /// rate, date, period; compared as integers.
  private func outputOrder() -> [Int] {
    let groupNames = Set(keys.compactMap(\.group)).sorted()
    let rank = Dictionary(uniqueKeysWithValues: groupNames.enumerated().map { ($1, UInt64($0 + 1)) })
    let units = CountUnit.allCases.map(\.rawValue).sorted()
    let sortKeys: [(UInt64, UInt64, UInt64)] = keys.map { k in
      var a = UInt64(k.indicator.ordinal) << 58
      a |= (k.group.flatMap { rank[$0] } ?? 0) << 27
      a |= UInt64(k.modality == .actual ? 0 : 1) << 26
      a |= UInt64(units.firstIndex(of: k.unit.rawValue)!) << 24
      a |= UInt64(k.per.map { $0 == .day ? 1 : 2 } ?? 0) << 22
      return (a, ObservationKey.pack(k.date), ObservationKey.pack(k.periodStart))
    }
    return keys.indices.sorted { sortKeys[$0] < sortKeys[$1] }
  }

  private func writeObservations(_ dir: DatasetDirectory) throws(NormalizationError) {
    let order = outputOrder()
    let layout = TableLayout.observations
    let sink = try TableSink(dir, layout, hxl: options.hxl)
    let rule = Array(options.rule.rawValue.utf8)
    // Observations a chunk at a time, each chunk's figure ids gathered into one buffer. When
    // the ids went to disk and make many chunks, one pass first sorts them into a file per
    // chunk, so each chunk reads only its own (see IDSpill); a few chunks each read the whole
    // spill instead, which costs less than writing it again (measured for issue 3: the sorting
    // pass was a twentieth of a run of 1M figures, which makes two chunks).
    var chunks: [Range<Int>] = []
    var position = 0
    while position < order.count {
      var end = position
      var bytes = 0
      while end < order.count && (end == position || bytes + observations[order[end]].idBytes <= options.idMemoryBudget) {
        bytes += observations[order[end]].idBytes
        end += 1
      }
      chunks.append(position..<end)
      position = end
    }
    var buckets: [IDSpill] = []
    if chunks.count > NormalizeOptions.chunksReadWhole {
      var chunkOf = [Int32](repeating: 0, count: keys.count)
      for (c, range) in chunks.enumerated() { for i in order[range] { chunkOf[i] = Int32(c) } }
      do { buckets = try spill.partition(chunkOf: chunkOf, count: chunks.count) } catch { throw .input(error) }
    }
    defer { for k in buckets.indices { buckets[k].remove() } }
    var slot = [Int32](repeating: -1, count: keys.count)
    var ids: [UInt8] = []
    for (c, range) in chunks.enumerated() {
      var starts: [Int] = []
      var offset = 0
      for (k, i) in order[range].enumerated() {
        slot[i] = Int32(k)
        starts.append(offset)
        offset += observations[i].idBytes
      }
      starts.append(offset)
      do {
        try (buckets.isEmpty ? spill : buckets[c]).gather(slot: slot, starts: starts, into: &ids)
      } catch {
        throw .input(error)
      }
      for (k, i) in order[range].enumerated() {
        slot[i] = -1
        // Each id was counted with the space after it; the last has none.
        let list = ids[starts[k]..<max(starts[k], starts[k + 1] - 1)]
        appendObservation(i, ids: list, rule: rule, csv: &sink.csvOut, json: &sink.jsonOut)
        try sink.flush(whenFull: true)
      }
    }
    try sink.flush()
    summary.observations = order.count
  }

  /// One row of the observations table, as CSV and as JSON, in the layout's column order.
  private func appendObservation(
    _ i: Int, ids: ArraySlice<UInt8>, rule: [UInt8], csv: inout [UInt8], json: inout [UInt8]
  ) {
    let k = keys[i]
    let a = observations[i].accumulator
    let (value, bounds) = a.result(options.rule)
    if a.conflict { summary.conflicts += 1 }
    var row = ObservationRow()
    swap(&row.csv, &csv)
    swap(&row.json, &json)
    defer {
      swap(&row.csv, &csv)
      swap(&row.json, &json)
    }
    row.raw("id", observations[i].id.bytes)
    row.text("indicator", k.indicator.rawValue)
    row.text("group", k.group)
    row.text("modality", k.modality.rawValue)
    row.text("unit", k.unit.rawValue)
    row.text("per", k.per?.rawValue)
    row.date("date", k.date)
    row.date("period_start", k.periodStart)
    row.number("value", value)
    row.number("low", bounds.lowValue)
    row.number("high", bounds.highValue)
    row.number("figures", Double(a.figures))
    row.number("documents", Double(a.documents))
    row.number("sources", Double(a.sources))
    row.literal("conflict", a.conflict ? "true" : "false")
    row.raw("reconcile", rule)
    row.date("first_published", a.firstPublished.map { ReportedDate($0) })
    row.date("last_published", a.lastPublished.map { ReportedDate($0) })
    row.bytes("figure_ids", ids)
    row.finish()
  }

  /// Runs a whole normalization: figures from `inputs` (paths, `-` for standard input) into
  /// the dataset directory `output`, which appears only if every step succeeds.
  public static func run(
    inputs: [String], output: String, options: NormalizeOptions, curation: Curation,
    documents: DocumentList, warnings: WarningCollector, progress: ProgressMeter? = nil
  ) throws(NormalizationError) -> NormalizeSummary {
    let dir = try DatasetDirectory(path: output)
    do throws(NormalizationError) {
      let normalizer = try Normalizer(
        options: options, curation: curation, documents: documents, warnings: warnings, dataset: dir)
      normalizer.progress = progress
      defer { progress?.finish() }
      let figures = try TableSink(dir, TableLayout.figures, hxl: options.hxl)
      for path in inputs {
        try normalizer.add(FigureInput(path: path), to: figures)
      }
      try figures.flush()
      try normalizer.finish(into: dir)
      try dir.commit()
      return normalizer.summary
    } catch {
      dir.discard()
      throw error
    }
  }
}

/// A table being written: CSV (and, for HDX, a copy with the hashtag row) and JSON Lines,
/// rows gathered in two buffers and written in large blocks.
public final class TableSink {
  let csv: ByteWriter
  let jsonl: ByteWriter
  let hxl: ByteWriter?
  /// Rows of the observations and documents tables, written out by `flush`. (The figures
  /// table's rows go straight into the writers' buffers: `FigureRecord.appendRows`.)
  var csvOut: [UInt8] = []
  var jsonOut: [UInt8] = []
  /// Scratch space for a row that is built before it is copied to the writers.
  var scratch: [UInt8] = []

  let layout: TableLayout
  /// The dataset directory, for messages.
  let directory: String

  init(_ dir: DatasetDirectory, _ layout: TableLayout, hxl withHXL: Bool) throws(NormalizationError) {
    self.layout = layout
    directory = dir.path
    csv = try dir.create("\(layout.name).csv", direct: true)
    jsonl = try dir.create("\(layout.name).jsonl", direct: true)
    hxl = withHXL ? try dir.create("\(layout.name).hxl.csv", direct: true) : nil
    try writeHeaders()
  }

  private func writeHeaders() throws(NormalizationError) {
    do {
      try hxl?.write(layout.csvHeader + DatasetDescriptors.hxlRow(layout))
      try csv.write(layout.csvHeader)
    } catch {
      throw .input(error)
    }
  }

  /// Drops every row written so far, buffered or in the files, to write the table anew.
  func restart() throws(NormalizationError) {
    csvOut.removeAll(keepingCapacity: true)
    jsonOut.removeAll(keepingCapacity: true)
    do {
      for w in [csv, jsonl] + (hxl.map { [$0] } ?? []) { try w.rewind() }
    } catch {
      throw .input(error)
    }
    try writeHeaders()
  }

  /// Writes the buffered rows (with `whenFull`, only past 128 KB of CSV: small enough that
  /// the buffers stay in the core's cache), and the writers' full blocks.
  func flush(whenFull: Bool = false) throws(NormalizationError) {
    do {
      try csv.drain()
      try hxl?.drain()
      try jsonl.drain()
    } catch {
      throw .input(error)
    }
    if whenFull && csvOut.count < 1 << 17 { return }
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
}

/// Writes one table row as CSV and JSON at once, straight to bytes.
struct ObservationRow {
  var csv: [UInt8] = []
  var json: [UInt8] = []
  private var first = true

  private mutating func key(_ name: StaticString) {
    json.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
    json.append(0x22)
    json.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    json.append(contentsOf: "\":".utf8)
    if !first { csv.append(0x2C) }
    first = false
  }

  mutating func raw(_ name: StaticString, _ b: [UInt8]) {
    key(name)
    csv.append(contentsOf: b)
    json.append(0x22)
    json.append(contentsOf: b)
    json.append(0x22)
  }

  mutating func text(_ name: StaticString, _ s: String?) {
    key(name)
    guard let s else { return json.append(contentsOf: "null".utf8) }
    CSVFormat.appendField(s.utf8, to: &csv)
    var j = JSONEncoderBytes()
    swap(&j.bytes, &json)
    j.string(s)
    swap(&j.bytes, &json)
  }

  mutating func bytes(_ name: StaticString, _ b: ArraySlice<UInt8>) {
    key(name)
    // (A list of figure ids: checked eight bytes at a time, it is most of the table.)
    let plain = b.withUnsafeBufferPointer { p in
      CSVFormat.appendField(p, to: &csv)
      let i = p.baseAddress.map { skipPlainJSONStringBytes($0, from: 0, count: p.count) } ?? 0
      return !p[i...].contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
    }
    if plain {
      json.append(0x22)
      json.append(contentsOf: b)
      json.append(0x22)
    } else {
      var j = JSONEncoderBytes()
      swap(&j.bytes, &json)
      j.string(String(decoding: b, as: UTF8.self))
      swap(&j.bytes, &json)
    }
  }

  mutating func number(_ name: StaticString, _ v: Double?) {
    key(name)
    if let v {
      appendNumber(v, to: &csv)
      appendNumber(v, to: &json)
    } else {
      json.append(contentsOf: "null".utf8)
    }
  }

  mutating func literal(_ name: StaticString, _ word: StaticString) {
    key(name)
    let b = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    csv.append(contentsOf: b)
    json.append(contentsOf: b)
  }

  mutating func date(_ name: StaticString, _ d: ReportedDate?) {
    key(name)
    guard let d else { return json.append(contentsOf: "null".utf8) }
    d.appendISO(to: &csv)
    json.append(0x22)
    d.appendISO(to: &json)
    json.append(0x22)
  }

  mutating func finish() {
    csv.append(0x0A)
    json.append(contentsOf: "}\n".utf8)
  }
}

/// The records of the document being read, in memory the normalizer owns: a record is read
/// and written in place (through an array held by a class, each access to an element copied
/// the record, retaining and releasing its buffer: a tenth of a run, measured for issue 3).
final class RecordPool {
  private(set) var capacity = 16
  private var base: UnsafeMutablePointer<FigureRecord>

  init() {
    base = .allocate(capacity: capacity)
    base.initialize(repeating: FigureRecord(), count: capacity)
  }

  deinit {
    base.deinitialize(count: capacity)
    base.deallocate()
  }

  subscript(_ k: Int) -> FigureRecord {
    unsafeAddress {
      precondition(k >= 0 && k < capacity)
      return UnsafePointer(base + k)
    }
    unsafeMutableAddress {
      precondition(k >= 0 && k < capacity)
      return base + k
    }
  }

  /// Doubles the number of records.
  func grow() {
    let more = UnsafeMutablePointer<FigureRecord>.allocate(capacity: capacity * 2)
    more.moveInitialize(from: base, count: capacity)
    (more + capacity).initialize(repeating: FigureRecord(), count: capacity)
    base.deallocate()
    base = more
    capacity *= 2
  }

  func swapAt(_ i: Int, _ j: Int) {
    precondition(i >= 0 && i < capacity && j >= 0 && j < capacity)
    if i != j { swap(&base[i], &base[j]) }
  }
}

/// The key of an observation, readable, for output (the normalizer looks it up as two integers).
struct ObservationKey {
  var indicator = Indicator.other
  var group: String? = nil
  var modality = Modality.actual
  var unit = CountUnit.people
  var per: FigureRecord.RatePer? = nil
  var date: ReportedDate? = nil
  var periodStart: ReportedDate? = nil

  /// A date as 32 bits: 0 for none.
  static func pack(_ d: ReportedDate?) -> UInt64 {
    guard let d else { return 0 }
    return UInt64(d.day.dayNumber + 4_000_000) << 2 | UInt64(d.precision.rawValue) + 1
  }

  /// The observation's id: the first 16 hex digits of the SHA-256 of the key's fields (dates
  /// in ISO 8601, a missing field empty) joined by U+001F. Written as bytes: building the
  /// strings took a twentieth of a normalize run.
  var stableID: ObservationID {
    var text: [UInt8] = []
    text.reserveCapacity(128)
    text.append(contentsOf: indicator.rawValue.utf8)
    text.append(0x1F)
    if let group { text.append(contentsOf: group.utf8) }
    text.append(0x1F)
    text.append(contentsOf: modality.rawValue.utf8)
    text.append(0x1F)
    text.append(contentsOf: unit.rawValue.utf8)
    text.append(0x1F)
    if let per { text.append(contentsOf: per.rawValue.utf8) }
    text.append(0x1F)
    date?.appendISO(to: &text)
    text.append(0x1F)
    periodStart?.appendISO(to: &text)
    return ObservationID(digest: SHA256.hash(data: text))
  }
}

/// The figure ids behind each observation, kept in memory up to a budget and then appended
/// to a temporary file, so that a run over any number of figures holds a bounded amount.
/// At the end the observations are written a chunk at a time: each chunk's ids are gathered
/// by one pass over the file.
struct IDSpill {
  private var file: ScratchFile

  init(path: String, budget: Int) {
    file = ScratchFile(path: path, budget: max(64, budget))
  }

  mutating func add(observation o: Int32, id: UnsafeBufferPointer<UInt8>) throws(InputError) {
    // The six bytes before the id as one word (little-endian: the observation, then the
    // length), the record appended in one step (three appends were 1% of a run).
    let n = min(id.count, 65535)
    let header = UInt64(UInt32(bitPattern: o)) | UInt64(n) << 32
    try file.append(header: header.littleEndian, count: 6, bytes: UnsafeBufferPointer(rebasing: id[0..<n]))
  }

  mutating func flushToDisk() throws(InputError) { try file.spill() }

  /// Splits the ids into one spill per chunk of observations (`chunkOf[o]`), in one pass.
  func partition(chunkOf: [Int32], count: Int) throws(InputError) -> [IDSpill] {
    var parts = (0..<count).map { IDSpill(path: "\(file.path).\($0)", budget: 1 << 16) }
    var failure: InputError? = nil
    try scanAll { p in
      var i = 0
      while i + 6 <= p.count {
        let o = Int(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt32.self)))
        let n = Int(UInt16(littleEndian: p.loadUnaligned(fromByteOffset: i + 4, as: UInt16.self)))
        guard i + 6 + n <= p.count else { break }
        if failure == nil {
          let id = UnsafeBufferPointer(start: p.baseAddress!.advanced(by: i + 6).assumingMemoryBound(to: UInt8.self), count: n)
          do throws(InputError) {
            try parts[Int(chunkOf[o])].add(observation: Int32(o), id: id)
          } catch {
            failure = error
          }
        }
        i += 6 + n
      }
      return i
    }
    if let failure { throw failure }
    // Each part's last ids to its file, so that all of them are read from disk alike.
    for k in parts.indices { try parts[k].flushToDisk() }
    return parts
  }

  /// Copies the ids of the observations with `slot[o] >= 0` into `buffer`, each observation's
  /// ids at `starts[slot]`, in input order, separated by spaces: one pass over the spill.
  func gather(slot: [Int32], starts: [Int], into buffer: inout [UInt8]) throws(InputError) {
    buffer.removeAll(keepingCapacity: true)
    buffer.append(contentsOf: repeatElement(0x20, count: starts.last ?? 0))
    var cursor = Array(starts.dropLast())
    var failure: InputError? = nil
    buffer.withUnsafeMutableBufferPointer { out in
      cursor.withUnsafeMutableBufferPointer { cursor in
        slot.withUnsafeBufferPointer { slot in
          func scan(_ p: UnsafeRawBufferPointer) -> Int {
            var i = 0
            while i + 6 <= p.count {
              let o = Int(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt32.self)))
              let n = Int(UInt16(littleEndian: p.loadUnaligned(fromByteOffset: i + 4, as: UInt16.self)))
              guard i + 6 + n <= p.count else { break }
              let s = Int(slot[o])
              if s >= 0 {
                (out.baseAddress! + cursor[s]).update(
                  from: p.baseAddress!.advanced(by: i + 6).assumingMemoryBound(to: UInt8.self), count: n)
                cursor[s] += n + 1
              }
              i += 6 + n
            }
            return i
          }
          do throws(InputError) { try scanAll(scan) } catch { failure = error }
        }
      }
    }
    if let failure { throw failure }
  }

  /// Runs `scan` over the spilled records, then those still in memory.
  private func scanAll(_ scan: (UnsafeRawBufferPointer) -> Int) throws(InputError) { try file.scan(scan) }

  mutating func remove() { file.remove() }
}
