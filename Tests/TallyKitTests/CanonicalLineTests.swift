import PropertyBased
import Testing

@testable import TallyKit

/// The fast lane of reading figures (`FigureRecord.readCanonical`) must give the record the
/// general reader gives, and must decline every line the general reader rejects.
@Suite("Normalize: the fast lane for lines as extract writes them")
struct CanonicalLineTests {
  /// The general reader's record, or nil where it reports an error.
  static func general(_ line: [UInt8]) -> FigureRecord? {
    var record = FigureRecord()
    var members: [JSONMember] = []
    do {
      try line.withUnsafeBufferPointer { p throws(NormalizationError) in
        try record.read(jsonLine: p, members: &members, at: SourceLocation(file: "test", line: 1))
      }
    } catch {
      return nil
    }
    return record
  }

  static func fast(_ line: [UInt8]) -> FigureRecord? {
    var record = FigureRecord()
    return line.withUnsafeBufferPointer { record.readCanonical($0) } != .declined ? record : nil
  }

  /// Every field the two readers set, compared.
  static func expectSameRecord(_ a: FigureRecord, _ b: FigureRecord, _ line: [UInt8]) {
    let context = Comment(rawValue: String(decoding: line, as: UTF8.self))
    #expect(a.tokens == b.tokens, context)
    for f in FigureField.allCases {
      #expect(a.spans[f.rawValue] == b.spans[f.rawValue], "\(f.name): \(context)")
      #expect(a.escaped[f.rawValue] == b.escaped[f.rawValue], "\(f.name): \(context)")
    }
    #expect(a.start == b.start && a.end == b.end, context)
    #expect(a.value == b.value && a.low == b.low && a.high == b.high, context)
    #expect(a.qualifier == b.qualifier && a.unit == b.unit && a.indicator == b.indicator, context)
    #expect(a.modality == b.modality && a.per == b.per, context)
    #expect(a.date == b.date && a.periodStart == b.periodStart, context)
    #expect(a.canonicalLength == b.canonicalLength, context)
  }

  /// 4000 copies of `original`, each damaged by one edit: a byte dropped, doubled or replaced
  /// by one that matters to JSON.
  static func damaged(_ original: [UInt8], seed: UInt64) -> [[UInt8]] {
    let swaps = Array("\"\\,:{}[]0 n-.e1T".utf8) + [0x01, 0x7F]
    var random = RobustnessTests.SplitMix(state: seed)
    return (0..<4000).map { _ in
      var bytes = original
      let at = Int.random(in: 0..<bytes.count, using: &random)
      switch Int.random(in: 0..<3, using: &random) {
      case 0: bytes.remove(at: at)
      case 1: bytes.insert(bytes[at], at: at)
      default: bytes[at] = swaps.randomElement(using: &random)!
      }
      return bytes
    }
  }

  static func line(_ figure: Figure) -> [UInt8] {
    var bytes: [UInt8] = []
    FigureEncoder(format: .jsonl).encode(figure, into: &bytes)
    if bytes.last == 0x0A { bytes.removeLast() }
    return bytes
  }

  /// Any figure as extract writes it: the fast lane reads it exactly when the general reader
  /// finds it canonical (whole numbers), and both give the same record.
  @Test func readsWhatExtractWritesAsTheGeneralReaderDoes() async {
    await propertyCheck(count: 500, input: Generate.figure) { figure in
      let bytes = CanonicalLineTests.line(figure)
      guard let slow = CanonicalLineTests.general(bytes) else {
        Issue.record("the general reader rejects a line extract wrote: \(String(decoding: bytes, as: UTF8.self))")
        return
      }
      let fast = CanonicalLineTests.fast(bytes)
      #expect((fast != nil) == (slow.canonicalLength > 0), Comment(rawValue: String(decoding: bytes, as: UTF8.self)))
      if var fast {
        CanonicalLineTests.expectSameRecord(fast, slow, bytes)
        // The row writer's pointer lane, in the space the figures table makes for it, writes
        // the CSV row the general writer does.
        var row: [UInt8] = []
        var csv: [UInt8] = []
        let id = ObservationID("0123456789abcdef")
        row.appendRow(bound: fast.canonicalCSVBound) { w in fast.appendCanonicalCSV(observation: id, &w) }
        slow.appendCSV(observation: id, to: &csv)
        #expect(row == csv, Comment(rawValue: String(decoding: bytes, as: UTF8.self)))
      }
    }
  }

  /// Lines damaged one edit at a time (a byte dropped, doubled or replaced by one that matters
  /// to JSON): whatever the general reader rejects, the fast lane declines; whatever the fast
  /// lane reads, it reads as the general reader does.
  @Test func declinesWhatTheGeneralReaderRejects() {
    let base = Figure(
      id: "00ff00ff00ff00ff-12-25", doc: "doc-1", start: 12, end: 25, text: "at least 1,200", value: 1200, low: 1200,
      high: nil, qualifier: .atLeast, unit: .people, indicator: .killed, group: "children", modality: .actual,
      date: ReportedDate(CivilDate(year: 2025, month: 3, day: 4)!, precision: .day), periodStart: nil,
      attribution: "the ministry", sentence: "At least 1,200 children, the ministry said \"today\".", per: nil,
      warnings: ["date-from-publication"])
    let original = CanonicalLineTests.line(base)
    #expect(CanonicalLineTests.fast(original) != nil)
    var declined = 0
    for bytes in CanonicalLineTests.damaged(original, seed: 2026) {
      let slow = CanonicalLineTests.general(bytes)
      let fast = CanonicalLineTests.fast(bytes)
      if slow == nil {
        let accepted = fast != nil
        #expect(!accepted, Comment(rawValue: String(decoding: bytes, as: UTF8.self)))
      }
      if let fast, let slow { CanonicalLineTests.expectSameRecord(fast, slow, bytes) }
      if fast == nil { declined += 1 }
    }
    // Most edits break the line; some (a digit, a letter in a text) leave it valid.
    #expect(declined > 1000 && declined < 4000)
  }

  /// The fast lane says a line it reads is all ASCII (so needs no UTF-8 check) only when it
  /// is, and says so of every ASCII line without escapes: on generated lines, and on lines
  /// with one byte replaced by a byte of 0x80 or more (valid UTF-8 or not).
  @Test func saysALineIsASCIIOnlyWhenItIs() async {
    var random = RobustnessTests.SplitMix(state: 29)
    await propertyCheck(count: 500, input: Generate.figure) { figure in
      let original = CanonicalLineTests.line(figure)
      var variants = [original]
      for high: UInt8 in [0x80, 0xC3, 0xE2, 0xFF] {
        var bytes = original
        bytes[Int.random(in: 0..<bytes.count, using: &random)] = high
        variants.append(bytes)
      }
      for bytes in variants {
        var record = FigureRecord()
        let read = bytes.withUnsafeBufferPointer { record.readCanonical($0) }
        let ascii = bytes.allSatisfy { $0 < 0x80 }
        let text = Comment(rawValue: String(decoding: bytes, as: UTF8.self))
        if read == .ascii { #expect(ascii, text) }
        if read != .declined && ascii && !bytes.contains(0x5C) { #expect(read == .ascii, text) }
      }
    }
  }

  /// A byte above ASCII anywhere in a string makes the line one to check, including in the
  /// last eight bytes of the line, which the string scan reads one at a time rather than as
  /// words: in each string of a line whose last string is a warning ending in the byte.
  @Test(arguments: [FigureField.id, .doc, .text, .group, .attribution, .sentence, .warnings])
  func aByteAboveASCIIInAnyStringIsNoticed(_ field: FigureField) throws {
    var figure = Figure(
      id: "00ff00ff00ff00ff-12-25", doc: "doc-1", start: 12, end: 25, text: "at least 1,200", value: 1200,
      low: 1200, high: nil, qualifier: .atLeast, unit: .people, indicator: .killed, group: "children",
      modality: .actual, date: ReportedDate(CivilDate(year: 2025, month: 3, day: 4)!, precision: .day),
      periodStart: nil, attribution: "the ministry", sentence: "At least 1,200 children.", per: nil, warnings: ["w"])
    switch field {
    case .id: figure.id += "\u{e9}"
    case .doc: figure.doc += "\u{e9}"
    case .text: figure.text += "\u{e9}"
    case .group: figure.group! += "\u{e9}"
    case .attribution: figure.attribution! += "\u{e9}"
    case .sentence: figure.sentence += "\u{e9}"
    case .warnings: figure.warnings = ["w\u{e9}"]
    default: Issue.record("not a free-text field: \(field.name)")
    }
    let bytes = CanonicalLineTests.line(figure)
    var record = FigureRecord()
    let read = bytes.withUnsafeBufferPointer { record.readCanonical($0) }
    #expect(read == .read, Comment(rawValue: String(decoding: bytes, as: UTF8.self)))
  }

  /// The group-name table gives each distinct name one number, the same each time, as it grows
  /// past its first size (and names of any length, sharing their first bytes).
  @Test func groupNamesInternToOneNumberEach() {
    var table = InternTable()
    let names = (0..<1000).map { k in Array("group name number \(k)".utf8) + Array(repeating: 0x78, count: k % 9) }
    let first = names.map { n in n.withUnsafeBufferPointer { table.intern($0) } }
    let again = names.reversed().map { n in n.withUnsafeBufferPointer { table.intern($0) } }
    #expect(first == Array(0..<1000).map(Int32.init))
    #expect(again == first.reversed())
  }

  /// Lines the general reader takes but the fast lane leaves to it: every field is still read.
  @Test(arguments: [
    #"{"doc":"d","id":"a-1-2","start":1,"end":2,"text":"2","value":2,"low":2,"high":2,"qualifier":"exact","unit":"people","indicator":"killed","group":null,"modality":"actual","date":null,"period_start":null,"attribution":null,"sentence":null,"per":null,"warnings":[]}"#,
    #"{"id":"a-1-2","doc":"d","start":1,"end":2,"text":"2","value":2.5,"low":2,"high":3,"qualifier":"exact","unit":"people","indicator":"killed","group":null,"modality":"actual","date":null,"period_start":null,"attribution":null,"sentence":null,"per":null,"warnings":[]}"#,
    #"{"id":"a-1-2", "doc":"d","start":1,"end":2,"text":"2","value":2,"low":2,"high":2,"qualifier":"exact","unit":"people","indicator":"killed","group":null,"modality":"actual","date":null,"period_start":null,"attribution":null,"sentence":null,"per":null,"warnings":[]}"#,
    #"{"id":"a-1-2","doc":"d","start":1,"end":2,"text":"2","value":2,"low":2,"high":2,"qualifier":"\u0065xact","unit":"people","indicator":"killed","group":null,"modality":"actual","date":null,"period_start":null,"attribution":null,"sentence":null,"per":null,"warnings":[]}"#,
    #"{"id":"a-1-2","doc":"d","start":1,"end":2,"text":"2","value":-2,"low":null,"high":null,"qualifier":"exact","unit":"people","indicator":"killed","group":null,"modality":"actual","date":null,"period_start":null,"attribution":null,"sentence":null,"per":null,"warnings":null}"#,
  ])
  func leavesOtherFormsToTheGeneralReader(_ text: String) throws {
    let bytes = Array(text.utf8)
    #expect(CanonicalLineTests.fast(bytes) == nil)
    let slow = try #require(CanonicalLineTests.general(bytes))
    #expect(slow.indicator == .killed && slow.start == 1 && slow.end == 2)
  }
}

/// The fast lane of reading the documents table (`DocumentReader.canonicalRecord`) must give
/// the record the general reader gives, and must decline every line the general reader
/// rejects.
@Suite("Normalize: the fast lane for documents as extract lists them")
struct CanonicalDocumentTests {
  static func general(_ line: [UInt8]) -> DocumentRecord? {
    let reader = DocumentReader(DocumentList())
    return try? line.withUnsafeBufferPointer { p throws(NormalizationError) in
      try reader.jsonObject(p, at: SourceLocation(file: "test", line: 1), fastLane: false)
    }
  }

  static func fast(_ line: [UInt8]) -> DocumentRecord? {
    line.withUnsafeBufferPointer { DocumentReader.canonicalRecord($0) }
  }

  static func line(_ record: DocumentRecord) -> [UInt8] {
    var bytes: [UInt8] = []
    DocumentRecord.encoder.json(record.cells, into: &bytes)
    if bytes.last == 0x0A { bytes.removeLast() }
    return bytes
  }

  static let document = zip(
    zip(Generate.text, Generate.nonEmptyText.optional, Generate.text.optional),
    zip(Generate.date.optional, Gen<Character?>.element(of: Array("0123456789abcdef") as [Character]).map { $0! }
      .string(of: 64).optional, Gen.int(in: 0...1_000_000).optional, Gen.int(in: 0...500))
  ).map { a, b -> DocumentRecord in
    DocumentRecord(
      id: a.0, outlet: a.1, url: a.2, published: b.0.map(\.day), sha256: b.1, bytes: b.2, figures: b.3)
  }

  /// Any documents row as normalize writes it (extract writes the same): the fast lane reads
  /// it unless a string holds an escape, and gives the general reader's record.
  @Test func readsWhatExtractListsAsTheGeneralReaderDoes() async {
    await propertyCheck(count: 500, input: CanonicalDocumentTests.document) { record in
      let bytes = CanonicalDocumentTests.line(record)
      let text = Comment(rawValue: String(decoding: bytes, as: UTF8.self))
      let slow = CanonicalDocumentTests.general(bytes)
      #expect(slow == record, text)
      let escapes = bytes.contains(0x5C)
      let fast = CanonicalDocumentTests.fast(bytes)
      #expect((fast == nil) == escapes, text)
      if let fast { #expect(fast == slow, text) }
    }
  }

  /// The documents table's row writer writes what the general row encoder writes.
  @Test func rowsAsTheRowEncoderWritesThem() async {
    await propertyCheck(count: 500, input: CanonicalDocumentTests.document) { record in
      var expected: ([UInt8], [UInt8]) = ([], [])
      DocumentRecord.encoder.csv(record.cells, into: &expected.0)
      DocumentRecord.encoder.json(record.cells, into: &expected.1)
      var rows: ([UInt8], [UInt8]) = ([7], [9])
      record.appendRows(csv: &rows.0, json: &rows.1)
      #expect(rows.0 == [7] + expected.0, Comment(rawValue: String(decoding: expected.0, as: UTF8.self)))
      #expect(rows.1 == [9] + expected.1, Comment(rawValue: String(decoding: expected.1, as: UTF8.self)))
    }
  }

  /// Lines damaged one edit at a time: whatever the general reader rejects, the fast lane
  /// declines; whatever the fast lane reads, it reads as the general reader does.
  @Test func declinesWhatTheGeneralReaderRejects() {
    let original = Array(
      #"{"id":"doc-7","outlet":"Outlet, 3","url":"https://example.org/a?b=1","published":"2025-03-04","sha256":"00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff","bytes":1200,"figures":9}"#
        .utf8)
    #expect(CanonicalDocumentTests.fast(original) != nil)
    var declined = 0
    for bytes in CanonicalLineTests.damaged(original, seed: 2027) {
      let slow = CanonicalDocumentTests.general(bytes)
      let fast = CanonicalDocumentTests.fast(bytes)
      let text = Comment(rawValue: String(decoding: bytes, as: UTF8.self))
      if slow == nil { #expect(fast == nil, text) }
      if let fast { #expect(fast == slow, text) }
      if fast == nil { declined += 1 }
      if let slow, fast != nil {
        #expect(CanonicalDocumentTests.keptRows(bytes, figures: 31) == CanonicalDocumentTests.rows(slow, figures: 31), text)
      }
    }
    #expect(declined > 1000 && declined < 4000)
  }

  /// The rows a record writes with `figures` figures.
  static func rows(_ record: DocumentRecord, figures: Int) -> [[UInt8]] {
    var counted = record
    counted.figures = figures
    var rows: ([UInt8], [UInt8]) = ([], [])
    counted.appendRows(csv: &rows.0, json: &rows.1)
    return [rows.0, rows.1]
  }

  /// The rows the documents ledger writes from a kept line; nil when the line is not kept.
  static func keptRows(_ bytes: [UInt8], figures: Int) -> [[UInt8]]? {
    var line = DocumentLine()
    guard bytes.withUnsafeBufferPointer({ line.read($0) }) else { return nil }
    var rows: ([UInt8], [UInt8]) = ([7], [9])
    line.appendRows(figures: figures, csv: &rows.0, json: &rows.1)
    #expect(rows.0.first == 7 && rows.1.first == 9)
    return [Array(rows.0.dropFirst()), Array(rows.1.dropFirst())]
  }

  /// A line kept as its bytes (the documents ledger's fast lane) writes the rows its record
  /// writes, whatever its figure count.
  @Test func keptLinesWriteTheRowsOfTheirRecords() async {
    await propertyCheck(count: 500, input: zip(CanonicalDocumentTests.document, Gen.int(in: 0...100_000))) {
      record, figures in
      let bytes = CanonicalDocumentTests.line(record)
      let text = Comment(rawValue: String(decoding: bytes, as: UTF8.self))
      let kept = CanonicalDocumentTests.keptRows(bytes, figures: figures)
      #expect((kept == nil) == bytes.contains(0x5C), text)
      if let kept { #expect(kept == CanonicalDocumentTests.rows(record, figures: figures), text) }
    }
  }

  /// Lines the general reader takes but the fast lane leaves to it.
  @Test(arguments: [
    #"{"outlet":null,"id":"d","url":null,"published":null,"sha256":null,"bytes":null,"figures":1}"#,
    #"{"id":"d", "outlet":null,"url":null,"published":null,"sha256":null,"bytes":null,"figures":1}"#,
    #"{"id":"\u0064","outlet":null,"url":null,"published":null,"sha256":null,"bytes":null,"figures":1}"#,
    #"{"id":"d","outlet":null,"url":null,"published":"2025-03-04T10:00:00Z","sha256":null,"bytes":"12","figures":1}"#,
    #"{"id":"d","outlet":null,"url":null,"published":null,"sha256":null,"bytes":12.0,"figures":1}"#,
    #"{"id":"d","outlet":null,"url":null,"published":null,"sha256":null,"bytes":null}"#,
  ])
  func leavesOtherFormsToTheGeneralReader(_ text: String) throws {
    let bytes = Array(text.utf8)
    #expect(CanonicalDocumentTests.fast(bytes) == nil)
    let slow = try #require(CanonicalDocumentTests.general(bytes))
    #expect(slow.id == "d")
  }
}
