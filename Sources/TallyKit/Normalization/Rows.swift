/// A value in a table row, written the same way to CSV (empty cell for null) and to JSON
/// Lines (`null`).
public enum Cell: Sendable, Equatable {
  case null
  case text(String)
  case integer(Int64)
  case number(Double)
  case boolean(Bool)
  case date(ReportedDate)

  static func optional(_ s: String?) -> Cell { s.map(Cell.text) ?? .null }
  static func optional(_ v: Double?) -> Cell { v.map(Cell.number) ?? .null }
  static func optional(_ d: ReportedDate?) -> Cell { d.map(Cell.date) ?? .null }
}

/// Writes rows of cells as CSV or JSON Lines in a table's column order.
public struct RowEncoder: Sendable {
  public let columns: [String]
  private let jsonKeys: [[UInt8]]

  public init(columns: [String]) {
    self.columns = columns
    jsonKeys = columns.enumerated().map { i, name in
      var j = JSONEncoderBytes()
      j.string(name)
      return Array((i == 0 ? "{" : ",").utf8) + j.bytes + [UInt8(ascii: ":")]
    }
  }

  public func csv(_ row: [Cell], into out: inout [UInt8]) {
    for (i, cell) in row.enumerated() {
      if i > 0 { out.append(0x2C) }
      switch cell {
      case .null: break
      case .text(var s): s.withUTF8 { CSVFormat.appendField($0, to: &out) }
      case .integer(let v): appendInteger(v, to: &out)
      case .number(let v): appendNumber(v, to: &out)
      case .boolean(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
      case .date(let d): d.appendISO(to: &out)
      }
    }
    out.append(0x0A)
  }

  public func json(_ row: [Cell], into out: inout [UInt8]) {
    var j = JSONEncoderBytes()
    swap(&j.bytes, &out)
    for (i, cell) in row.enumerated() {
      j.bytes.append(contentsOf: jsonKeys[i])
      switch cell {
      case .null: j.bytes.append(contentsOf: "null".utf8)
      case .text(let s): j.string(s)
      case .integer(let v): appendInteger(v, to: &j.bytes)
      case .number(let v): appendNumber(v, to: &j.bytes)
      case .boolean(let b): j.bytes.append(contentsOf: (b ? "true" : "false").utf8)
      case .date(let d):
        j.bytes.append(0x22)
        d.appendISO(to: &j.bytes)
        j.bytes.append(0x22)
      }
    }
    j.bytes.append(contentsOf: "}\n".utf8)
    swap(&j.bytes, &out)
  }
}

/// The row of the documents table.
public struct DocumentRecord: Sendable, Equatable {
  public var id: String
  public var outlet: String?
  public var url: String?
  public var published: CivilDate?
  /// Hex SHA-256 of the text; `nil` for documents that are spreadsheet sources.
  public var sha256: String?
  public var bytes: Int?
  public var figures: Int

  public init(
    id: String, outlet: String?, url: String?, published: CivilDate?, sha256: String?,
    bytes: Int?, figures: Int
  ) {
    self.id = id
    self.outlet = outlet
    self.url = url
    self.published = published
    self.sha256 = sha256
    self.bytes = bytes
    self.figures = figures
  }

  public var cells: [Cell] {
    [
      .text(id), .optional(outlet), .optional(url),
      published.map { .date(ReportedDate($0)) } ?? .null, .optional(sha256),
      bytes.map { .integer(Int64($0)) } ?? .null, .integer(Int64(figures)),
    ]
  }

  public static let encoder = RowEncoder(columns: TableLayout.documents.columns.map(\.name))
  /// The keys of a row as `encoder` writes it (`{"id":`, `,"outlet":`, ...), for the row writer
  /// and the documents table's fast lane (`DocumentReader.canonicalRecord`).
  static let jsonKeys = ByteTable(jsonKeys: TableLayout.documents.columns.map(\.name))

  /// Appends the row to each buffer as `encoder` writes `cells`, without building the cells
  /// (an array and a copy of each string per document; normalize writes a row per document).
  func appendRows(csv: inout [UInt8], json: inout [UInt8]) {
    var j = JSONEncoderBytes()
    swap(&j.bytes, &json)
    defer { swap(&j.bytes, &json) }
    var next = 0
    // The next field's JSON key, and in CSV the comma before every field but the first.
    func key() {
      j.bytes.append(contentsOf: DocumentRecord.jsonKeys[next])
      if next > 0 { csv.append(0x2C) }
      next += 1
    }
    func text(_ s: String?) {
      key()
      guard var s else { return j.bytes.append(contentsOf: "null".utf8) }
      j.string(s)
      s.withUTF8 { CSVFormat.appendField($0, to: &csv) }
    }
    func integer(_ v: Int?) {
      key()
      guard let v else { return j.bytes.append(contentsOf: "null".utf8) }
      appendInteger(Int64(v), to: &j.bytes)
      appendInteger(Int64(v), to: &csv)
    }
    text(id)
    text(outlet)
    text(url)
    key()
    if let published {
      j.bytes.append(0x22)
      ReportedDate(published).appendISO(to: &j.bytes)
      j.bytes.append(0x22)
      ReportedDate(published).appendISO(to: &csv)
    } else {
      j.bytes.append(contentsOf: "null".utf8)
    }
    text(sha256)
    integer(bytes)
    integer(figures)
    csv.append(0x0A)
    j.bytes.append(contentsOf: "}\n".utf8)
  }
}

/// How a command writes its rows.
public enum TableFormat: String, Sendable, CaseIterable {
  case csv, jsonl
  /// Aligned columns for a terminal.
  case table
}

extension RowEncoder {
  /// All rows in one format, the CSV header first.
  public func encode(_ rows: [[Cell]], as format: TableFormat) -> [UInt8] {
    var out: [UInt8] = []
    switch format {
    case .csv:
      out = Array((columns.joined(separator: ",") + "\n").utf8)
      for r in rows { csv(r, into: &out) }
    case .jsonl:
      for r in rows { json(r, into: &out) }
    case .table:
      let text = rows.map { r in
        r.map { cell -> String in
          var b: [UInt8] = []
          switch cell {
          case .null: return ""
          case .text(let s): return s
          case .number(let v):
            // Three significant decimals at most on a terminal.
            if integralValue(v) != nil { appendNumber(v, to: &b) } else { return String(format3(v)) }
          default: csv([cell], into: &b)
          }
          return String(decoding: b.filter { $0 != 0x0A }, as: UTF8.self)
        }
      }
      var widths = columns.map(\.count)
      for r in text { for (k, s) in r.enumerated() { widths[k] = max(widths[k], s.count) } }
      func line(_ cells: [String], numeric: [Bool]) -> String {
        cells.enumerated().map { k, s in
          let pad = String(repeating: " ", count: widths[k] - s.count)
          return numeric[k] ? pad + s : s + pad
        }.joined(separator: "  ").replacingTrailingSpaces + "\n"
      }
      let numeric = columns.indices.map { k in
        rows.contains { r in
          if case .number = r[k] { return true }
          if case .integer = r[k] { return true }
          return false
        }
      }
      out = Array(line(columns, numeric: numeric).utf8)
      for r in text { out.append(contentsOf: line(r, numeric: numeric).utf8) }
    }
    return out
  }
}

private func format3(_ v: Double) -> String {
  let scaled = (v * 1000).rounded() / 1000
  return formatNumber(scaled)
}

extension String {
  fileprivate var replacingTrailingSpaces: String {
    var s = Substring(self)
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
