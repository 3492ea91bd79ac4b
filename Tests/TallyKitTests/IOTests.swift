import Foundation
import Testing

@testable import TallyKit

@Suite("Shared input and output")
struct IOTests {
  @Test func jsonObjectsWithEscapes() throws {
    let line = #"{"id": "a\"1", "text": "caf\u00e9 \ud83d\ude00\n", "n": 3.5, "x": [1, {"y": null}], "ok": true}"#
    let fields = try JSONObjectParser().parse(ArraySlice(Array(line.utf8)))
    let map = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0.value) })
    #expect(map["id"]?.text == "a\"1")
    #expect(map["text"]?.text == "café 😀\n")
    #expect(map["n"] == .number(3.5))
    #expect(map["x"] == .nested)
    #expect(map["ok"] == .bool(true))
  }

  @Test(arguments: [
    "[1, 2]", "{\"id\": \"a\"", "{\"id\" \"a\"}", "{\"id\": \"a\"} x", "{\"t\": \"\\ud83d\"}",
    "{\"t\": \"a\tb\"}", "", "{\"t\": tru}",
  ])
  func malformedJSONIsRejected(_ line: String) {
    #expect(throws: JSONObjectParser.Failure.self) {
      try JSONObjectParser().parse(ArraySlice(Array(line.utf8)))
    }
  }

  /// The JSON string skip stops exactly at the first quote, backslash or control byte when
  /// one lies in a whole word ahead, and never passes one; it says whether a comma, and
  /// whether a byte of 0x80 or more, came before where it stopped. Strings up to 80 bytes, so
  /// that the sixteen-byte steps, the eight-byte steps and the rest all meet special bytes.
  @Test func plainStringBytesAreSkippedUpToTheFirstSpecialByte() {
    let alphabet: [UInt8] = Array("ab ,.é\"\\".utf8) + [0x01, 0x1F, 0x20, 0x7F, 0x80, 0xFF]
    var random = RobustnessTests.SplitMix(state: 7)
    for _ in 0..<6000 {
      // Mostly plain bytes, so that long runs reach the wide steps.
      let plain = Int.random(in: 1...12, using: &random)
      let bytes = (0..<Int.random(in: 0...80, using: &random)).map { _ in
        Int.random(in: 0...plain, using: &random) > 0 ? UInt8(ascii: "x") : alphabet.randomElement(using: &random)!
      }
      let start = Int.random(in: 0...bytes.count, using: &random)
      let special = { (b: UInt8) in b == 0x22 || b == 0x5C || b < 0x20 }
      let first = bytes[start...].firstIndex(where: special)
      var comma = false
      var loaded: UInt64 = 0
      let i = bytes.withUnsafeBufferPointer { p in
        p.baseAddress.map { skipPlainJSONStringBytes($0, from: start, count: p.count, comma: &comma, loaded: &loaded) }
          ?? start
      }
      #expect(i >= start && i <= (first ?? bytes.count), "\(bytes) from \(start)")
      if let first, start + ((first - start) / 8 + 1) * 8 <= bytes.count {
        // The special byte lies in a word the skip reads whole (eight bytes from `start` on at
        // a time): it stops on it.
        #expect(i == first, "\(bytes) from \(start)")
      }
      guard i >= start else { continue }
      #expect(comma == bytes[start..<i].contains(0x2C), "\(bytes) from \(start)")
      if bytes[start..<i].contains(where: { $0 >= 0x80 }) {
        #expect(loaded & swarHighBits != 0, "\(bytes) from \(start)")
      }
    }
  }

  @Test func jsonStringsAreEscapedForOutput() {
    var j = JSONEncoderBytes()
    j.string("a\"b\\c\nd\u{01}é")
    #expect(String(decoding: j.bytes, as: UTF8.self) == #""a\"b\\c\nd\u0001é""#)
  }

  @Test func codesAreWrittenAsTheirRawValues() {
    func text(_ s: StaticString) -> String { s.withUTF8Buffer { String(decoding: $0, as: UTF8.self) } }
    for c in Indicator.allCases { #expect(text(c.json) == "\"\(c.rawValue)\"") }
    for c in Qualifier.allCases { #expect(text(c.json) == "\"\(c.rawValue)\"") }
    for c in CountUnit.allCases { #expect(text(c.json) == "\"\(c.rawValue)\"") }
    for c in Modality.allCases { #expect(text(c.json) == "\"\(c.rawValue)\"") }
  }

  @Test func numbersAreWrittenInTheirShortestForm() {
    #expect(formatNumber(16500) == "16500")
    #expect(formatNumber(0.2) == "0.2")
    #expect(formatNumber(1_700_000) == "1700000")
  }

  @Test func csvQuotesCommasAndLineBreaks() throws {
    let text = "id,path\r\n\"a,1\",\"x \"\"y\"\"\nz\"\n\nb,c\n"
    let records = try CSVReader(file: "m.csv").records(Array(text.utf8))
    #expect(records.map(\.fields) == [["id", "path"], ["a,1", "x \"y\"\nz"], ["b", "c"]])
    #expect(records.map(\.line) == [1, 2, 5])
    var out: [UInt8] = []
    CSVFormat.appendField("x \"y\", z".utf8, to: &out)
    #expect(String(decoding: out, as: UTF8.self) == "\"x \"\"y\"\", z\"")
  }

  @Test func csvErrorsNameTheLine() {
    #expect(throws: InputError.malformedCSV(SourceLocation(file: "m.csv", line: 2, column: 1), reason: "a quoted field is never closed")) {
      try CSVReader(file: "m.csv").records(Array("id\n\"open\n".utf8))
    }
  }

  @Test(arguments: [
    [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF], [0x80],
  ] as [[UInt8]])
  func invalidUTF8IsFound(_ bad: [UInt8]) {
    let bytes = Array("ok ".utf8) + bad
    #expect(UTF8Bytes.firstInvalidByte(bytes) == 3)
  }

  @Test func validUTF8Passes() {
    #expect(UTF8Bytes.firstInvalidByte(Array("Türkiye’s 😀 café".utf8)) == nil)
  }

  @Test func offsetsCountCodePoints() throws {
    let text = "Médecins Sans Frontières – “Türkiye” 😀 says 50 patients left."
    let f = try #require(figures(text).first)
    let scalars = Array(text.unicodeScalars)
    let slice = String(String.UnicodeScalarView(scalars[f.start..<f.end]))
    #expect(slice == "50")
    #expect(f.text == "50")
  }

  @Test func lineReaderReadsLongLinesAndCRLF() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tally-lines-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    let long = String(repeating: "x", count: 3_000_000)
    try Data("a\r\n\(long)\nlast".utf8).write(to: url)
    let reader = try LineReader(path: url.path, blockSize: 4096)
    #expect(try reader.nextLine().map { Array($0) } == Array("a".utf8))
    #expect(try reader.nextLine()?.count == long.utf8.count)
    #expect(try reader.nextLine().map { Array($0) } == Array("last".utf8))
    #expect(try reader.nextLine() == nil)
    #expect(reader.lineNumber == 3)
  }

  /// A quoted CSV field keeps the line break it was written with, `\r\n` included (found by
  /// the figure round-trip property: the readers that go on to the next line put back `\n`).
  @Test func quotedLineBreaksKeepTheirCarriageReturn() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tally-crlf-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data("name,note\r\nx,\"one\r\ntwo\nthree\"\r\n".utf8).write(to: url)
    let table = try TableReader(path: url.path)
    #expect(try table.next())
    #expect(table.text(1) == "one\r\ntwo\nthree")
    #expect(try !table.next())

    let encoder = FigureEncoder(format: .csv)
    var bytes = encoder.header
    var figure = fact("a", 0, 5)
    figure.sentence = "first line\r\nsecond\nthird"
    encoder.encode(figure, into: &bytes)
    try Data(bytes).write(to: url)
    var record = FigureRecord()
    #expect(try FigureInput(path: url.path).next(into: &record))
    #expect(record.string(.sentence) == figure.sentence)
  }

  @Test func atomicFilesAppearOnlyOnCommit() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("out.jsonl").path
    let kept = try AtomicFile(path: path)
    try kept.writer.write("one\n")
    #expect(!FileManager.default.fileExists(atPath: path))
    // Registered for removal on interrupt while unfinished, and only then.
    #expect(TemporaryOutputs.pending.contains(kept.temporaryPath))
    try kept.commit()
    #expect(!TemporaryOutputs.pending.contains(kept.temporaryPath))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\n")
    let dropped = try AtomicFile(path: path)
    try dropped.writer.write("two\n")
    dropped.discard()
    #expect(!TemporaryOutputs.pending.contains(dropped.temporaryPath))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.jsonl"])
  }

  /// Direct I/O writes whole aligned buffers and the tail without it; the file holds exactly
  /// the bytes written, across a rewind, in pieces of every size. Where the file system takes
  /// direct I/O, the writer must still be using it after many whole buffers (a misaligned
  /// write would have been refused and sent it back to buffered writes).
  @Test func directWritesKeepEveryByte() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tally-direct-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    #expect(fd >= 0)
    defer { close(fd) }
    let writer = ByteWriter(fd: fd, path: url.path, capacity: 2 * ByteWriter.alignment, direct: true)
    let tookDirect = writer.writesDirectly
    var expected: [UInt8] = []
    var generator = SystemRandomNumberGenerator()
    func piece(_ n: Int) -> [UInt8] { (0..<n).map { _ in UInt8.random(in: 0...255, using: &generator) } }
    try writer.write(piece(5000))
    try writer.rewind()
    for n in [1, 4095, 4096, 4097, 8191, 8192, 20_000, 3, 70_000, 12_345] {
      let bytes = piece(n)
      try writer.write(bytes)
      expected += bytes
    }
    try writer.write("tail\n")
    expected += Array("tail\n".utf8)
    if tookDirect { #expect(writer.writesDirectly) }
    try writer.flush()
    #expect(!writer.writesDirectly)
    #expect(try Data(contentsOf: url) == Data(expected))
  }

  /// A write that fails (here: to a file opened for reading) is reported by the writer at its
  /// next block or at its flush, whichever thread wrote the block, and never lost.
  @Test(arguments: [false, true])
  func failedWritesAreReported(direct: Bool) throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tally-readonly-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data().write(to: url)
    let fd = open(url.path, O_RDONLY)
    #expect(fd >= 0)
    defer { close(fd) }
    let writer = ByteWriter(fd: fd, path: url.path, capacity: 2 * ByteWriter.alignment, direct: direct)
    #expect(throws: InputError.self) {
      // Whole blocks only: no tail is left for the flush to write in line.
      for _ in 0..<8 { try writer.write([UInt8](repeating: 0x61, count: ByteWriter.alignment)) }
      try writer.flush()
    }
  }
}

@Suite("Calendar of named periods")
struct CalendarTests {
  @Test func theShippedFileIsTheBuiltInCalendar() throws {
    let url = packageRoot.appendingPathComponent("datasets/calendar.csv")
    let shipped = try String(contentsOf: url, encoding: .utf8)
    #expect(shipped == EventCalendar.standardCSV)
    #expect(EventCalendar.standard.latest("war", onOrBefore: CivilDate(iso: "2025-01-01")!)?.start.description == "2023-10-07")
    #expect(EventCalendar.standard.latest("ceasefire", onOrBefore: CivilDate(iso: "2025-12-03")!)?.start.description == "2025-10-10")
  }

  @Test func aBadDateNamesItsLine() {
    let csv = "kind,start,end,name,keywords\nwar,2023-13-07,,War,war\n"
    #expect(throws: InputError.invalidDate(SourceLocation(file: "c.csv", line: 2, column: 2), field: "start", value: "2023-13-07")) {
      try EventCalendar.parse(Array(csv.utf8), file: "c.csv")
    }
  }
}
