/// A researcher's decisions about figures, read from a curation CSV keyed by figure id.
///
/// Columns: `id`, `decision` (`accept`, `reject`, `correct`, or empty for not yet reviewed),
/// `field` and `new_value` (for a correction: one row per corrected field), `note` (free
/// text). The columns `tally review` adds for context (`reason`, `doc`, `text`, `indicator`,
/// `value`, `low`, `high`, `qualifier`, `group`, `date`, `sentence`) are read and ignored, so a
/// reviewer edits the file `review` wrote and hands it back.
public struct Curation: Sendable {
  /// One figure's decisions.
  public struct Entry: Sendable {
    public var accepted = false
    public var rejected = false
    public var corrections: [(field: FigureField, value: String)] = []
    /// Where the entry's first row is, for messages.
    public var location: SourceLocation
  }

  public private(set) var entries: [String: Entry] = [:]
  /// Ids in file order, so reports are in the order a reviewer reads them.
  public private(set) var order: [String] = []
  public let file: String

  /// Fields a correction may change; the rest record provenance.
  public static let correctableFields = [
    "value", "low", "high", "qualifier", "unit", "indicator", "group", "modality", "date",
    "period_start", "attribution", "per",
  ]
  /// The columns of a curation file: its own, then the context `review` writes.
  public static let ownColumns = ["id", "decision", "field", "new_value", "note"]
  public static let contextColumns = [
    "reason", "doc", "text", "indicator", "value", "low", "high", "qualifier", "group", "date",
    "sentence",
  ]

  public init(file: String = "") { self.file = file }

  /// Reads a curation file; every row is checked here, so a bad row stops the run before any
  /// output is written.
  public init(path: String) throws(NormalizationError) {
    self.init(file: path)
    let bytes: [UInt8]
    let records: [CSVRecord]
    do {
      bytes = try readFileBytes(path)
      records = try CSVReader(file: path).records(bytes)
    } catch {
      throw .input(error)
    }
    guard let header = records.first else { return }
    var column: [String: Int] = [:]
    for (k, name) in header.fields.enumerated() {
      let key = name.trimmingSpaces.lowercased()
      guard Curation.ownColumns.contains(key) || Curation.contextColumns.contains(key) else {
        throw .unmappedColumn(
          SourceLocation(file: path, line: header.line, column: k + 1), column: name,
          known: Curation.ownColumns + Curation.contextColumns)
      }
      column[key] = k
    }
    for needed in ["id", "decision"] where column[needed] == nil {
      throw .input(.missingColumn(SourceLocation(file: path, line: header.line), column: needed))
    }
    for record in records.dropFirst() {
      func cell(_ name: String) -> String {
        guard let k = column[name], k < record.fields.count else { return "" }
        return record.fields[k].trimmingSpaces
      }
      func here(_ name: String) -> SourceLocation {
        SourceLocation(file: path, line: record.line, column: (column[name] ?? 0) + 1)
      }
      let id = cell("id")
      guard !id.isEmpty else { throw .missingField(here("id"), field: "id") }
      let decision = cell("decision").lowercased()
      if decision.isEmpty { continue }  // not reviewed yet
      var entry = entries[id] ?? Entry(location: here("decision"))
      if entries[id] == nil { order.append(id) }
      switch decision {
      case "accept", "accepted":
        if entry.rejected {
          throw .contradictoryDecisions(here("decision"), id: id, firstLine: entry.location.line ?? 0)
        }
        entry.accepted = true
      case "reject", "rejected":
        if entry.accepted || !entry.corrections.isEmpty {
          throw .contradictoryDecisions(here("decision"), id: id, firstLine: entry.location.line ?? 0)
        }
        entry.rejected = true
      case "correct", "corrected":
        if entry.rejected {
          throw .contradictoryDecisions(here("decision"), id: id, firstLine: entry.location.line ?? 0)
        }
        let name = cell("field").lowercased()
        guard let field = FigureField.allCases.first(where: { $0.name == name }) else {
          throw .noSuchField(here("field"), field: cell("field"))
        }
        guard Curation.correctableFields.contains(name) else {
          throw .fieldNotCorrectable(here("field"), field: name)
        }
        let value = cell("new_value")
        try Curation.check(field, value, at: here("new_value"))
        entry.corrections.append((field, value))
      default:
        throw .unknownDecision(here("decision"), value: cell("decision"))
      }
      entries[id] = entry
    }
  }

  /// Checks that `value` can be written into `field`.
  static func check(_ field: FigureField, _ value: String, at location: SourceLocation) throws(NormalizationError) {
    if value.isEmpty {
      if field.isRequired {
        throw .invalidCorrection(location, field: field.name, value: value, reason: "the field cannot be empty")
      }
      return
    }
    func codes<C: RawRepresentable & CaseIterable>(_: C.Type) throws(NormalizationError) where C.RawValue == String {
      if C(rawValue: value) == nil {
        throw .unknownCode(location, field: field.name, value: value, allowed: C.allCases.map(\.rawValue))
      }
    }
    switch field {
    case .value, .low, .high:
      guard let v = Double(value), v.isFinite else {
        throw .invalidNumber(location, field: field.name, value: value)
      }
    case .qualifier: try codes(Qualifier.self)
    case .unit: try codes(CountUnit.self)
    case .indicator: try codes(Indicator.self)
    case .modality: try codes(Modality.self)
    case .per: try codes(FigureRecord.RatePer.self)
    case .date, .periodStart:
      if ReportedDate(iso: Array(value.utf8)) == nil {
        throw .invalidDate(location, field: field.name, value: value)
      }
    default: break
    }
  }

  public var isEmpty: Bool { entries.isEmpty }

  /// Applies the entry for the record's id, if any, and returns what was decided.
  func apply(_ entry: Entry, to r: inout FigureRecord) throws(NormalizationError) -> ReviewStatus {
    if entry.rejected { return .rejected }
    guard !entry.corrections.isEmpty else { return .accepted }
    for (field, value) in entry.corrections {
      switch field {
      case .value, .low, .high:
        if value.isEmpty {
          r.spans[field.rawValue] = 0..<0
        } else {
          var bytes: [UInt8] = []
          appendNumber(Double(value)!, to: &bytes)
          r.setToken(field, bytes, escaped: false)
        }
      default:
        r.setString(field, value.isEmpty ? nil : value)
      }
    }
    try r.parseFields { _ in entry.location }
    return .corrected
  }
}

/// Writes the curation file `tally review` hands to a researcher: one row per figure that needs
/// a human look (it carries warnings, its quantity is vague, or it has no date), with the
/// decision columns empty and the figure's coding beside them for context.
public struct CurationDraft {
  public static let columns = Curation.ownColumns + Curation.contextColumns
  private let encoder = RowEncoder(columns: CurationDraft.columns)
  public private(set) var rows = 0

  public init() {}

  /// Why a figure needs review, or `nil` when it does not.
  static func reason(_ r: FigureRecord) -> String? {
    var reasons: [String] = []
    if r.has(.warnings) {
      let list = r.withToken(.warnings) { t in JSONStringList(t).map { String(decoding: $0, as: UTF8.self) } }
      reasons += list.map { "warning: \($0)" }
    }
    if r.qualifier == .vague { reasons.append("vague quantity") }
    if r.date == nil { reasons.append("no date") }
    return reasons.isEmpty ? nil : reasons.joined(separator: " | ")
  }

  /// Appends the row for `r` if it needs review.
  public mutating func add(_ r: FigureRecord, to out: inout [UInt8]) {
    guard r.indicator != .other, let why = CurationDraft.reason(r) else { return }
    let cells: [Cell] = [
      .optional(r.string(.id)), .null, .null, .null, .null, .text(why), .optional(r.string(.doc)),
      .optional(r.string(.text)), .text(r.indicator.rawValue), .optional(r.value), .optional(r.low),
      .optional(r.high), .text(r.qualifier.rawValue), .optional(r.string(.group)), .optional(r.date),
      .optional(r.string(.sentence)),
    ]
    encoder.csv(cells, into: &out)
    rows += 1
  }

  /// Rows of an earlier curation file, re-written in this layout, so decisions already made are
  /// kept; returns the ids they cover.
  public mutating func carryOver(_ path: String, to out: inout [UInt8]) throws(NormalizationError) -> Set<String> {
    _ = try Curation(path: path)  // checks every row
    let records: [CSVRecord]
    do { records = try CSVReader(file: path).records(readFileBytes(path)) } catch { throw .input(error) }
    guard let header = records.first else { return [] }
    let names = header.fields.map { $0.trimmingSpaces.lowercased() }
    var ids = Set<String>()
    for r in records.dropFirst() {
      let cells: [Cell] = CurationDraft.columns.map { c in
        guard let k = names.firstIndex(of: c), k < r.fields.count, !r.fields[k].isEmpty else { return .null }
        return .text(r.fields[k])
      }
      if case .text(let id) = cells[0] { ids.insert(id.trimmingSpaces) }
      encoder.csv(cells, into: &out)
      rows += 1
    }
    return ids
  }

  public static var header: [UInt8] { Array((columns.joined(separator: ",") + "\n").utf8) }
}

/// Reads figures and writes the curation draft for those that need review.
public enum ReviewRun {
  public static func run(
    inputs: [String], earlier: String?, to writer: ByteWriter
  ) throws(NormalizationError) -> Int {
    var draft = CurationDraft()
    var out = CurationDraft.header
    let decided = try earlier.map { path throws(NormalizationError) in try draft.carryOver(path, to: &out) } ?? []
    var record = FigureRecord()
    for path in inputs {
      let input = try FigureInput(path: path)
      while try input.next(into: &record) {
        if let id = record.string(.id), decided.contains(id) { continue }
        draft.add(record, to: &out)
        if out.count > 1 << 20 {
          do { try writer.write(out) } catch { throw .input(error) }
          out.removeAll(keepingCapacity: true)
        }
      }
    }
    do { try writer.write(out) } catch { throw .input(error) }
    return draft.rows
  }
}
