import Foundation
import PropertyBased
import Testing

@testable import TallyKit

/// Generators for the property tests: text that stresses the codecs, and figures made of it.
enum Generate {
  /// Any Unicode scalar a `String` can hold, weighted toward the bytes codecs treat specially:
  /// control characters (tab, CR, LF, NUL), quotes, commas, backslashes, then Latin-1, the rest
  /// of the Basic Multilingual Plane (no surrogates), and astral characters such as emoji.
  static let character = Gen<Character>.frequency(
    (weight: 2, gen: Gen<Character?>.element(of: Array("\",\\\r\n\t |{}[]:") as [Character]).map { $0! }),
    (weight: 1, gen: Gen.unicodeScalar(in: "\u{0}"..."\u{1F}").map(Character.init)),
    (weight: 4, gen: Gen.character(in: " "..."~")),
    (weight: 1, gen: Gen.unicodeScalar(in: "\u{80}"..."\u{D7FF}").map(Character.init)),
    (weight: 1, gen: Gen.unicodeScalar(in: "\u{E000}"..."\u{FFFF}").map(Character.init)),
    (weight: 1, gen: Gen.unicodeScalar(in: "\u{10000}"..."\u{10FFFF}").map(Character.init))
  )

  static let text = character.string(of: 0...24)
  static let nonEmptyText = character.string(of: 1...24)

  /// A count as the extractor reports one: whole numbers up to billions, or fractions.
  static let count = Gen<Double>.frequency(
    (weight: 3, gen: Gen.int(in: 0...5_000_000_000).map(Double.init)),
    (weight: 1, gen: Gen.double(in: 0...100_000)),
    (weight: 1, gen: Gen<Double?>.element(of: [0.1, 1e-7, 1e15, 123_456_789.125] as [Double]).map { $0! })
  )

  /// A date at any of the three precisions (a month or a year stands for its first day).
  static let date = zip(
    Gen.int(in: 1990...2035), Gen.int(in: 1...12), Gen.int(in: 1...28),
    Gen<ReportedDate.Precision?>.element(of: [.year, .month, .day])
  ).map { y, m, d, p in
    ReportedDate(CivilDate(year: y, month: p == .year ? 1 : m, day: p == .day ? d : 1)!, precision: p!)
  }

  /// Warning codes: lower-case words joined by hyphens, as the extractor writes them (CSV joins
  /// a list with " | ", so a code holding " | " could not round-trip; codes never do).
  static let warning = Gen<Character?>.element(of: Array("abcdefghijklmnopqrstuvwxyz-") as [Character])
    .map { $0! }.string(of: 1...16)

  /// Any figure a file could carry. Empty strings for optional fields are left out: in CSV an
  /// empty cell is a null (documented in docs/datasets.md), so "" and null cannot both survive.
  static let figure = zip(
    zip(Gen<Character?>.element(of: Array("0123456789abcdef") as [Character]).map { $0! }.string(of: 16),
        nonEmptyText, Gen.int(in: 0...10_000_000), Gen.int(in: 0...64), text),
    zip(count.optional(valueRate: 0.9), Gen.int(in: 0...3), Gen<Qualifier>.case, Gen<CountUnit>.case, Gen<Indicator>.case),
    zip(nonEmptyText.optional, Gen<Modality>.case, date.optional, date.optional, nonEmptyText.optional),
    zip(text, Gen<String?>.element(of: ["day", "week"]).optional, warning.array(of: 0...3))
  ).map { a, b, c, d -> Figure in
    let (digest, doc, start, length, text) = a
    let (value, bounds, qualifier, unit, indicator) = b
    let (group, modality, date, periodStart, attribution) = c
    let (sentence, per, warnings) = d
    return Figure(
      id: "\(digest)-\(start)-\(start + length)", doc: doc, start: start, end: start + length, text: text,
      value: value,
      low: bounds == 0 || bounds == 1 || bounds == 3 ? value : nil,
      high: bounds == 0 || bounds == 2 ? value : bounds == 3 ? value.map { $0 * 2 + 1 } : nil,
      qualifier: qualifier, unit: unit, indicator: indicator, group: group, modality: modality,
      date: date, periodStart: periodStart, attribution: attribution, sentence: sentence,
      per: per ?? nil, warnings: warnings)
  }
}

/// Compares a figure read back with the one written: strings byte for byte, numbers exactly.
/// In CSV an empty cell reads as null, so `csv` treats "" and nil alike.
func expectSame(_ r: FigureRecord, _ f: Figure, csv: Bool, _ step: String) {
  func text(_ field: FigureField) -> [UInt8]? {
    let bytes = r.string(field).map { Array($0.utf8) }
    return csv && bytes == [] ? nil : bytes
  }
  func original(_ s: String?) -> [UInt8]? {
    let bytes = s.map { Array($0.utf8) }
    return csv && bytes == [] ? nil : bytes
  }
  #expect(text(.id) == original(f.id), "\(step): id")
  #expect(text(.doc) == original(f.doc), "\(step): doc")
  #expect(r.start == f.start && r.end == f.end, "\(step): span")
  #expect((text(.text) ?? []) == Array(f.text.utf8), "\(step): text")
  #expect(r.value == f.value && r.low == f.low && r.high == f.high, "\(step): value and bounds")
  #expect(r.qualifier == f.qualifier && r.unit == f.unit && r.indicator == f.indicator, "\(step): codes")
  #expect(r.modality == f.modality, "\(step): modality")
  #expect(text(.group) == original(f.group), "\(step): group")
  #expect(r.date == f.date && r.periodStart == f.periodStart, "\(step): dates")
  #expect(r.date?.precision == f.date?.precision, "\(step): date precision")
  #expect(text(.attribution) == original(f.attribution), "\(step): attribution")
  #expect((text(.sentence) ?? []) == Array(f.sentence.utf8), "\(step): sentence")
  #expect(r.per?.rawValue == f.per, "\(step): per")
  let warnings = r.has(.warnings) ? r.withToken(.warnings) { Array(JSONStringList($0)) } : []
  #expect(warnings == f.warnings.map { Array($0.utf8) }, "\(step): warnings")
}

/// Reads the single record of a file.
func readOne(_ bytes: [UInt8], in dir: URL, name: String) throws -> FigureRecord {
  let url = dir.appendingPathComponent(name)
  try Data(bytes).write(to: url)
  let input = try FigureInput(path: url.path)
  var record = FigureRecord()
  #expect(try input.next(into: &record))
  var rest = FigureRecord()
  #expect(try !input.next(into: &rest))
  return record
}

@Suite("Properties: codecs round-trip any record, normalize ignores input order", .scratchFolder)
struct PropertyTests {
  @Test func csvRecordsRoundTrip() async throws {
    await propertyCheck(count: 500, input: Generate.text.array(of: 1...8)) { fields in
      var bytes: [UInt8] = []
      CSVFormat.appendRecord(fields.map { Array($0.utf8) }, to: &bytes)
      let records = try CSVReader(file: "p.csv").records(bytes)
      #expect(records.count == 1)
      #expect(records.first?.fields.map { Array($0.utf8) } == fields.map { Array($0.utf8) })
    }
  }

  @Test func jsonStringsRoundTrip() async throws {
    await propertyCheck(count: 500, input: Generate.text, Generate.text) { key, value in
      var out = JSONEncoderBytes()
      out.bytes.append(UInt8(ascii: "{"))
      out.string(key)
      out.bytes.append(UInt8(ascii: ":"))
      out.string(value)
      out.bytes.append(UInt8(ascii: "}"))
      // One line: every line break and control character is escaped.
      #expect(!out.bytes.contains(0x0A) && !out.bytes.contains(0x0D))
      let members = try JSONObjectParser().parse(out.bytes[...])
      #expect(members.count == 1)
      #expect(members.first.map { Array($0.key.utf8) } == Array(key.utf8))
      #expect(members.first?.value == .string(Array(value.utf8)))
      // The decoder normalize uses on a string token (quotes included).
      var token = JSONEncoderBytes()
      token.string(value)
      #expect(token.bytes.withUnsafeBufferPointer { decodeJSONString($0) } == Array(value.utf8))
    }
  }

  /// A figure written as extract writes it, read by normalize, written as the figures table
  /// in CSV and read again, then written as the figures table in JSON Lines and read again:
  /// every field survives every step.
  @Test(arguments: FigureFormat.allCases)
  func figuresRoundTrip(_ format: FigureFormat) async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-prop-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let tableHeader = Array(((Figure.columns + ["review", "role", "observation"]).joined(separator: ",") + "\n").utf8)
    await propertyCheck(count: 300, input: Generate.figure) { figure in
      let encoder = FigureEncoder(format: format)
      var bytes = encoder.header
      encoder.encode(figure, into: &bytes)
      let first = try readOne(bytes, in: dir, name: "extract.\(format.rawValue)")
      expectSame(first, figure, csv: format == .csv, "read \(format.rawValue)")

      var csv = tableHeader
      first.appendCSV(observation: ObservationID("0123456789abcdef"), to: &csv)
      let second = try readOne(csv, in: dir, name: "table.csv")
      expectSame(second, figure, csv: true, "figures table, CSV")

      var jsonl: [UInt8] = []
      second.appendJSON(observation: nil, to: &jsonl)
      let third = try readOne(jsonl, in: dir, name: "table.jsonl")
      expectSame(third, figure, csv: true, "figures table, JSON Lines")
    }
  }

  /// Figures given to normalize in any order give the same observations: documents in any
  /// order, and the figures of a document in any order (a document's figures stay together, as
  /// normalize requires). Every rule but `latest`, which by design lets input order break ties
  /// between documents published the same day.
  @Test(arguments: [ReconcileRule.conservative, .median, .intersect])
  func normalizeIgnoresInputOrder(_ rule: ReconcileRule) async throws {
    var options = NormalizeOptions()
    options.rule = rule
    // Per figure: (offset step, value in fifties, qualifier, indicator, day, sort key).
    let figure = zip(
      Gen.int(in: 1...50), Gen.int(in: 1...4), Gen<Qualifier?>.element(of: [.exact, .atLeast, .moreThan, .approximately]),
      Gen<Indicator?>.element(of: [.killed, .injured, .medevacCompleted]), zip(Gen.int(in: 1...3), Gen.int(in: 0...1000)))
    let documents = figure.array(of: 1...6).array(of: 1...12)
    await propertyCheck(count: 40, input: documents, Gen.int(in: 0...1_000_000).array(of: 12)) { docs, keys in
      var shuffled: [[Figure]] = []
      let figures = docs.enumerated().map { d, specs in
        var offset = 0
        var keyed: [(key: Int, figure: Figure)] = []
        let inOrder = specs.map { step, fifties, qualifier, indicator, dayAndKey -> Figure in
          offset += step * 10
          var f = fact(
            "doc\(d)", offset, Double(fifties * 50), qualifier!, indicator: indicator!,
            date: "2025-02-0\(dayAndKey.0)")
          f.id = String(format: "%016x-%d-%d", d, f.start, f.end)
          keyed.append((dayAndKey.1, f))
          return f
        }
        shuffled.append(keyed.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element.figure))
        return inOrder
      }
      let order = figures.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
      let a = try normalize(figures.flatMap { $0 }, options: options)
      let b = try normalize(order.flatMap { shuffled[$0] }, options: options)
      defer {
        try? FileManager.default.removeItem(at: a.deletingLastPathComponent())
        try? FileManager.default.removeItem(at: b.deletingLastPathComponent())
      }
      #expect(try OrderTests().observations(a) == OrderTests().observations(b))
    }
  }
}
