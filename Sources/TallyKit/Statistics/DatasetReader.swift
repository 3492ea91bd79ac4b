/// One observation read back from a dataset's `observations.csv`.
public struct Observation: Sendable, Equatable {
  public var id: String
  public var indicator: Indicator
  public var group: String?
  public var modality: Modality
  public var per: String?
  public var date: ReportedDate?
  public var periodStart: ReportedDate?
  public var value: Double?
  public var low: Double?
  public var high: Double?
  public var figures: Int
  public var documents: Int
  public var sources: Int
  public var conflict: Bool

  /// A running total (it counts from a period start) or a count for its date.
  public var isCumulative: Bool { periodStart != nil }

  public init(
    id: String, indicator: Indicator, group: String?, modality: Modality = .actual, per: String? = nil,
    date: ReportedDate?, periodStart: ReportedDate?, value: Double?, low: Double?, high: Double?,
    figures: Int = 1, documents: Int = 1, sources: Int = 1, conflict: Bool = false
  ) {
    self.id = id
    self.indicator = indicator
    self.group = group
    self.modality = modality
    self.per = per
    self.date = date
    self.periodStart = periodStart
    self.value = value
    self.low = low
    self.high = high
    self.figures = figures
    self.documents = documents
    self.sources = sources
    self.conflict = conflict
  }
}

/// Reads the CSV tables of a dataset directory row by row (memory does not grow with the
/// rows), giving each row's cells by column name.
public final class TableReader {
  public let path: String
  private let reader: LineReader
  private let columns: [String: Int]
  public let header: [String]
  // Read on every cell of every row: without `unchecked`, each access to these arrays of a
  // class pays a dynamic exclusivity check (measured: a quarter of `stats`).
  @exclusivity(unchecked) private var fields: [Range<Int>] = []
  @exclusivity(unchecked) private var quoted: [Bool] = []
  @exclusivity(unchecked) private var line: [UInt8] = []
  @exclusivity(unchecked) public private(set) var lineNumber = 0

  /// Opens `directory/table.csv`; a missing table is an error naming it.
  public convenience init(directory: String, table: String) throws(StatisticsError) {
    let path = "\(directory)/\(table).csv"
    guard fileExists(path) else { throw .missingTable(directory: directory, table: table) }
    try self.init(path: path)
  }

  public init(path: String) throws(StatisticsError) {
    self.path = path
    do { reader = try LineReader(path: path) } catch { throw .input(error) }
    var names: [String] = []
    var header: [UInt8] = []
    do {
      if let first = try reader.nextLine() { header = Array(first) }
    } catch {
      throw .input(error)
    }
    if header.starts(with: UTF8Bytes.byteOrderMark) { header.removeFirst(3) }
    for part in String(decoding: header, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false) {
      names.append(String(part))
    }
    self.header = names
    columns = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// The index of a column; a missing column is an error naming the table.
  public func column(_ name: String) throws(StatisticsError) -> Int {
    guard let k = columns[name] else {
      throw .input(.missingColumn(SourceLocation(file: path, line: 1), column: name))
    }
    return k
  }

  /// Moves to the next row; false at the end.
  public func next() throws(StatisticsError) -> Bool {
    while true {
      let raw: ArraySlice<UInt8>?
      do { raw = try reader.nextLine() } catch { throw .input(error) }
      guard let first = raw else { return false }
      lineNumber = reader.lineNumber
      if first.isEmpty { continue }
      line.removeAll(keepingCapacity: true)
      line.append(contentsOf: first)
      // A quoted field may hold line breaks: read on while a quote is open.
      while line.contains(0x22) && line.reduce(0, { $0 + ($1 == 0x22 ? 1 : 0) }) % 2 == 1 {
        reader.appendLastBreak(to: &line)
        let more: ArraySlice<UInt8>?
        do { more = try reader.nextLine() } catch { throw .input(error) }
        guard let more else {
          throw .malformedRow(location(), reason: "a quoted field is never closed")
        }
        line.append(contentsOf: more)
      }
      split()
      guard fields.count == header.count else {
        throw .malformedRow(location(), reason: "\(fields.count) fields where the header has \(header.count)")
      }
      return true
    }
  }

  private func split() {
    fields.removeAll(keepingCapacity: true)
    quoted.removeAll(keepingCapacity: true)
    line.withUnsafeBufferPointer { p in
      var start = 0
      var inQuotes = false
      var wasQuoted = false
      var i = 0
      let n = p.count
      while i < n {
        let b = p[i]
        if b == 0x22 {
          inQuotes.toggle()
          wasQuoted = true
        } else if b == 0x2C && !inQuotes {
          fields.append(start..<i)
          quoted.append(wasQuoted)
          start = i + 1
          wasQuoted = false
        }
        i += 1
      }
      fields.append(start..<n)
      quoted.append(wasQuoted)
    }
  }

  public func location(column k: Int? = nil) -> SourceLocation {
    SourceLocation(file: path, line: lineNumber, column: k.map { $0 + 1 })
  }

  /// The cell's text; `nil` when empty.
  public func text(_ k: Int) -> String? {
    let r = fields[k]
    if r.isEmpty { return nil }
    if !quoted[k] { return String(decoding: line[r], as: UTF8.self) }
    var out: [UInt8] = []
    var i = r.lowerBound + 1
    let end = r.upperBound - 1
    while i < end {
      if line[i] == 0x22 { i += 1 }
      if i < end { out.append(line[i]) }
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The cell as a code of the codebook, read without building a String; `nil` when empty or
  /// not a code.
  public func code<C: RawRepresentable & CaseIterable>(_ k: Int, _: C.Type) -> C? where C.RawValue == String {
    let r = fields[k]
    guard !r.isEmpty, !quoted[k] else { return text(k).flatMap(C.init(rawValue:)) }
    return line.withUnsafeBufferPointer { p -> C? in
      let cell = UnsafeBufferPointer(rebasing: p[r])
      for c in C.allCases {
        var raw = c.rawValue
        if raw.withUTF8({ bytesEqual($0, cell) }) { return c }
      }
      return nil
    }
  }

  /// The cell as a number; `nil` when empty.
  public func number(_ k: Int, _ name: String) throws(StatisticsError) -> Double? {
    let r = fields[k]
    if r.isEmpty { return nil }
    // Whole numbers without building a String.
    var v: Int64 = 0
    var whole = r.count <= 15
    var i = r.lowerBound
    let negative = line[i] == UInt8(ascii: "-")
    if negative { i += 1 }
    if i == r.upperBound { whole = false }
    while whole && i < r.upperBound {
      let b = line[i]
      if b < 0x30 || b > 0x39 { whole = false } else { v = v * 10 + Int64(b - 0x30) }
      i += 1
    }
    if whole { return Double(negative ? -v : v) }
    let s = text(k) ?? ""
    guard let d = Double(s), d.isFinite else { throw .invalidNumber(location(column: k), column: name, value: s) }
    return d
  }

  /// The cell as a day, month or year; `nil` when empty.
  public func date(_ k: Int, _ name: String) throws(StatisticsError) -> ReportedDate? {
    let r = fields[k]
    if r.isEmpty { return nil }
    if let d = ReportedDate(iso: line[r]) { return d }
    throw .invalidDate(location(column: k), column: name, value: text(k) ?? "")
  }
}

/// One fact of a dataset's figures table, with where it came from.
public struct FigureFact: Sendable {
  /// The figure's id.
  public var figure: String
  public var document: String
  /// The document's outlet, from the documents table.
  public var outlet: String?
  public var attribution: String?
  /// The figure as written.
  public var text: String
  public var qualifier: String
  /// The figure on its own, as an observation whose id is the observation it backs.
  public var observation: Observation
}

/// Reads the observations of a dataset.
public enum ObservationTable {
  /// Calls `body` with each observation of `directory/observations.csv`, in file order.
  /// Without `ids`, observations come with an empty id (saving a string per row).
  public static func forEach(
    directory: String, ids: Bool = true, _ body: (Observation) throws(StatisticsError) -> Void
  ) throws(StatisticsError) {
    let t = try TableReader(directory: directory, table: "observations")
    let c = (
      id: try t.column("id"), indicator: try t.column("indicator"), group: try t.column("group"),
      modality: try t.column("modality"), per: try t.column("per"), date: try t.column("date"),
      periodStart: try t.column("period_start"), value: try t.column("value"), low: try t.column("low"),
      high: try t.column("high"), figures: try t.column("figures"), documents: try t.column("documents"),
      sources: try t.column("sources"), conflict: try t.column("conflict")
    )
    while try t.next() {
      guard let indicator = t.code(c.indicator, Indicator.self) else {
        throw .malformedRow(t.location(column: c.indicator), reason: "indicator \"\(t.text(c.indicator) ?? "")\" is not a code of the codebook")
      }
      try body(
        Observation(
          id: ids ? t.text(c.id) ?? "" : "", indicator: indicator, group: t.text(c.group),
          modality: t.code(c.modality, Modality.self) ?? .actual, per: t.text(c.per),
          date: try t.date(c.date, "date"), periodStart: try t.date(c.periodStart, "period_start"),
          value: try t.number(c.value, "value"), low: try t.number(c.low, "low"),
          high: try t.number(c.high, "high"), figures: Int(try t.number(c.figures, "figures") ?? 0),
          documents: Int(try t.number(c.documents, "documents") ?? 0),
          sources: Int(try t.number(c.sources, "sources") ?? 0), conflict: t.text(c.conflict) == "true"))
    }
  }

  /// The outlet of each document of the dataset that names one, by document id.
  /// Calls `body` with each fact of `directory`'s figures table (a figure whose role is
  /// `fact` and whose indicator is a codebook code), in table order, with its document's
  /// outlet: what `stats --by outlet` and `compare` read.
  public static func forEachFact(
    directory: String, _ body: (FigureFact) throws(StatisticsError) -> Void
  ) throws(StatisticsError) {
    let outlets = try outlets(directory: directory)
    let t = try TableReader(directory: directory, table: "figures")
    let c = (
      id: try t.column("id"), doc: try t.column("doc"), text: try t.column("text"), value: try t.column("value"),
      low: try t.column("low"), high: try t.column("high"), qualifier: try t.column("qualifier"),
      indicator: try t.column("indicator"), group: try t.column("group"), modality: try t.column("modality"),
      date: try t.column("date"), periodStart: try t.column("period_start"), attribution: try t.column("attribution"),
      per: try t.column("per"), role: try t.column("role"), observation: try t.column("observation")
    )
    while try t.next() {
      guard t.text(c.role) == "fact", let indicator = t.code(c.indicator, Indicator.self) else { continue }
      let document = t.text(c.doc) ?? ""
      try body(
        FigureFact(
          figure: t.text(c.id) ?? "", document: document, outlet: outlets[document], attribution: t.text(c.attribution),
          text: t.text(c.text) ?? "", qualifier: t.text(c.qualifier) ?? "",
          observation: Observation(
            id: t.text(c.observation) ?? "", indicator: indicator, group: t.text(c.group),
            modality: t.code(c.modality, Modality.self) ?? .actual, per: t.text(c.per),
            date: try t.date(c.date, "date"), periodStart: try t.date(c.periodStart, "period_start"),
            value: try t.number(c.value, "value"), low: try t.number(c.low, "low"), high: try t.number(c.high, "high"))))
    }
  }

  public static func outlets(directory: String) throws(StatisticsError) -> [String: String] {
    var outlets: [String: String] = [:]
    let docs = try TableReader(directory: directory, table: "documents")
    let (id, outlet) = (try docs.column("id"), try docs.column("outlet"))
    while try docs.next() {
      if let d = docs.text(id), let o = docs.text(outlet) { outlets[d] = o }
    }
    return outlets
  }

  public static func read(directory: String) throws(StatisticsError) -> [Observation] {
    var out: [Observation] = []
    try forEach(directory: directory) { out.append($0) }
    return out
  }
}
