#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The fields of a figure record, in the order `extract` writes them.
public enum FigureField: Int, CaseIterable, Sendable {
  case id, doc, start, end, text, value, low, high, qualifier, unit, indicator, group, modality,
    date, periodStart, attribution, sentence, per, warnings

  /// The column name.
  public var name: String { FigureField.names[rawValue] }

  static let names = [
    "id", "doc", "start", "end", "text", "value", "low", "high", "qualifier", "unit", "indicator",
    "group", "modality", "date", "period_start", "attribution", "sentence", "per", "warnings",
  ]
  static let nameBytes = ByteTable(names)

  /// The field with this name; the dataset's own columns `review` and `observation` are
  /// recognised by `FigureRecord` and recomputed.
  init?(name: UnsafeBufferPointer<UInt8>) {
    for i in 0..<FigureField.nameBytes.count where bytesEqual(FigureField.nameBytes[i], name) {
      self = FigureField(rawValue: i)!
      return
    }
    return nil
  }

  var isRequired: Bool {
    switch self {
    case .id, .doc, .start, .end, .text, .qualifier, .unit, .indicator, .modality: return true
    default: return false
    }
  }
}

/// How a figure enters the observations.
public enum FigureRole: String, Sendable, CaseIterable {
  /// The position among `allCases`.
  var ordinal: Int {
    switch self {
    case .fact: return 0
    case .part: return 1
    case .uncoded: return 2
    case .rejected: return 3
    }
  }

  /// Merged into its observation.
  case fact
  /// A smaller number its document gives under the same indicator, group, date and period as a
  /// larger one it cannot equal ("32 of them", "the first bus carried 32"): read as a part of
  /// that fact, linked to its observation but not merged into it.
  case part
  /// Indicator `other`: kept, but no observation.
  case uncoded
  /// Rejected by a curation file: kept, but no observation.
  case rejected
}

/// What a curation file decided about a figure.
public enum ReviewStatus: String, Sendable, CaseIterable {
  case accepted, rejected, corrected
}

/// One figure as `normalize` reads and writes it: every field kept as its JSON token (so text
/// is copied through without being decoded and re-encoded), plus the fields merging needs,
/// parsed. One record is reused for every line of a run.
public struct FigureRecord: Sendable {
  /// The JSON tokens of the fields, one after another.
  var tokens: [UInt8] = []
  /// Where each field's token lies in `tokens`; an empty range is a null or absent field.
  var spans = TokenSpans()
  /// Whether a string token holds an escape sequence.
  var escaped = EscapeFlags()
  /// Whether a string token without escapes holds a comma; set by the fast lane only (see
  /// `appendCanonicalCSV`).
  var commas = EscapeFlags()

  public var start = 0
  public var end = 0
  public var value: Double?
  public var low: Double?
  public var high: Double?
  public var qualifier = Qualifier.exact
  public var unit = CountUnit.people
  public var indicator = Indicator.other
  public var modality = Modality.actual
  public var date: ReportedDate?
  public var periodStart: ReportedDate?
  public var per: RatePer?
  public var review: ReviewStatus?
  /// Set by `Normalizer` when the record's document is complete.
  var role = FigureRole.fact
  var observation: Int32 = -1

  /// The figures table's own columns, which normalize computes (and ignores on input).
  static let derivedColumns: Set<String> = ["review", "role", "observation"]

  public init() {}

  /// `per` codes.
  public enum RatePer: String, Sendable, CaseIterable {
    case day, week
  }

  mutating func reset() {
    tokens.removeAll(keepingCapacity: true)
    spans.removeAll()
    escaped = EscapeFlags()
    commas = EscapeFlags()
    review = nil
    canonicalLength = 0
  }

  /// When the record was read from a line exactly as `extract` writes one (fields in order,
  /// no spaces, integers as digits), that line's length: the figures table's JSON Lines row
  /// is then the line itself with the table's own columns added, copied rather than encoded
  /// again. Zero otherwise, and after any correction.
  var canonicalLength = 0

  func has(_ f: FigureField) -> Bool { !spans[f.rawValue].isEmpty }

  /// The token bytes of a field (empty when null).
  func withToken<R, E: Error>(
    _ f: FigureField, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R
  ) throws(E) -> R {
    try tokens.withUnsafeBufferPointer { p throws(E) in
      try body(UnsafeBufferPointer(rebasing: p[spans[f.rawValue]]))
    }
  }

  /// The text of a string field, decoded; `nil` when null.
  public func string(_ f: FigureField) -> String? {
    guard has(f) else { return nil }
    return withToken(f) { t in
      if escaped[f.rawValue] { return String(decoding: decodeJSONString(t), as: UTF8.self) }
      return String(decoding: UnsafeBufferPointer(rebasing: t[1..<(t.count - 1)]), as: UTF8.self)
    }
  }

  /// The bytes of a string field's text, decoded.
  func textBytes(_ f: FigureField) -> [UInt8] {
    guard has(f) else { return [] }
    return withToken(f) { t in
      escaped[f.rawValue] ? decodeJSONString(t) : Array(t[1..<(t.count - 1)])
    }
  }

  /// Digits with an optional minus and no leading zero: the way numbers are written back.
  private func isPlainInteger(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
    var k = t.first == UInt8(ascii: "-") ? 1 : 0
    guard k < t.count, t.count - k <= 15, t[k] != 0x30 || t.count - k == 1 else { return false }
    while k < t.count {
      guard t[k] >= 0x30 && t[k] <= 0x39 else { return false }
      k += 1
    }
    return t.first != UInt8(ascii: "-") || t.count > 2 || t[1] != 0x30
  }

  /// Replaces a field's token.
  mutating func setToken(_ f: FigureField, _ token: [UInt8], escaped e: Bool) {
    canonicalLength = 0
    let s = tokens.count
    tokens.append(contentsOf: token)
    spans[f.rawValue] = s..<tokens.count
    escaped[f.rawValue] = e
  }

  /// Sets a string field from text (or null).
  mutating func setString(_ f: FigureField, _ text: String?) {
    guard let text else {
      canonicalLength = 0
      spans[f.rawValue] = 0..<0
      return
    }
    var j = JSONEncoderBytes()
    j.string(text)
    setToken(f, j.bytes, escaped: j.bytes.count != text.utf8.count + 2)
  }

  // MARK: Reading JSON Lines

  /// Reads the figure on one JSON Lines line. `members` is scratch space reused between lines.
  mutating func read(
    jsonLine line: UnsafeBufferPointer<UInt8>, members: inout [JSONMember], at location: SourceLocation
  ) throws(NormalizationError) {
    reset()
    func here(_ offset: Int) -> SourceLocation {
      let (_, column) = UTF8Bytes.lineAndColumn(of: offset, in: line)
      return SourceLocation(file: location.file, line: location.line, column: column)
    }
    do {
      try JSONRecordScanner().members(line, into: &members)
    } catch {
      throw .input(.malformedJSON(here(error.offset), reason: error.reason))
    }
    // The whole line, once; each field's token is a range of it.
    tokens.append(contentsOf: line)
    var canonical = members.count == FigureField.allCases.count && line.last == UInt8(ascii: "}")
    var seen: UInt32 = 0
    for (position, m) in members.enumerated() {
      // Records as extract writes them have their fields in the usual order: try that first.
      var field: FigureField? = nil
      if !m.keyHasEscape {
        let key = UnsafeBufferPointer(rebasing: line[m.key])
        if position < FigureField.nameBytes.count, bytesEqual(FigureField.nameBytes[position], key) {
          field = FigureField(rawValue: position)
        } else {
          field = FigureField(name: key)
          canonical = false
        }
        // `{"key":value,"key":value}` with nothing between.
        let keyStart = position == 0 ? 2 : members[position - 1].value.upperBound + 2
        if m.key.lowerBound != keyStart || m.value.lowerBound != m.key.upperBound + 2 { canonical = false }
      }
      guard let field else {
        let name = String(
          decoding: m.keyHasEscape
            ? decodeJSONString(UnsafeBufferPointer(rebasing: line[(m.key.lowerBound - 1)..<(m.key.upperBound + 1)]))
            : Array(line[m.key]), as: UTF8.self)
        // The dataset's own columns: recomputed on every run.
        if FigureRecord.derivedColumns.contains(name) { continue }
        throw .unknownField(here(m.key.lowerBound), field: name)
      }
      guard seen & (1 << field.rawValue) == 0 else {
        throw .input(.malformedJSON(here(m.key.lowerBound), reason: "field \"\(field.name)\" appears twice"))
      }
      seen |= 1 << field.rawValue
      switch (field, m.kind) {
      case (_, .null) where !field.isRequired:
        continue
      case (.start, .number), (.end, .number), (.value, .number), (.low, .number), (.high, .number):
        break
      case (.start, _), (.end, _):
        throw .wrongType(here(m.value.lowerBound), field: field.name, expected: "a whole number of code points")
      case (.value, _), (.low, _), (.high, _):
        throw .wrongType(here(m.value.lowerBound), field: field.name, expected: "a number or null")
      case (.warnings, .array):
        break
      case (.warnings, _):
        throw .wrongType(here(m.value.lowerBound), field: field.name, expected: "a list of strings")
      case (_, .string):
        break
      default:
        throw .wrongType(
          here(m.value.lowerBound), field: field.name, expected: field.isRequired ? "a string" : "a string or null")
      }
      spans[field.rawValue] = m.value
      escaped[field.rawValue] = m.hasEscape
      if m.kind == .number && !isPlainInteger(UnsafeBufferPointer(rebasing: line[m.value])) { canonical = false }
      if field == .warnings, m.value.count > 2 {
        try checkStringList(field, at: here(m.value.lowerBound))
      }
    }
    for f in FigureField.allCases where f.isRequired && seen & (1 << f.rawValue) == 0 {
      throw .missingField(location, field: f.name)
    }
    if !has(.warnings) { canonical = false }
    if let last = members.last, last.value.upperBound != line.count - 1 { canonical = false }
    canonicalLength = canonical ? line.count : 0
    try parseFields { f in
      members.first { !$0.keyHasEscape && FigureField(name: UnsafeBufferPointer(rebasing: line[$0.key])) == f }
        .map { here($0.value.lowerBound) } ?? location
    }
  }

  private func checkStringList(_ f: FigureField, at loc: SourceLocation) throws(NormalizationError) {
    let ok = withToken(f) { t in JSONStringList.isStrings(t) }
    if !ok { throw .wrongType(loc, field: f.name, expected: "a list of strings") }
  }

  // MARK: Reading CSV

  /// Reads the figure in one CSV record whose header was mapped to `columns` (a field per
  /// column, or `nil` for the dataset's own columns, which are recomputed).
  mutating func read(
    csv fields: [String], columns: [FigureField?], at location: SourceLocation
  ) throws(NormalizationError) {
    reset()
    func here(_ k: Int) -> SourceLocation {
      SourceLocation(file: location.file, line: location.line, column: k + 1)
    }
    guard fields.count == columns.count else {
      throw .input(
        .malformedCSV(location, reason: "\(fields.count) fields where the header has \(columns.count)"))
    }
    for (k, field) in columns.enumerated() {
      guard let field else { continue }
      let cell = fields[k]
      if cell.isEmpty {
        if field.isRequired && field != .text { throw .missingField(here(k), field: field.name) }
        if field != .text { continue }
      }
      switch field {
      case .start, .end, .value, .low, .high:
        guard let v = Double(cell), v.isFinite else {
          throw .invalidNumber(here(k), field: field.name, value: cell)
        }
        var bytes: [UInt8] = []
        appendNumber(v, to: &bytes)
        setToken(field, bytes, escaped: false)
      case .warnings:
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (i, w) in cell.split(separator: " | ", omittingEmptySubsequences: true).enumerated() {
          if i > 0 { bytes.append(UInt8(ascii: ",")) }
          var j = JSONEncoderBytes()
          j.string(String(w))
          bytes.append(contentsOf: j.bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        setToken(field, bytes, escaped: false)
      default:
        setString(field, cell)
      }
    }
    for f in FigureField.allCases where f.isRequired && !columns.contains(f) {
      throw .missingField(location, field: f.name)
    }
    try parseFields { f in columns.firstIndex(of: f).map(here) ?? location }
  }

  // MARK: Parsed fields

  /// Parses the fields merging needs from their tokens; `where` gives the location of a field
  /// for messages.
  mutating func parseFields(where locate: (FigureField) -> SourceLocation) throws(NormalizationError) {
    func integer(_ f: FigureField) throws(NormalizationError) -> Int {
      guard let v = number(f), v >= 0, v == v.rounded(), v < 1e15 else {
        throw .wrongType(locate(f), field: f.name, expected: "a whole number of code points")
      }
      return Int(v)
    }
    if spans[FigureField.id.rawValue].count > 1026 {
      throw .wrongType(locate(.id), field: "id", expected: "at most 1024 characters")
    }
    start = try integer(.start)
    end = try integer(.end)
    if end < start {
      throw .wrongType(locate(.end), field: "end", expected: "at least start (\(start))")
    }
    value = number(.value)
    low = number(.low)
    high = number(.high)
    if let low, let high, low > high { throw .boundsOutOfOrder(locate(.low), low: low, high: high) }
    qualifier = try code(.qualifier, locate)
    unit = try code(.unit, locate)
    indicator = try code(.indicator, locate)
    modality = try code(.modality, locate)
    per = has(.per) ? try code(.per, locate) as RatePer : nil
    date = try partialDate(.date, locate)
    periodStart = try partialDate(.periodStart, locate)
  }

  /// A number token's value (tokens were validated, so this cannot fail but on overflow).
  func number(_ f: FigureField) -> Double? {
    guard has(f) else { return nil }
    return withToken(f) { t -> Double? in
      // Whole numbers, which are nearly all, without going through a String.
      var v: Int64 = 0
      var k = 0
      let negative = t[0] == UInt8(ascii: "-")
      if negative { k = 1 }
      var whole = t.count - k <= 15
      while whole && k < t.count {
        let b = t[k]
        if b < 0x30 || b > 0x39 {
          whole = false
          break
        }
        v = v * 10 + Int64(b - 0x30)
        k += 1
      }
      if whole { return Double(negative ? -v : v) }
      return Double(String(decoding: t, as: UTF8.self))
    }
  }

  /// A code read from its token without building a String: the token (quotes included) is
  /// compared with each code's JSON literal.
  private func code<C: RawRepresentable & CaseIterable>(
    _ f: FigureField, _ locate: (FigureField) -> SourceLocation
  ) throws(NormalizationError) -> C where C.RawValue == String {
    let found = withToken(f) { t in CodeLiterals<C>.index.find(t) }
    if let found { return C.allCases[C.allCases.index(C.allCases.startIndex, offsetBy: found)] }
    // Escaped text, or not a code.
    let text = string(f) ?? ""
    if let c = C(rawValue: text) { return c }
    throw .unknownCode(locate(f), field: f.name, value: text, allowed: C.allCases.map(\.rawValue))
  }

  private func partialDate(
    _ f: FigureField, _ locate: (FigureField) -> SourceLocation
  ) throws(NormalizationError) -> ReportedDate? {
    guard has(f) else { return nil }
    if !escaped[f.rawValue], let d = withToken(f, { ReportedDate(iso: $0[1..<($0.count - 1)]) }) { return d }
    let text = textBytes(f)
    throw .invalidDate(locate(f), field: f.name, value: String(decoding: text, as: UTF8.self))
  }

  // MARK: Writing

  /// Appends the record as a row of the figures table to the table's writers. A canonical
  /// record, nearly every one, is written straight into their buffers; another is built in the
  /// sink's scratch space and copied. It changes nothing, but is `mutating` so that a record in
  /// the normalizer's pool is written where it lies: for a non-mutating call Swift first copies
  /// a value held in memory it cannot prove unchanged during the call (a copy and a release of
  /// the record per figure, 6% of a run).
  mutating func appendRows(observation: ObservationID?, to sink: TableSink) {
    if canonicalLength > 0 {
      let row = sink.csv.appendRow(bound: canonicalCSVBound) { w in appendCanonicalCSV(observation: observation, &w) }
      sink.hxl?.appendRow(bound: row.count) { $0.put(row.assumingMemoryBound(to: UInt8.self)) }
      sink.jsonl.appendRow(bound: canonicalLength + 96) { w in appendCanonicalJSON(observation: observation, &w) }
      return
    }
    sink.scratch.removeAll(keepingCapacity: true)
    appendCSV(observation: observation, to: &sink.scratch)
    sink.scratch.withUnsafeBufferPointer { s in
      _ = sink.csv.appendRow(bound: s.count) { $0.put(s) }
      _ = sink.hxl?.appendRow(bound: s.count) { $0.put(s) }
    }
    sink.scratch.removeAll(keepingCapacity: true)
    appendJSON(observation: observation, to: &sink.scratch)
    sink.scratch.withUnsafeBufferPointer { s in _ = sink.jsonl.appendRow(bound: s.count) { $0.put(s) } }
  }

  /// The space a canonical record's CSV row needs. No field is longer in CSV than its JSON
  /// token: a quote, doubled in CSV, was escaped in JSON (two bytes or more); quoting a field
  /// takes the two bytes of the token's quotes; the warnings joined with " | " are shorter than
  /// their list. The keys' bytes cover the commas, so the row fits in the line's length plus
  /// its own columns (under 40 bytes).
  var canonicalCSVBound: Int { canonicalLength + 64 }

  /// `appendCSV` for a canonical record, written in one step into `canonicalCSVBound` bytes;
  /// `mutating` for the reason `appendRows` is (called from its closure, a non-mutating
  /// method copied the record first: a copy and a release per figure, 3% of a run).
  mutating func appendCanonicalCSV(observation: ObservationID?, _ w: inout RowWriter) {
    tokens.withUnsafeBufferPointer { t in
      for f in FigureField.allCases {
        if f != .id { w.put(0x2C) }
        let span = spans[f.rawValue]
        guard !span.isEmpty else { continue }
        switch f {
        case .start, .end, .value, .low, .high:
          w.put(UnsafeBufferPointer(rebasing: t[span]))
        case .warnings:
          if span.count > 2 { FigureRecord.joinedWarnings(t[span]).withUnsafeBufferPointer { w.putField($0) } }
        default:
          if escaped[f.rawValue] {
            decodeJSONString(UnsafeBufferPointer(rebasing: t[span])).withUnsafeBufferPointer { w.putField($0) }
          } else {
            // A JSON string without escapes holds no quote or line break: only a comma (noted
            // when it was read) makes the field quoted, and nothing is scanned again.
            let text = UnsafeBufferPointer(rebasing: t[(span.lowerBound + 1)..<(span.upperBound - 1)])
            if commas[f.rawValue] {
              w.put(0x22)
              w.put(text)
              w.put(0x22)
            } else {
              w.put(text)
            }
          }
        }
      }
    }
    w.put(FigureRecord.csvReviews[reviewOrdinal])
    w.put(FigureRecord.csvRoles[role.ordinal])
    observation?.withBytes { w.put($0) }
    w.put(0x0A)
  }

  /// 0 for no review, else one more than the status's position.
  private var reviewOrdinal: Int { review.map { ReviewStatus.allCases.firstIndex(of: $0)! + 1 } ?? 0 }

  /// `withToken` called on the record where it lies; `mutating` for the reason `appendRows` is.
  mutating func withTokenInPlace<R, E: Error>(
    _ f: FigureField, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R
  ) throws(E) -> R {
    let span = spans[f.rawValue]
    return try tokens.withUnsafeBufferPointer { t throws(E) in try body(UnsafeBufferPointer(rebasing: t[span])) }
  }

  /// Calls `body` with the text of the id (decoded, in the rare case the JSON escaped a
  /// character); `mutating` for the reason `appendRows` is.
  mutating func withIDText<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
    let span = spans[FigureField.id.rawValue]
    if escaped[FigureField.id.rawValue] {
      let decoded = tokens.withUnsafeBufferPointer { t in decodeJSONString(UnsafeBufferPointer(rebasing: t[span])) }
      return try decoded.withUnsafeBufferPointer { d throws(E) in try body(d) }
    }
    return try tokens.withUnsafeBufferPointer { t throws(E) in
      try body(UnsafeBufferPointer(rebasing: t[(span.lowerBound + 1)..<(span.upperBound - 1)]))
    }
  }

  /// Appends the record as one JSON Lines line of the figures table (the general writer:
  /// canonical records take `appendCanonicalJSON`).
  func appendJSON(observation: ObservationID?, to out: inout [UInt8]) {
    tokens.withUnsafeBufferPointer { t in appendFields(t, to: &out) }
    out.appendRow(bound: 96) { w in appendJSONTail(observation, &w) }
  }

  /// The line as read, without its closing brace, then the table's own columns (at most 80
  /// bytes): a canonical record's JSON row in `canonicalLength + 96` bytes.
  private mutating func appendCanonicalJSON(observation: ObservationID?, _ w: inout RowWriter) {
    tokens.withUnsafeBufferPointer { t in w.put(UnsafeBufferPointer(rebasing: t[0..<(canonicalLength - 1)])) }
    appendJSONTail(observation, &w)
  }

  private func appendJSONTail(_ observation: ObservationID?, _ w: inout RowWriter) {
    w.put(FigureRecord.jsonTails[reviewOrdinal])
    w.put(FigureRecord.roleTails[role.ordinal])
    if let observation {
      w.put(0x22)
      observation.withBytes { w.put($0) }
      w.put(FigureRecord.lineEnds[0])
    } else {
      w.put(FigureRecord.lineEnds[1])
    }
  }

  /// The JSON after a record's own fields, by review status (none first), role, and the line's
  /// end: written from tables rather than built per row.
  static let jsonTails = ByteTable(
    [",\"review\":null"] + ReviewStatus.allCases.map { ",\"review\":\"\($0.rawValue)\"" })
  static let roleTails = ByteTable(FigureRole.allCases.map { ",\"role\":\"\($0.rawValue)\",\"observation\":" })
  /// The line's end after a quoted observation id, and with none.
  static let lineEnds = ByteTable(["\"}\n", "null}\n"])
  static let csvRoles = ByteTable(FigureRole.allCases.map { ",\($0.rawValue)," })
  static let csvReviews = ByteTable([","] + ReviewStatus.allCases.map { ",\($0.rawValue)" })

  /// The record's own fields as JSON members, `{` included.
  private func appendFields(_ t: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    for f in FigureField.allCases {
      out.append(contentsOf: FigureRecord.jsonKeys[f.rawValue])
      let span = spans[f.rawValue]
      switch f {
      case .start: appendInteger(Int64(start), to: &out)
      case .end: appendInteger(Int64(end), to: &out)
      case .value, .low, .high:
        if let v = f == .value ? value : f == .low ? low : high {
          appendNumber(v, to: &out)
        } else {
          out.append(contentsOf: "null".utf8)
        }
      case .warnings:
        if span.isEmpty { out.append(contentsOf: "[]".utf8) } else { out.append(contentsOf: t[span]) }
      default:
        if span.isEmpty { out.append(contentsOf: "null".utf8) } else { out.append(contentsOf: t[span]) }
      }
    }
  }

  static let jsonKeys = ByteTable(jsonKeys: FigureField.allCases.map(\.name))

  /// A warnings list token as one CSV cell: its codes joined by " | ".
  private static func joinedWarnings(_ token: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
    var joined: [UInt8] = []
    for (i, item) in JSONStringList(UnsafeBufferPointer(rebasing: token)).enumerated() {
      if i > 0 { joined.append(contentsOf: " | ".utf8) }
      joined.append(contentsOf: item)
    }
    return joined
  }

  /// Appends the record as one CSV row of the figures table (the general writer: canonical
  /// records take `appendCanonicalCSV`, which writes the same bytes).
  func appendCSV(observation: ObservationID?, to out: inout [UInt8]) {
    tokens.withUnsafeBufferPointer { t in
      for f in FigureField.allCases {
        if f != .id { out.append(0x2C) }
        let span = spans[f.rawValue]
        switch f {
        case .start: appendInteger(Int64(start), to: &out)
        case .end: appendInteger(Int64(end), to: &out)
        case .value, .low, .high:
          if let v = f == .value ? value : f == .low ? low : high { appendNumber(v, to: &out) }
        case .warnings:
          guard span.count > 2 else { break }
          CSVFormat.appendField(FigureRecord.joinedWarnings(t[span]), to: &out)
        default:
          guard !span.isEmpty else { break }
          if escaped[f.rawValue] {
            CSVFormat.appendField(decodeJSONString(UnsafeBufferPointer(rebasing: t[span])), to: &out)
          } else {
            CSVFormat.appendField(UnsafeBufferPointer(rebasing: t[(span.lowerBound + 1)..<(span.upperBound - 1)]), to: &out)
          }
        }
      }
      out.append(contentsOf: FigureRecord.csvReviews[reviewOrdinal])
      out.append(contentsOf: FigureRecord.csvRoles[role.ordinal])
      if let observation { observation.append(to: &out) }
      out.append(0x0A)
    }
  }
}

/// The decoded strings of a JSON array token of strings (validated by the scanner).
struct JSONStringList: Sequence {
  let token: UnsafeBufferPointer<UInt8>
  init(_ token: UnsafeBufferPointer<UInt8>) { self.token = token }

  /// Whether every element of the (valid) array token is a string.
  static func isStrings(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 1
    var inString = false
    while i < t.count - 1 {
      let b = t[i]
      if inString {
        if b == 0x5C {
          i += 2
          continue
        }
        if b == 0x22 { inString = false }
      } else if b == 0x22 {
        inString = true
      } else if b != 0x2C && b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
        return false
      }
      i += 1
    }
    return true
  }

  struct Iterator: IteratorProtocol {
    let t: UnsafeBufferPointer<UInt8>
    var i = 1
    mutating func next() -> [UInt8]? {
      while i < t.count - 1 && t[i] != 0x22 { i += 1 }
      guard i < t.count - 1 else { return nil }
      let s = i
      i += 1
      while t[i] != 0x22 {
        i += t[i] == 0x5C ? 2 : 1
      }
      i += 1
      return decodeJSONString(UnsafeBufferPointer(rebasing: t[s..<i]))
    }
  }

  func makeIterator() -> Iterator { Iterator(t: token) }
}

/// The token ranges of a record's fields, two 32-bit offsets packed per field. A pooled
/// record keeps its storage from one figure to the next (`removeAll`), so reading allocates
/// nothing per figure.
struct TokenSpans: Sendable {
  // An array, not an `InlineArray`: reading one span of an inline array held in a record
  // copied all 152 bytes first (a memcpy per read, a twentieth of a normalize run, measured
  // for issue 3); an array's element is read in place.
  private var packed = [UInt64](repeating: 0, count: FigureField.allCases.count)

  /// Sets every span empty, keeping the storage.
  mutating func removeAll() {
    packed.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
  }

  subscript(_ i: Int) -> Range<Int> {
    get {
      let v = packed[i]
      return Int(v >> 32)..<Int(v & 0xFFFF_FFFF)
    }
    set { packed[i] = UInt64(newValue.lowerBound) << 32 | UInt64(newValue.upperBound) }
  }
}

/// One bit per field: whether its string token holds an escape.
struct EscapeFlags: Sendable {
  private var bits: UInt32 = 0

  // Inlined: set for each string of every figure read, the call was 1% of a normalize run.
  @inline(__always) subscript(_ i: Int) -> Bool {
    get { bits & (1 << i) != 0 }
    set { if newValue { bits |= 1 << i } else { bits &= ~(1 << i) } }
  }
}

/// The JSON literals of a code enum's cases, in `allCases` order, found by hashing.
enum CodeLiterals<C: RawRepresentable & CaseIterable> where C.RawValue == String {
  // One index per code type, built once (generic statics are not supported).
  static var index: CodeIndex {
    if C.self == Indicator.self { return indicatorIndex }
    if C.self == Qualifier.self { return qualifierIndex }
    if C.self == CountUnit.self { return unitIndex }
    if C.self == Modality.self { return modalityIndex }
    return perIndex
  }
}

private func literals<C: RawRepresentable & CaseIterable>(_: C.Type) -> ByteTable where C.RawValue == String {
  ByteTable(C.allCases.map { "\"\($0.rawValue)\"" })
}

/// Byte strings laid out once in one buffer that lives as long as the process: reading one
/// costs no reference counting (a static `[[UInt8]]` costs a retain and a release per read).
struct ByteTable: @unchecked Sendable {
  private let bytes: UnsafeMutableBufferPointer<UInt8>
  private let offsets: UnsafeMutableBufferPointer<Int>
  let count: Int

  init(_ strings: [String]) {
    let all = strings.flatMap { Array($0.utf8) }
    bytes = .allocate(capacity: max(1, all.count))
    _ = bytes.initialize(from: all)
    offsets = .allocate(capacity: strings.count + 1)
    var o = 0
    for (i, s) in strings.enumerated() {
      offsets[i] = o
      o += s.utf8.count
    }
    offsets[strings.count] = o
    count = strings.count
  }

  /// What goes before each value of a JSON object with these keys, in this order, as the
  /// toolkit writes one: `{"first":`, then `,"next":` (keys that need no escape).
  init(jsonKeys names: [String]) {
    self.init(names.enumerated().map { k, name in (k == 0 ? "{" : ",") + "\"\(name)\":" })
  }

  subscript(_ i: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: UnsafeBufferPointer(bytes)[offsets[i]..<offsets[i + 1]])
  }
}

/// Whether two byte strings are equal (compared in line, see `sameBytes`).
@inline(__always) func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
  a.count == b.count && (a.count == 0 || sameBytes(a.baseAddress!, b.baseAddress!, count: a.count))
}
private let indicatorTable = literals(Indicator.self)
private let qualifierTable = literals(Qualifier.self)
private let unitTable = literals(CountUnit.self)
private let modalityTable = literals(Modality.self)
private let perTable = literals(FigureRecord.RatePer.self)
private let indicatorIndex = CodeIndex(indicatorTable)
private let qualifierIndex = CodeIndex(qualifierTable)
private let unitIndex = CodeIndex(unitTable)
private let modalityIndex = CodeIndex(modalityTable)
private let perIndex = CodeIndex(perTable)

extension ReportedDate {
  /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
  public init?<C: Collection>(iso text: C) where C.Element == UInt8, C.Index == Int {
    let u = text
    let o = text.startIndex
    func digits(_ r: Range<Int>) -> Int? {
      var v = 0
      for k in r {
        let b = u[o + k]
        guard b >= 0x30, b <= 0x39 else { return nil }
        v = v * 10 + Int(b - 0x30)
      }
      return v
    }
    switch u.count {
    case 4:
      guard let y = digits(0..<4), let d = CivilDate(year: y, month: 1, day: 1) else { return nil }
      self.init(d, precision: .year)
    case 7:
      guard u[o + 4] == UInt8(ascii: "-"), let y = digits(0..<4), let m = digits(5..<7),
        let d = CivilDate(year: y, month: m, day: 1)
      else { return nil }
      self.init(d, precision: .month)
    case 10:
      guard u[o + 4] == UInt8(ascii: "-"), u[o + 7] == UInt8(ascii: "-"), let y = digits(0..<4),
        let m = digits(5..<7), let day = digits(8..<10), let d = CivilDate(year: y, month: m, day: day)
      else { return nil }
      self.init(d, precision: .day)
    default: return nil
    }
  }
}
