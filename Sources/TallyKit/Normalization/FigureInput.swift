/// Reads figure records from one file or standard input, JSON Lines or CSV (told apart by the
/// first line: a JSON object starts with `{`), one record at a time into a reused
/// `FigureRecord`. Memory does not grow with the number of records.
public final class FigureInput {
  private let reader: LineReader
  public let file: String
  private var members: [JSONMember] = []
  private var csvColumns: [FigureField?]? = nil
  private var isCSV = false
  private var started = false
  /// The line the last record starts on.
  public private(set) var line = 0

  public init(path: String) throws(NormalizationError) {
    do {
      reader = try LineReader(path: path)
    } catch {
      throw .input(error)
    }
    file = path
  }

  /// Reads the next record into `record`; false at the end of the input.
  public func next(into record: inout FigureRecord) throws(NormalizationError) -> Bool {
    while true {
      let raw: ArraySlice<UInt8>?
      do { raw = try reader.nextLine() } catch { throw .input(error) }
      guard let bytes = raw else { return false }
      line = reader.lineNumber
      if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      if let bad = UTF8Bytes.firstInvalidByte(bytes) {
        let (_, column) = UTF8Bytes.lineAndColumn(of: bad - bytes.startIndex, in: bytes)
        throw .input(.invalidUTF8(SourceLocation(file: file, line: line, column: column)))
      }
      if !started {
        started = true
        var k = bytes.startIndex
        if bytes.count >= 3, bytes[k] == 0xEF, bytes[k + 1] == 0xBB, bytes[k + 2] == 0xBF { k += 3 }
        while k < bytes.endIndex, bytes[k] == 0x20 { k += 1 }
        isCSV = k < bytes.endIndex && bytes[k] != UInt8(ascii: "{")
        if isCSV {
          try readHeader(Array(bytes[k...]))
          continue
        }
      }
      let location = SourceLocation(file: file, line: line)
      if isCSV {
        let fields = try csvRecord(Array(bytes))
        try record.read(csv: fields, columns: csvColumns!, at: location)
      } else {
        try bytes.withUnsafeBufferPointer { p throws(NormalizationError) in
          try record.read(jsonLine: p, members: &members, at: location)
        }
      }
      return true
    }
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
      let more: ArraySlice<UInt8>?
      do { more = try reader.nextLine() } catch { throw .input(error) }
      guard let more else { break }
      bytes.append(0x0A)
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

/// Reads a documents table (JSON Lines or CSV, as `extract --documents` writes it).
public enum DocumentTable {
  public static func read(path: String) throws(NormalizationError) -> [DocumentRecord] {
    let bytes: [UInt8]
    do { bytes = try readFileBytes(path) } catch { throw .input(error) }
    var first = 0
    while first < bytes.count, bytes[first] == 0x20 || bytes[first] == 0x0A || bytes[first] == 0x0D { first += 1 }
    var rows: [(SourceLocation, (String) -> String?)] = []
    if first < bytes.count, bytes[first] == UInt8(ascii: "{") {
      var lineNumber = 0
      for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
        lineNumber += 1
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
        let loc = SourceLocation(file: path, line: lineNumber)
        let fields: [(key: String, value: JSONField)]
        do {
          fields = try JSONObjectParser().parse(line)
        } catch {
          throw .input(.malformedJSON(loc, reason: error.reason))
        }
        rows.append(
          (
            loc,
            { (name: String) -> String? in
              switch fields.first(where: { $0.key == name })?.value {
              case .string(let s): return String(decoding: s, as: UTF8.self)
              case .number(let v): return formatNumber(v)
              default: return nil
              }
            }
          ))
      }
    } else {
      let records: [CSVRecord]
      do { records = try CSVReader(file: path).records(bytes) } catch { throw .input(error) }
      guard let header = records.first else { return [] }
      for r in records.dropFirst() {
        rows.append(
          (
            SourceLocation(file: path, line: r.line),
            { (name: String) -> String? in
              guard let k = header.fields.firstIndex(of: name), k < r.fields.count, !r.fields[k].isEmpty
              else { return nil }
              return r.fields[k]
            }
          ))
      }
    }
    var out: [DocumentRecord] = []
    for (loc, field) in rows {
      guard let id = field("id") else { throw .missingField(loc, field: "id") }
      var published: CivilDate? = nil
      if let p = field("published") {
        guard let d = parsePublished(p) else { throw .invalidDate(loc, field: "published", value: p) }
        published = d
      }
      var bytes: Int? = nil
      if let b = field("bytes") {
        guard let v = Int(b), v >= 0 else { throw .invalidNumber(loc, field: "bytes", value: b) }
        bytes = v
      }
      out.append(
        DocumentRecord(
          id: id, outlet: field("outlet"), url: field("url"), published: published,
          sha256: field("sha256"), bytes: bytes, figures: Int(field("figures") ?? "") ?? 0))
    }
    return out
  }
}
