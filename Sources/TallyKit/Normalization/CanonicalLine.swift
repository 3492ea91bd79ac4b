/// The fast lane of reading figures: a line exactly as `extract` writes one (every field, in
/// `FigureField` order, no spaces, numbers as plain integers) is read in one pass that checks
/// each key in place, instead of listing the members of a general JSON object and looking the
/// keys up. Nearly every line normalize reads is such a line. Anything else (fields in another
/// order or missing, spaces, other number forms, and every error) makes the fast lane decline,
/// and the general reader (`read(jsonLine:)`) reads the line and reports what is wrong with it.
/// Both set the same record: a test reads lines both ways and compares.
extension FigureRecord {
  /// How `readCanonical` read a line.
  enum CanonicalRead {
    /// Not a canonical line: the record is to be read by `read(jsonLine:)`.
    case declined
    /// Read, and every byte is ASCII (so the line is valid UTF-8 without a check of its own).
    case ascii
    /// Read; some byte is 0x80 or more, so the line is still to be checked as UTF-8.
    case read
  }

  /// Reads `line` if it is a canonical `extract` line whose fields are all valid.
  mutating func readCanonical(_ line: UnsafeBufferPointer<UInt8>) -> CanonicalRead {
    guard let bits = readCanonicalFields(line) else { return .declined }
    return bits & swarHighBits == 0 ? .ascii : .read
  }

  /// The or of the string bytes' words (see `CanonicalCursor.loaded`), nil when declined.
  private mutating func readCanonicalFields(_ line: UnsafeBufferPointer<UInt8>) -> UInt64? {
    reset()
    let n = line.count
    guard n > 2, line[n - 1] == UInt8(ascii: "}") else { return nil }
    tokens.append(contentsOf: line)
    var c = CanonicalCursor(p: line.baseAddress!, n: n - 1)
    var parsedStart = 0
    var parsedEnd = 0
    var numbers: (Double?, Double?, Double?) = (nil, nil, nil)
    let keys = FigureRecord.jsonKeys
    for f in FigureField.allCases {
      guard c.expect(keys[f.rawValue]) else { return nil }
      let tokenStart = c.i
      switch f {
      case .start, .end:
        guard let v = c.plainInteger() else { return nil }
        if f == .start { parsedStart = v } else { parsedEnd = v }
      case .value, .low, .high:
        if c.null() { continue }
        guard let v = c.plainInteger() else { return nil }
        switch f {
        case .value: numbers.0 = Double(v)
        case .low: numbers.1 = Double(v)
        default: numbers.2 = Double(v)
        }
      case .warnings:
        guard c.stringList() else { return nil }
      default:
        if !f.isRequired && c.null() { continue }
        guard let e = c.string() else { return nil }
        escaped[f.rawValue] = e
        commas[f.rawValue] = c.comma
      }
      spans[f.rawValue] = tokenStart..<c.i
    }
    guard c.i == n - 1 else { return nil }
    // The checks `parseFields` makes; a line that fails one is left to the general reader,
    // which names the field.
    guard spans[FigureField.id.rawValue].count <= 1026, parsedEnd >= parsedStart else { return nil }
    if let l = numbers.1, let h = numbers.2, l > h { return nil }
    guard let q: Qualifier = codeIfPlain(.qualifier), let u: CountUnit = codeIfPlain(.unit),
      let i: Indicator = codeIfPlain(.indicator), let m: Modality = codeIfPlain(.modality)
    else { return nil }
    var p: RatePer? = nil
    if has(.per) {
      guard let code: RatePer = codeIfPlain(.per) else { return nil }
      p = code
    }
    let d = isoDateIfPlain(.date)
    let s = isoDateIfPlain(.periodStart)
    guard d.ok, s.ok else { return nil }
    start = parsedStart
    end = parsedEnd
    (value, low, high) = numbers
    qualifier = q
    unit = u
    indicator = i
    modality = m
    per = p
    (date, periodStart) = (d.date, s.date)
    canonicalLength = n
    return c.loaded
  }

  /// A date field's value (nil for null); `ok` is false when the token is not a plain ISO date.
  private func isoDateIfPlain(_ f: FigureField) -> (ok: Bool, date: ReportedDate?) {
    guard has(f) else { return (true, nil) }
    guard !escaped[f.rawValue], let d = withToken(f, { ReportedDate(iso: $0[1..<($0.count - 1)]) }) else {
      return (false, nil)
    }
    return (true, d)
  }

  /// A code field's value when its token is one of the code's literals as written (no escapes).
  private func codeIfPlain<C: RawRepresentable & CaseIterable>(_ f: FigureField) -> C? where C.RawValue == String {
    guard !escaped[f.rawValue], let k = withToken(f, { CodeLiterals<C>.index.find($0) }) else { return nil }
    return C.allCases[C.allCases.index(C.allCases.startIndex, offsetBy: k)]
  }
}

/// A cursor over a line's bytes (its closing brace excluded) for the fast lanes (figures and
/// documents): every method returns nil or false where the line is not as `extract` writes it.
struct CanonicalCursor {
  let p: UnsafePointer<UInt8>
  let n: Int
  var i = 0
  /// Whether the string `string()` last read holds a comma (when it holds no escape).
  var comma = false
  /// The or of every word and byte the string reads looked at: no high bit set means that
  /// every string byte, and so (the rest being keys, digits and punctuation) the whole line,
  /// is ASCII. An escape sets a high bit, as its string is then read by the general cursor.
  var loaded: UInt64 = 0

  /// Steps over `bytes` if they come next.
  @inline(__always) mutating func expect(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let m = bytes.count
    guard i + m <= n, sameBytes(p + i, bytes.baseAddress!, count: m) else { return false }
    i += m
    return true
  }

  @inline(__always) mutating func null() -> Bool {
    guard i + 4 <= n, p[i] == UInt8(ascii: "n"), p[i + 1] == UInt8(ascii: "u"), p[i + 2] == UInt8(ascii: "l"),
      p[i + 3] == UInt8(ascii: "l")
    else { return false }
    i += 4
    return true
  }

  /// Digits without a leading zero, at most 15 of them (as `isPlainInteger` allows; negative
  /// numbers, which extract never writes, are left to the general reader).
  @inline(__always) mutating func plainInteger() -> Int? {
    let s = i
    var v = 0
    while i < n, p[i] &- 0x30 < 10 {
      v = v &* 10 &+ Int(p[i] &- 0x30)
      i += 1
    }
    let digits = i - s
    guard digits > 0, digits <= 15, p[s] != 0x30 || digits == 1 else { return nil }
    return v
  }

  /// A string token; whether it holds an escape (escapes are checked by the JSON reader's
  /// rules), nil when the token is not a valid string.
  @inline(__always) mutating func string() -> Bool? {
    guard i < n, p[i] == 0x22 else { return nil }
    let open = i
    i += 1
    comma = false
    while true {
      i = skipPlainJSONStringBytes(p, from: i, count: n, comma: &comma, loaded: &loaded)
      guard i < n else { return nil }
      let b = p[i]
      if b == 0x22 {
        i += 1
        return false
      }
      if b < 0x20 { return nil }
      if b == 0x5C {
        loaded |= 0x80
        var c = JSONCursor(bytes: UnsafeBufferPointer(start: p, count: n))
        c.i = open
        guard (try? c.string()) != nil else { return nil }
        i = c.i
        return true
      }
      if b == 0x2C { comma = true }
      loaded |= UInt64(b)
      i += 1
    }
  }

  /// `[]` or `["a","b"]`, without spaces.
  mutating func stringList() -> Bool {
    guard i < n, p[i] == UInt8(ascii: "[") else { return false }
    i += 1
    if i < n, p[i] == UInt8(ascii: "]") {
      i += 1
      return true
    }
    while true {
      guard string() != nil, i < n else { return false }
      if p[i] == UInt8(ascii: "]") {
        i += 1
        return true
      }
      guard p[i] == UInt8(ascii: ",") else { return false }
      i += 1
    }
  }
}

/// The fast lane of the documents table: a line exactly as `extract --documents` (and
/// normalize) writes one (every field in `DocumentReader.fields` order, no spaces, strings
/// without escapes, whole numbers, the day as `YYYY-MM-DD`), kept as its bytes. The documents
/// ledger finds a document by comparing its id's bytes and writes its row from the line:
/// building a `DocumentRecord` (its strings, encoded again for the row) was a tenth of a
/// normalize run (measured for issue 3). Anything else makes `read` decline, and the general
/// reader reads the line; a test checks that both write the same rows.
struct DocumentLine {
  /// The line, reused from one to the next.
  private var bytes: [UInt8] = []
  /// Each field's text (a string without its quotes, a number's digits), in `fields` order;
  /// an empty range with `isNull` set for null.
  private var texts = [Range<Int>](repeating: 0..<0, count: 7)
  private var nulls: UInt8 = 0
  private(set) var published: CivilDate?
  /// Where the figure count's digits start: a JSON row is the line up to there, then the count.
  private var countStart = 0

  /// Reads `line`; false when it is not as extract writes it (the line is then not kept).
  mutating func read(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = line.count
    guard n > 2, line[n - 1] == UInt8(ascii: "}") else { return false }
    var c = CanonicalCursor(p: line.baseAddress!, n: n - 1)
    var nulls: UInt8 = 0
    for k in 0..<7 {
      guard c.expect(DocumentRecord.jsonKeys[k]) else { return false }
      if k == 6 { countStart = c.i }
      // The id and the figure count are never null.
      if k != 0 && k != 6 && c.null() {
        nulls |= 1 << k
        texts[k] = c.i..<c.i
        continue
      }
      let start = c.i
      if k >= 5 {
        guard c.plainInteger() != nil else { return false }
        texts[k] = start..<c.i
      } else {
        guard c.string() == false else { return false }
        texts[k] = (start + 1)..<(c.i - 1)
      }
    }
    guard c.i == n - 1 else { return false }
    published = nil
    if nulls & (1 << 3) == 0 {
      let day = texts[3]
      guard day.count == 10, let d = ReportedDate(iso: UnsafeBufferPointer(rebasing: line[day])) else { return false }
      published = d.day
    }
    self.nulls = nulls
    bytes.removeAll(keepingCapacity: true)
    bytes.append(contentsOf: line)
    return true
  }

  /// Calls `body` with the bytes of field `k` (`DocumentReader.fields[k]`); nil for null.
  func withField<R, E: Error>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>?) throws(E) -> R) throws(E) -> R {
    if nulls & (1 << k) != 0 { return try body(nil) }
    return try bytes.withUnsafeBufferPointer { b throws(E) in try body(UnsafeBufferPointer(rebasing: b[texts[k]])) }
  }

  /// The record the general reader makes of the line.
  var record: DocumentRecord {
    func text(_ k: Int) -> String? { withField(k) { $0.map { String(decoding: $0, as: UTF8.self) } } }
    func integer(_ k: Int) -> Int? { text(k).flatMap { Int($0) } }
    return DocumentRecord(
      id: text(0) ?? "", outlet: text(1), url: text(2), published: published, sha256: text(4), bytes: integer(5),
      figures: integer(6) ?? 0)
  }

  /// Appends the row `DocumentRecord.appendRows` writes for the line's record with `figures`
  /// figures: the JSON is the line up to the count; the CSV, its fields' texts (dates and
  /// digits need no quotes, so writing every field alike gives the same bytes).
  func appendRows(figures: Int, csv: inout [UInt8], json: inout [UInt8]) {
    bytes.withUnsafeBufferPointer { b in
      json.append(contentsOf: b[0..<countStart])
      for k in 0..<6 {
        if k > 0 { csv.append(0x2C) }
        if nulls & (1 << k) == 0 { CSVFormat.appendField(UnsafeBufferPointer(rebasing: b[texts[k]]), to: &csv) }
      }
    }
    csv.append(0x2C)
    appendInteger(Int64(figures), to: &csv)
    csv.append(0x0A)
    appendInteger(Int64(figures), to: &json)
    json.append(contentsOf: "}\n".utf8)
  }
}
