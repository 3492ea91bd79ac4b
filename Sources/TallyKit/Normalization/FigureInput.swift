/// Reads figure records from one file or standard input, JSON Lines or CSV (told apart by the
/// first line: a JSON object starts with `{`), one record at a time into a reused
/// `FigureRecord`. Memory does not grow with the number of records.
public final class FigureInput {
  private let reader: LineReader
  public let file: String
  @exclusivity(unchecked) private var members: [JSONMember] = []  // scratch for one line
  private var csvColumns: [FigureField?]? = nil
  @exclusivity(unchecked) private var isCSV = false
  @exclusivity(unchecked) private var started = false
  /// The line the last record starts on.
  @exclusivity(unchecked) public private(set) var line = 0

  public init(path: String) throws(NormalizationError) {
    do {
      reader = try LineReader(path: path, blockSize: 1 << 17)
    } catch {
      throw .input(error)
    }
    file = path
  }

  /// Bytes read so far.
  public var bytesRead: Int { reader.bytesRead }

  /// Reads the next record into `record`; false at the end of the input.
  public func next(into record: inout FigureRecord) throws(NormalizationError) -> Bool {
    while true {
      let raw: ArraySlice<UInt8>?
      do { raw = try reader.nextLine() } catch { throw .input(error) }
      guard var bytes = raw else { return false }
      line = reader.lineNumber
      if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      if !started {
        started = true
        // Checked before the byte-order mark goes, so that columns count it, as elsewhere.
        try checkUTF8(bytes)
        // A byte-order mark (spreadsheets and some Windows tools write one) is not part of
        // the first record, in CSV or JSON Lines.
        bytes = withoutByteOrderMark(bytes)
        let k = bytes.firstIndex { $0 != 0x20 } ?? bytes.endIndex
        isCSV = k < bytes.endIndex && bytes[k] != UInt8(ascii: "{")
        if isCSV {
          try readHeader(Array(bytes[k...]))
          continue
        }
      }
      let location = SourceLocation(file: file, line: line)
      if isCSV {
        try checkUTF8(bytes)
        let fields = try csvRecord(Array(bytes))
        try record.read(csv: fields, columns: csvColumns!, at: location)
        return true
      }
      // The fast lane reads the usual line and tells whether it is all ASCII, in which case it
      // needs no UTF-8 check of its own (the first line was checked above; a second check of
      // it, when it is not ASCII, is one line's work).
      let read = bytes.withUnsafeBufferPointer { record.readCanonical($0) }
      if read != .ascii { try checkUTF8(bytes) }
      if read == .declined {
        try bytes.withUnsafeBufferPointer { p throws(NormalizationError) in
          try record.read(jsonLine: p, members: &members, at: location)
        }
      }
      return true
    }
  }

  private func checkUTF8(_ bytes: ArraySlice<UInt8>) throws(NormalizationError) {
    do { try UTF8Bytes.checkLine(bytes, at: SourceLocation(file: file, line: line)) } catch { throw .input(error) }
  }

  private func readHeader(_ bytes: [UInt8]) throws(NormalizationError) {
    let names = try csvRecord(bytes)
    var columns: [FigureField?] = []
    for (k, name) in names.enumerated() {
      let field = FigureField.allCases.first { $0.name == name }
      if field == nil && !FigureRecord.derivedColumns.contains(name) {
        throw .unknownField(SourceLocation(file: file, line: line, column: k + 1), field: name)
      }
      columns.append(field)
    }
    csvColumns = columns
  }

  /// The fields of the CSV record starting with `first`, reading more lines while a quoted
  /// field is open.
  private func csvRecord(_ first: [UInt8]) throws(NormalizationError) -> [String] {
    var bytes = first
    let startLine = line
    while bytes.reduce(0, { $0 + ($1 == 0x22 ? 1 : 0) }) % 2 == 1 {
      // The quoted field goes on past the line break, which stays as it was written.
      reader.appendLastBreak(to: &bytes)
      let more: ArraySlice<UInt8>?
      do { more = try reader.nextLine() } catch { throw .input(error) }
      guard let more else { break }
      bytes.append(contentsOf: more)
    }
    do {
      let records = try CSVReader(file: file).records(bytes)
      guard let r = records.first else { return [""] }
      return r.fields
    } catch {
      if case .malformedCSV(let l, let reason) = error {
        throw .input(.malformedCSV(SourceLocation(file: file, line: startLine + (l.line ?? 1) - 1, column: l.column), reason: reason))
      }
      throw .input(error)
    }
  }
}

/// The documents table given to normalize: records in memory, or files, read as they are
/// needed (a `DocumentReader` streams them), so that memory does not hold every document.
public struct DocumentList: Sendable {
  public var records: [DocumentRecord]
  public var files: [String]

  public init(records: [DocumentRecord] = [], files: [String] = []) {
    self.records = records
    self.files = files
  }

  public var isEmpty: Bool { records.isEmpty && files.isEmpty }

  /// Calls `body` with each document, in order.
  public func forEach(
    _ body: (DocumentRecord, SourceLocation) throws(NormalizationError) -> Void
  ) throws(NormalizationError) {
    let reader = DocumentReader(self)
    while let (record, location) = try reader.next() { try body(record, location) }
  }
}

/// Reads the documents of a `DocumentList` one at a time: the records in memory, then each
/// file (JSON Lines streamed; CSV, as `extract --documents` can write it, read whole).
public final class DocumentReader {
  private let list: DocumentList
  private var nextRecord = 0
  private var nextFile = 0
  private var lines: LineReader? = nil
  private var csv: (path: String, header: [String], records: [CSVRecord], next: Int)? = nil
  private var members: [JSONMember] = []
  /// The values of one record's fields, reused from record to record.
  private var values = [String?](repeating: nil, count: DocumentReader.fields.count)
  /// Whether a line of the current file was read (the first tells JSON Lines from CSV).
  private var sawLine = false
  public init(_ list: DocumentList) { self.list = list }

  /// The next document and where it was read (records in memory are named by their id);
  /// `nil` after the last.
  public func next() throws(NormalizationError) -> (DocumentRecord, SourceLocation)? {
    guard let listed = try nextListed(keepingLines: false) else { return nil }
    switch listed {
    case .record(let record, let location): return (record, location)
    case .line: preconditionFailure("lines are kept only when asked for")
    }
  }

  /// A document as `nextListed` reads it.
  enum Listed {
    case record(DocumentRecord, SourceLocation)
    /// A line as extract writes it, kept in `line` until the next read.
    case line(SourceLocation)
  }

  /// The line the last `.line` came from.
  private(set) var line = DocumentLine()

  /// The next document; with `keepingLines`, a JSON Lines line as extract writes it is kept
  /// as its bytes in `line` (the documents ledger's fast lane) rather than read into a record.
  func nextListed(keepingLines: Bool) throws(NormalizationError) -> Listed? {
    if nextRecord < list.records.count {
      let r = list.records[nextRecord]
      nextRecord += 1
      return .record(r, SourceLocation(file: r.id))
    }
    while true {
      if let c = csv {
        guard c.next < c.records.count else {
          csv = nil
          continue
        }
        csv!.next += 1
        let r = c.records[c.next]
        let loc = SourceLocation(file: c.path, line: r.line)
        let record = try DocumentReader.record(at: loc) { f in
          guard let k = c.header.firstIndex(of: DocumentReader.fields[f]), k < r.fields.count, !r.fields[k].isEmpty
          else { return nil }
          return r.fields[k]
        }
        return .record(record, loc)
      }
      if let reader = lines {
        if let found = try jsonRecord(reader, keepingLines: keepingLines) { return found }
        lines = nil
        continue
      }
      guard nextFile < list.files.count else { return nil }
      let path = list.files[nextFile]
      nextFile += 1
      do { lines = try LineReader(path: path) } catch { throw .input(error) }
      sawLine = false
    }
  }

  /// The next record of a JSON Lines documents table; switches to CSV when the first line is
  /// not a JSON object.
  private func jsonRecord(_ reader: LineReader, keepingLines: Bool) throws(NormalizationError) -> Listed? {
    let path = reader.name
    while true {
      let next: ArraySlice<UInt8>?
      do { next = try reader.nextLine() } catch { throw .input(error) }
      guard var line = next else { return nil }
      let loc = SourceLocation(file: path, line: reader.lineNumber)
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
      do { try UTF8Bytes.checkLine(line, at: loc) } catch { throw .input(error) }
      if !sawLine {
        sawLine = true
        line = withoutByteOrderMark(line)
        if line.first != UInt8(ascii: "{") {
          // CSV: a documents table is small beside its figures; read it whole.
          let records: [CSVRecord]
          do { records = try CSVReader(file: path).records(readFileBytes(path)) } catch { throw .input(error) }
          lines = nil
          if let header = records.first { csv = (path, header.fields, Array(records.dropFirst()), 0) }
          return try nextListed(keepingLines: keepingLines)
        }
      }
      if keepingLines, line.withUnsafeBufferPointer({ self.line.read($0) }) { return .line(loc) }
      return .record(try line.withUnsafeBufferPointer { p throws(NormalizationError) in try jsonObject(p, at: loc) }, loc)
    }
  }

  /// The fields of one JSON object (the first of a repeated key; numbers as written back),
  /// read in one pass over its members; through the fast lane first, unless `fastLane` is off.
  func jsonObject(
    _ p: UnsafeBufferPointer<UInt8>, at loc: SourceLocation, fastLane: Bool = true
  ) throws(NormalizationError) -> DocumentRecord {
    if fastLane, let record = DocumentReader.canonicalRecord(p) { return record }
    do {
      try JSONRecordScanner().members(p, into: &members)
    } catch {
      throw .input(.malformedJSON(SourceLocation(file: loc.file, line: loc.line, column: error.offset + 1), reason: error.reason))
    }
    for k in values.indices { values[k] = nil }
    var found: UInt32 = 0
    for (position, m) in members.enumerated() {
      let k: Int?
      if m.keyHasEscape {
        let key = decodeJSONString(UnsafeBufferPointer(rebasing: p[(m.key.lowerBound - 1)..<(m.key.upperBound + 1)]))
        k = key.withUnsafeBufferPointer { DocumentReader.field(named: $0) }
      } else {
        // Tables as extract writes them list the fields in the usual order: that one first.
        let key = UnsafeBufferPointer(rebasing: p[m.key])
        k = DocumentReader.field(named: key, expected: position)
      }
      guard let k, found & (1 << k) == 0 else { continue }
      found |= 1 << k
      let token = UnsafeBufferPointer(rebasing: p[m.value])
      switch m.kind {
      case .string:
        values[k] =
          m.hasEscape
          ? String(decoding: decodeJSONString(token), as: UTF8.self)
          : String(decoding: token[1..<(token.count - 1)], as: UTF8.self)
      case .number:
        // Whole numbers as written (as formatNumber would write them), others through Double.
        let digits = token.count <= 15 && token.allSatisfy { $0 &- 0x30 < 10 } && (token[0] != 0x30 || token.count == 1)
        values[k] = digits ? String(decoding: token, as: UTF8.self) : Double(String(decoding: token, as: UTF8.self)).map(formatNumber)
      default:
        break
      }
    }
    return try DocumentReader.record(at: loc) { values[$0] }
  }

  /// The documents table's columns that normalize reads, in the order `record` asks for them.
  static let fields = ["id", "outlet", "url", "published", "sha256", "bytes", "figures"]
  private static let fieldBytes = ByteTable(fields)

  /// The fast lane: a line as `extract --documents` writes it (see `DocumentLine`) read as
  /// the general reader would read it; nil for anything else, which the general reader reads
  /// (and reports what is wrong with).
  static func canonicalRecord(_ line: UnsafeBufferPointer<UInt8>) -> DocumentRecord? {
    var kept = DocumentLine()
    return kept.read(line) ? kept.record : nil
  }

  private static func field(named key: UnsafeBufferPointer<UInt8>, expected: Int? = nil) -> Int? {
    if let e = expected, e < fieldBytes.count, bytesEqual(fieldBytes[e], key) { return e }
    for k in 0..<fieldBytes.count where bytesEqual(fieldBytes[k], key) { return k }
    return nil
  }

  /// A record from its fields (`field(k)` is the value of `fields[k]`, nil when absent).
  private static func record(
    at loc: SourceLocation, _ field: (Int) -> String?
  ) throws(NormalizationError) -> DocumentRecord {
    guard let id = field(0) else { throw .missingField(loc, field: "id") }
    var published: CivilDate? = nil
    if let p = field(3) {
      guard let d = parsePublished(p) else { throw .invalidDate(loc, field: "published", value: p) }
      published = d
    }
    var bytes: Int? = nil
    if let b = field(5) {
      guard let v = Int(b), v >= 0 else { throw .invalidNumber(loc, field: "bytes", value: b) }
      bytes = v
    }
    return DocumentRecord(
      id: id, outlet: field(1), url: field(2), published: published, sha256: field(4), bytes: bytes,
      figures: Int(field(6) ?? "") ?? 0)
  }
}
