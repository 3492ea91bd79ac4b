/// The documents of a normalize run: what merging needs of each (its order, outlet and day of
/// publication), how many figures each has, and the documents table.
///
/// Memory does not grow with the number of documents in the usual case, where the figures
/// come in the order of the documents table (as `extract` writes both), or where no table is
/// given:
/// - *aligned*: the documents table is read alongside the figures, each document's entry found
///   by reading on, and its row written as soon as its figures are counted (a document the
///   figures pass over has none); the list is read once (reading it again at the end cost a
///   tenth of a normalize run, measured for issue 3). A document listed twice is found at
///   the end, by an external sort of the ids (`RepeatFinder`).
/// - *unlisted*: no documents table; each document is its own source, and the ids and counts
///   go to a temporary file in input order; a document whose figures come in two places is
///   found at the end by the same external sort.
/// - *indexed*: figures that do not follow the table's order (a document the reading-on did
///   not find) switch the run, once, to an index of every listed document in memory, which
///   takes any order. The rows written so far are dropped, and the table is written at the
///   end from the index.
final class DocumentLedger {
  /// What merging needs of a document.
  struct Facts {
    /// Its place: the documents table's order, then the order of the figures (for `latest`).
    var order: Int32
    /// Its outlet's number, or a negative number of its own when it names none.
    var outlet: Int32
    var published: CivilDate?
  }

  private enum Mode { case unlisted, aligned, indexed }
  private var mode: Mode
  private let list: DocumentList
  private let scratch: String
  private let budget: Int
  /// Outlet names to their numbers.
  private var outlets = InternTable()
  /// The figure files, numbered for the repeat finder's records.
  private var sources: [String] = []
  private var isOpen = false
  /// The documents table.
  private let rows: TableSink
  private var written = 0

  // Aligned: the list read alongside, the open document's entry, and (position, figures,
  // first line) per document with figures (for a switch to the index).
  private var cursor: DocumentReader?
  private var position: Int32 = -1
  /// The open document's entry in the list (a `.line` is the line the cursor last kept).
  private var entry: DocumentReader.Listed?
  private var counts: ScratchFile
  /// The documents table's files, for the repeat finder's records.
  private var listFiles: [String] = []

  // Unlisted: (id, figures) per document in input order, and the ids for the repeat check.
  private var unlistedCount: Int32 = 0
  private var unlisted: ScratchFile
  private var seen: RepeatFinder
  private var currentID: [UInt8] = []

  // Indexed: a few bytes per document.
  /// 40 bytes: the publication day is kept as its day number (a `CivilDate?` would take 32).
  private struct DocumentState {
    var id: String
    var outlet: Int32
    private var publishedDay: Int32
    var figures: Int32 = 0
    var firstLine: Int32 = 0
    var closed = false
    var listed: Bool

    init(id: String, outlet: Int32, published: CivilDate?, listed: Bool) {
      self.id = id
      self.outlet = outlet
      publishedDay = published.map { Int32(clamping: $0.dayNumber) } ?? .min
      self.listed = listed
    }

    var published: CivilDate? { publishedDay == .min ? nil : CivilDate(dayNumber: Int(publishedDay)) }
  }
  private var documents: [DocumentState] = []
  private var documentIndex: [String: Int32] = [:]
  /// The open document's index.
  private var current: Int32 = -1

  init(list: DocumentList, dataset dir: DatasetDirectory, hxl: Bool, budget: Int) throws(NormalizationError) {
    self.list = list
    scratch = dir.temporaryPath
    self.budget = budget
    rows = try TableSink(dir, TableLayout.documents, hxl: hxl)
    mode = list.isEmpty ? .unlisted : .aligned
    cursor = list.isEmpty ? nil : DocumentReader(list)
    counts = ScratchFile(path: "\(scratch)/.document-counts", budget: min(budget, 1 << 20))
    unlisted = ScratchFile(path: "\(scratch)/.documents", budget: min(budget, 1 << 20))
    seen = RepeatFinder(path: "\(scratch)/.document-ids", budget: budget / 4)
  }

  private func outlet(named name: String?, else own: Int32) -> Int32 {
    guard var name else { return -1 - own }
    return name.withUTF8 { outlet(bytes: $0, else: own) }
  }

  private func outlet(bytes name: UnsafeBufferPointer<UInt8>?, else own: Int32) -> Int32 {
    // A document without an outlet counts as its own source (a negative number, which no
    // outlet name can take).
    guard let name else { return -1 - own }
    return outlets.intern(name)
  }

  /// Opens the document whose figures start at `location`. In the indexed mode, a document
  /// whose figures came before, with others between, is an error here; in the others it is
  /// found by `finish`.
  func open(_ id: UnsafeBufferPointer<UInt8>, at location: SourceLocation) throws(NormalizationError) -> Facts {
    precondition(!isOpen, "a document is already open")
    isOpen = true
    switch mode {
    case .unlisted:
      let order = unlistedCount
      unlistedCount += 1
      currentID = Array(id)
      if sources.last != location.file { sources.append(location.file) }
      do {
        try currentID.withUnsafeBufferPointer { p throws(InputError) in
          try seen.add(p, source: sources.count - 1, line: location.line ?? 0)
        }
      } catch {
        throw .input(error)
      }
      return Facts(order: order, outlet: -1 - order, published: nil)
    case .aligned:
      while let listed = try cursor!.nextListed(keepingLines: true) {
        position += 1
        guard try noteListed(listed, matching: id) else {
          try addRow(listed, figures: 0)
          continue
        }
        entry = listed
        switch listed {
        case .line:
          let line = cursor!.line
          let o = line.withField(1) { name in outlet(bytes: name, else: position) }
          return Facts(order: position, outlet: o, published: line.published)
        case .record(let record, _):
          return Facts(order: position, outlet: outlet(named: record.outlet, else: position), published: record.published)
        }
      }
      try switchToIndex()
      return try openIndexed(String(decoding: id, as: UTF8.self), at: location)
    case .indexed:
      return try openIndexed(String(decoding: id, as: UTF8.self), at: location)
    }
  }

  private func openIndexed(_ id: String, at location: SourceLocation) throws(NormalizationError) -> Facts {
    let i: Int32
    if let known = documentIndex[id] {
      i = known
      if documents[Int(i)].closed {
        throw .scatteredDocument(location, document: id, firstLine: Int(documents[Int(i)].firstLine))
      }
    } else {
      i = Int32(documents.count)
      documents.append(DocumentState(id: id, outlet: outlet(named: nil, else: i), published: nil, listed: false))
      documentIndex[id] = i
    }
    documents[Int(i)].firstLine = Int32(clamping: location.line ?? 0)
    current = i
    let d = documents[Int(i)]
    return Facts(order: i, outlet: d.outlet, published: d.published)
  }

  /// The figures read in the aligned mode did not follow the documents table: index every
  /// listed document, then carry over the counts of the documents already read.
  private func switchToIndex() throws(NormalizationError) {
    mode = .indexed
    cursor = nil
    entry = nil
    try rows.restart()
    written = 0
    var firstSeen: [SourceLocation] = []
    try list.forEach { d, location throws(NormalizationError) in
      if let earlier = documentIndex[d.id] {
        throw .documentListedTwice(location, document: d.id, first: firstSeen[Int(earlier)])
      }
      let i = Int32(documents.count)
      documents.append(
        DocumentState(id: d.id, outlet: outlet(named: d.outlet, else: i), published: d.published, listed: true))
      documentIndex[d.id] = i
      firstSeen.append(location)
    }
    do {
      try counts.forEachRecord(fields: 3) { r in
        documents[Int(r[0])].figures = Int32(clamping: r[1])
        documents[Int(r[0])].firstLine = Int32(clamping: r[2])
        documents[Int(r[0])].closed = true
      }
    } catch {
      throw .input(error)
    }
    counts.remove()
  }

  /// Closes the open document, which had `figures` figures, the first on `line`.
  func close(figures: Int, firstLine line: Int) throws(NormalizationError) {
    guard isOpen else { return }
    isOpen = false
    do throws(InputError) {
      switch mode {
      case .unlisted:
        try unlisted.append(UInt32(currentID.count))
        try unlisted.append(bytes: currentID)
        try unlisted.append(UInt32(clamping: figures))
      case .aligned:
        try counts.append(UInt32(position))
        try counts.append(UInt32(clamping: figures))
        try counts.append(UInt32(clamping: line))
      case .indexed:
        documents[Int(current)].figures += Int32(clamping: figures)
        documents[Int(current)].closed = true
      }
    } catch {
      throw .input(error)
    }
    if let e = entry {
      entry = nil
      try addRow(e, figures: figures)
    }
  }

  /// Appends the row of a listed document, its figure count set to `figures`.
  private func addRow(_ listed: DocumentReader.Listed, figures: Int) throws(NormalizationError) {
    switch listed {
    case .record(let record, _):
      try addRow(record, figures: figures)
    case .line:
      cursor!.line.appendRows(figures: figures, csv: &rows.csvOut, json: &rows.jsonOut)
      written += 1
      try rows.flush(whenFull: true)
    }
  }

  /// Appends a row to the documents table, its figure count set to `figures`.
  private func addRow(_ record: DocumentRecord, figures: Int) throws(NormalizationError) {
    var record = record
    record.figures = figures
    record.appendRows(csv: &rows.csvOut, json: &rows.jsonOut)
    written += 1
    try rows.flush(whenFull: true)
  }

  /// Remembers a listed document's id for the check, at the end, that none is listed twice.
  /// Returns whether its id is `id`.
  private func noteListed(
    _ listed: DocumentReader.Listed, matching id: UnsafeBufferPointer<UInt8>?
  ) throws(NormalizationError) -> Bool {
    func note(_ listedID: UnsafeBufferPointer<UInt8>, _ location: SourceLocation) throws(NormalizationError) -> Bool {
      // Only the name of each file is kept; records in memory are named by their id.
      if listFiles.last != location.file { listFiles.append(location.file) }
      do {
        try seen.add(listedID, source: listFiles.count - 1, line: location.line ?? 0)
      } catch {
        throw .input(error)
      }
      return id.map { bytesEqual($0, listedID) } ?? false
    }
    switch listed {
    case .line(let location):
      return try cursor!.line.withField(0) { p throws(NormalizationError) in try note(p!, location) }
    case .record(let record, let location):
      return try Array(record.id.utf8).withUnsafeBufferPointer { p throws(NormalizationError) in try note(p, location) }
    }
  }

  /// Writes the rest of the documents table and returns how many documents it has, after the
  /// checks that streaming leaves to the end; adds the run's warnings about documents.
  func finish(warnings: WarningCollector) throws(NormalizationError) -> Int {
    defer {
      counts.remove()
      unlisted.remove()
      seen.remove()
    }
    switch mode {
    case .unlisted:
      if let (first, second) = try repeated() {
        throw .scatteredDocument(
          SourceLocation(file: sources[second.source], line: second.line),
          document: String(decoding: second.key, as: UTF8.self), firstLine: first.line)
      }
      var reader = unlisted.makeReader()
      while true {
        let entry: (id: [UInt8], figures: UInt32)?
        do { entry = try reader.entry() } catch { throw .input(error) }
        guard let entry else { break }
        try addRow(
          DocumentRecord(
            id: String(decoding: entry.id, as: UTF8.self), outlet: nil, url: nil, published: nil, sha256: nil,
            bytes: nil, figures: 0), figures: Int(entry.figures))
      }
      if written > 0 {
        warnings.add(
          "no --documents table given: the documents table lists ids and figure counts only, each document counts as its own source, and latest follows input order",
          at: SourceLocation(file: rows.directory))
      }
    case .aligned:
      // The documents listed after the last one with figures.
      while let listed = try cursor!.nextListed(keepingLines: true) {
        _ = try noteListed(listed, matching: nil)
        try addRow(listed, figures: 0)
      }
      if let (first, second) = try repeated() {
        func at(_ o: RepeatFinder.Occurrence) -> SourceLocation {
          SourceLocation(file: listFiles[min(o.source, listFiles.count - 1)], line: o.line == 0 ? nil : o.line)
        }
        throw .documentListedTwice(at(second), document: String(decoding: second.key, as: UTF8.self), first: at(first))
      }
    case .indexed:
      // The listed documents in their order, then those only the figures named, in the order
      // they came.
      let all = DocumentReader(list)
      while let (d, _) = try all.next() {
        guard let i = documentIndex[d.id] else { continue }
        try addRow(d, figures: Int(documents[Int(i)].figures))
      }
      for d in documents where !d.listed {
        try addRow(
          DocumentRecord(id: d.id, outlet: nil, url: nil, published: d.published, sha256: nil, bytes: nil, figures: 0),
          figures: Int(d.figures))
      }
      let unlisted = documents.filter { !$0.listed }
      if let first = unlisted.first {
        warnings.add(
          "\(unlisted.count) documents have figures but are not in the documents table (first: \(first.id), line \(first.firstLine) of the figures)",
          at: SourceLocation(file: list.files.first ?? "documents"))
      }
    }
    try rows.flush()
    return written
  }

  private func repeated() throws(NormalizationError) -> (RepeatFinder.Occurrence, RepeatFinder.Occurrence)? {
    do { return try seen.firstRepeat() } catch { throw .input(error) }
  }
}
