import Foundation
import Testing

@testable import TallyKit

/// A figure for normalization tests: only what merging reads is set.
func fact(
  _ doc: String, _ start: Int, _ value: Double?, _ qualifier: Qualifier = .exact,
  low: Double? = nil, high: Double? = nil, indicator: Indicator = .killed,
  group: String? = "palestinians", date: String? = "2025-02-01", modality: Modality = .actual,
  warnings: [String] = []
) -> Figure {
  let digest = String(repeating: doc.first.map(String.init) ?? "x", count: 16).prefix(16)
  return Figure(
    id: "\(digest)-\(start)-\(start + 3)", doc: doc, start: start, end: start + 3, text: "n",
    value: value, low: low ?? (qualifier == .exact || qualifier == .atLeast || qualifier == .moreThan ? value : nil),
    high: high ?? (qualifier == .exact || qualifier == .atMost || qualifier == .fewerThan ? value : nil),
    qualifier: qualifier, unit: .people, indicator: indicator, group: group, modality: modality,
    date: date.flatMap { ReportedDate(iso: Array($0.utf8)) }, periodStart: nil, attribution: nil,
    sentence: "s", per: nil, warnings: warnings)
}

/// The rows of a CSV table as dictionaries.
func table(_ url: URL) throws -> [[String: String]] {
  let records = try CSVReader(file: url.path).records(Array(Data(contentsOf: url)))
  let header = records[0].fields
  return records.dropFirst().map { r in
    Dictionary(uniqueKeysWithValues: zip(header, r.fields))
  }
}

/// Normalizes figures (written as JSON Lines, or CSV) and returns the dataset folder. The
/// documents are given in memory, or as a JSON Lines table (`documentsFile`); `prefix` goes
/// before the first byte of each file written (a byte-order mark, say).
func normalize(
  _ figures: [Figure], format: FigureFormat = .jsonl, options: NormalizeOptions = NormalizeOptions(),
  curation: Curation = Curation(), documents: [DocumentRecord]? = nil, documentsFile: [DocumentRecord]? = nil,
  prefix: [UInt8] = [], warnings: WarningCollector = WarningCollector()
) throws -> URL {
  let dir = ScratchFolder.path("normalize")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  let input = dir.appendingPathComponent("figures.\(format.rawValue)")
  let encoder = FigureEncoder(format: format)
  var bytes = prefix + encoder.header
  encoder.encode(figures, into: &bytes)
  try Data(bytes).write(to: input)
  var list = DocumentList(records: documents ?? [])
  if let documentsFile {
    var table = prefix
    for d in documentsFile { DocumentRecord.encoder.json(d.cells, into: &table) }
    let path = dir.appendingPathComponent("documents.jsonl")
    try Data(table).write(to: path)
    list = DocumentList(files: [path.path])
  }
  let out = dir.appendingPathComponent("dataset")
  _ = try Normalizer.run(
    inputs: [input.path], output: out.path, options: options, curation: curation, documents: list,
    warnings: warnings)
  return out
}

@Suite("Normalize: observations, reconciling and conflicts", .scratchFolder)
struct NormalizeTests {
  /// An observation's id is the first 16 hex digits of the SHA-256 of its key's fields, dates
  /// in ISO 8601 at their precision and a missing field empty, joined by U+001F (the rule
  /// docs/datasets.md gives, computed here from strings).
  @Test(arguments: [
    (Indicator.killed, "palestinians" as String?, Modality.actual, CountUnit.people, nil as FigureRecord.RatePer?, "2025-02-01" as String?, nil as String?),
    (.medevacCompleted, nil, .planned, .people, .day, "2025-02", "2025-01-15"),
    (.aidTrucks, "trucks of flour, \"wheat\"", .actual, .trucks, .week, "2024", nil),
    (.other, "أطفال", .actual, .people, nil, nil, nil),
  ])
  func observationIdsAreTheDigestOfTheirKey(
    _ indicator: Indicator, _ group: String?, _ modality: Modality, _ unit: CountUnit,
    _ per: FigureRecord.RatePer?, _ date: String?, _ periodStart: String?
  ) {
    var key = ObservationKey()
    key.indicator = indicator
    key.group = group
    key.modality = modality
    key.unit = unit
    key.per = per
    key.date = date.flatMap { ReportedDate(iso: Array($0.utf8)) }
    key.periodStart = periodStart.flatMap { ReportedDate(iso: Array($0.utf8)) }
    #expect((date == nil) == (key.date == nil) && (periodStart == nil) == (key.periodStart == nil))
    let text = [indicator.rawValue, group ?? "", modality.rawValue, unit.rawValue, per?.rawValue ?? "", date ?? "", periodStart ?? ""]
      .joined(separator: "\u{1F}")
    let expected = String(DocumentDigest(Array(text.utf8)).hex.prefix(16))
    #expect(key.stableID.withBytes { String(decoding: $0, as: UTF8.self) } == expected)
  }

  @Test func repeatsInOneDocumentCollapse() throws {
    let out = try normalize([fact("a", 10, 183), fact("a", 90, 183), fact("a", 200, 180, .moreThan)])
    let obs = try table(out.appendingPathComponent("observations.csv"))
    #expect(obs.count == 1)
    #expect(obs[0]["figures"] == "3")
    #expect(obs[0]["documents"] == "1")
    #expect(obs[0]["conflict"] == "false")
    #expect(obs[0]["figure_ids"]?.split(separator: " ").count == 3)
  }

  /// Document ids that JSON must escape (a quote, a backslash, a tab) are matched to the
  /// documents table by their text, and each document's figures stay together.
  @Test func documentIdsWithEscapesFindTheirDocuments() throws {
    let ids = ["say \"a\"", "back\\slash", "tab\there"]
    let figures = ids.flatMap { [fact($0, 10, 183), fact($0, 90, 183)] }
    let documents = ids.enumerated().map { k, id in
      DocumentRecord(
        id: id, outlet: "Outlet \(k)", url: nil, published: CivilDate(iso: "2025-02-0\(k + 1)"), sha256: nil,
        bytes: 100, figures: 0)
    }
    let out = try normalize(figures, documents: documents)
    let docs = try table(out.appendingPathComponent("documents.csv"))
    #expect(docs.map { $0["id"] } == ids)
    #expect(docs.map { $0["figures"] } == ["2", "2", "2"])
    let obs = try table(out.appendingPathComponent("observations.csv"))
    #expect(obs.count == 1)
    #expect(obs[0]["documents"] == "3" && obs[0]["sources"] == "3" && obs[0]["figures"] == "6")
    #expect(obs[0]["last_published"] == "2025-02-03")
  }

  @Test func aSmallerNumberInTheSameDocumentIsAPart() throws {
    let out = try normalize([fact("a", 10, 183), fact("a", 90, 32)])
    let obs = try table(out.appendingPathComponent("observations.csv"))
    let figs = try table(out.appendingPathComponent("figures.csv"))
    #expect(obs.count == 1)
    #expect(obs[0]["value"] == "183")
    #expect(obs[0]["conflict"] == "false")
    #expect(figs.map { $0["role"] } == ["fact", "part"])
    #expect(figs[1]["observation"] == obs[0]["id"])
  }

  @Test func differentGroupsAreDifferentObservations() throws {
    let out = try normalize([fact("a", 10, 23, group: "israelis"), fact("a", 40, 3, group: "foreign nationals")])
    let obs = try table(out.appendingPathComponent("observations.csv"))
    #expect(obs.count == 2)
    #expect(obs.allSatisfy { $0["conflict"] == "false" })
  }

  /// Documents a (published first) and b and c (last) report one fact.
  static let sources: [Figure] = [fact("a", 1, 100), fact("b", 1, 120, .atLeast), fact("c", 1, 130)]
  static let published: [DocumentRecord] = [
    DocumentRecord(id: "a", outlet: "A", url: nil, published: CivilDate(iso: "2025-02-01"), sha256: nil, bytes: nil, figures: 0),
    DocumentRecord(id: "b", outlet: "B", url: nil, published: CivilDate(iso: "2025-02-03"), sha256: nil, bytes: nil, figures: 0),
    DocumentRecord(id: "c", outlet: "B", url: nil, published: CivilDate(iso: "2025-02-02"), sha256: nil, bytes: nil, figures: 0),
  ]

  @Test(arguments: [
    // rule, value, low, high, conflict
    (ReconcileRule.conservative, "100", "100", "", "true"),
    (.median, "120", "100", "", "true"),
    (.latest, "120", "120", "", "true"),
    (.intersect, "100", "100", "", "true"),
  ])
  func reconcileRules(_ rule: ReconcileRule, _ value: String, _ low: String, _ high: String, _ conflict: String) throws {
    let out = try normalize(NormalizeTests.sources, options: NormalizeOptions(rule: rule), documents: NormalizeTests.published)
    let obs = try table(out.appendingPathComponent("observations.csv"))
    #expect(obs.count == 1)
    #expect(obs[0]["value"] == value)
    #expect(obs[0]["low"] == low)
    #expect(obs[0]["high"] == high)
    #expect(obs[0]["conflict"] == conflict)
    #expect(obs[0]["documents"] == "3")
    #expect(obs[0]["sources"] == "2")
    #expect(obs[0]["first_published"] == "2025-02-01")
    #expect(obs[0]["last_published"] == "2025-02-03")
  }

  @Test func intersectTakesTheTightestBoundsAllSourcesAllow() throws {
    let figures = [fact("a", 1, 100, .atLeast), fact("b", 1, 150, .fewerThan), fact("c", 1, 120, .approximately)]
    let out = try normalize(figures, options: NormalizeOptions(rule: .intersect))
    let obs = try table(out.appendingPathComponent("observations.csv"))
    #expect(obs[0]["low"] == "100")
    #expect(obs[0]["high"] == "150")
    #expect(obs[0]["value"] == "100")
    #expect(obs[0]["conflict"] == "false")
  }

  @Test(arguments: [
    // Two different exact counts cannot both be true.
    ([fact("a", 1, 183), fact("b", 1, 180)], true),
    // "more than 180" and exactly 180 exclude each other.
    ([fact("a", 1, 180, .moreThan), fact("b", 1, 180)], true),
    // "about 200" allows 190 (within a tenth) but not 150.
    ([fact("a", 1, 200, .approximately), fact("b", 1, 190)], false),
    ([fact("a", 1, 200, .approximately), fact("b", 1, 150)], true),
    // Bounds that overlap.
    ([fact("a", 1, 100, .atLeast), fact("b", 1, 183)], false),
    ([fact("a", 1, 60, .range, low: 60, high: 80), fact("b", 1, 70)], false),
    ([fact("a", 1, 60, .range, low: 60, high: 80), fact("b", 1, 90)], true),
  ])
  func conflicts(_ figures: [Figure], _ conflict: Bool) throws {
    let out = try normalize(figures)
    let obs = try table(out.appendingPathComponent("observations.csv"))
    #expect(obs.count == 1)
    #expect(obs[0]["conflict"] == (conflict ? "true" : "false"))
    #expect(obs[0]["figures"] == "2")
  }

  @Test func uncodedFiguresHaveNoObservation() throws {
    let out = try normalize([fact("a", 1, 5, indicator: .other), fact("a", 9, 7)])
    let figs = try table(out.appendingPathComponent("figures.csv"))
    #expect(figs.map { $0["role"] } == ["uncoded", "fact"])
    #expect(figs[0]["observation"] == "")
    #expect(try table(out.appendingPathComponent("observations.csv")).count == 1)
  }

  @Test func csvInputGivesTheSameDataset() throws {
    let figures = NormalizeTests.sources + [fact("d", 5, 12, .vague, low: 12, high: 99, warnings: ["a, \"quoted\" warning"])]
    let a = try normalize(figures, format: .jsonl)
    let b = try normalize(figures, format: .csv)
    for name in ["figures.csv", "figures.jsonl", "observations.csv", "observations.jsonl", "documents.csv"] {
      #expect(try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name)), "\(name)")
    }
  }

  /// A UTF-8 byte-order mark at the start of a figures file (JSON Lines or CSV) and of a
  /// documents table, as spreadsheets and some Windows tools write one, changes nothing.
  @Test(arguments: [FigureFormat.jsonl, .csv])
  func aByteOrderMarkChangesNothing(_ format: FigureFormat) throws {
    let plain = try normalize(NormalizeTests.sources, format: format, documentsFile: NormalizeTests.published)
    let marked = try normalize(
      NormalizeTests.sources, format: format, documentsFile: NormalizeTests.published, prefix: UTF8Bytes.byteOrderMark)
    for table in ["figures", "observations", "documents"] {
      for suffix in ["csv", "jsonl"] {
        let name = "\(table).\(suffix)"
        #expect(try Data(contentsOf: plain.appendingPathComponent(name)) == Data(contentsOf: marked.appendingPathComponent(name)), "\(name)")
      }
    }
    // The documents table was read: its outlets make b and c one source.
    #expect(try table(plain.appendingPathComponent("observations.csv")).first?["sources"] == "2")
  }

  @Test func idsSpilledToDiskGiveTheSameObservations() throws {
    var figures: [Figure] = []
    for d in 0..<400 {
      figures.append(fact("d\(d)", 1, Double(100 + d % 3), date: "2025-02-0\(1 + d % 5)"))
      figures.append(fact("d\(d)", 9, 7, indicator: .injured))
    }
    let inMemory = try normalize(figures)
    // A small budget makes many chunks of observations (the spill is split into a file per
    // chunk); a third of the ids' bytes makes three or four (each reads the whole spill).
    let idBytes = try table(inMemory.appendingPathComponent("observations.csv")).reduce(0) {
      $0 + $1["figure_ids"]!.utf8.count + 1
    }
    for budget in [256, idBytes / 3 + 1] {
      let spilled = try normalize(figures, options: NormalizeOptions(idMemoryBudget: budget))
      for name in ["observations.csv", "figures.csv"] {
        #expect(try Data(contentsOf: inMemory.appendingPathComponent(name)) == Data(contentsOf: spilled.appendingPathComponent(name)), "\(name), budget \(budget)")
      }
      let obs = try table(spilled.appendingPathComponent("observations.csv"))
      #expect(obs.reduce(0) { $0 + Int($1["figures"]!)! } == 800)
      #expect(obs.allSatisfy { $0["figure_ids"]!.split(separator: " ").count == Int($0["figures"]!)! })
    }
  }

  @Test func schemasDescribeEveryColumn() throws {
    let out = try normalize(NormalizeTests.sources)
    for t in TableLayout.all {
      let header = try String(contentsOf: out.appendingPathComponent("\(t.name).csv"), encoding: .utf8)
        .split(separator: "\n")[0]
      let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("\(t.name).schema.json"))) as! [String: Any]
      let names = (schema["fields"] as! [[String: Any]]).map { $0["name"] as! String }
      #expect(names.joined(separator: ",") == String(header))
      #expect(schema["primaryKey"] as? [String] == ["id"])
    }
  }
}

@Suite("Normalize: curation", .scratchFolder)
struct CurationTests {
  func curationFile(_ text: String) throws -> String {
    let url = ScratchFolder.path("curation").appendingPathExtension("csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func acceptRejectAndCorrect() throws {
    let figures = [fact("a", 1, 100), fact("a", 9, 7, indicator: .injured), fact("b", 1, 5, indicator: .missing)]
    let path = try curationFile(
      """
      id,decision,field,new_value,note
      \(figures[0].id),accept,,,checked against the article
      \(figures[1].id),reject,,,a rate not a count
      \(figures[2].id),correct,value,6,typo
      \(figures[2].id),correct,date,2025-02,month only
      \(figures[2].id),,,,
      ffffffffffffffff-1-4,reject,,,gone
      """)
    let warnings = WarningCollector()
    let out = try normalize(figures, curation: Curation(path: path), warnings: warnings)
    let figs = try table(out.appendingPathComponent("figures.csv"))
    #expect(figs.map { $0["review"] } == ["accepted", "rejected", "corrected"])
    #expect(figs[1]["role"] == "rejected")
    #expect(figs[2]["value"] == "6")
    #expect(figs[2]["date"] == "2025-02")
    let obs = try table(out.appendingPathComponent("observations.csv"))
    #expect(obs.map { $0["indicator"] } == ["killed", "missing"])
    #expect(obs[1]["date"] == "2025-02")
    // The row for a figure that no longer exists is reported.
    #expect(warnings.warnings.contains { $0.message.contains("ffffffffffffffff-1-4") })
  }

  @Test(arguments: [
    ("id,decision,field,new_value\nx,maybe,,\n", "decision \"maybe\""),
    ("id,decision,field,new_value\nx,correct,colour,red\n", "no field \"colour\""),
    ("id,decision,field,new_value\nx,correct,text,other words\n", "cannot be corrected"),
    ("id,decision,field,new_value\nx,correct,indicator,deaths\n", "not a code"),
    ("id,decision,field,new_value\nx,correct,value,many\n", "not a number"),
    ("id,decision,field,new_value\nx,accept,,\nx,reject,,\n", "both accepted and rejected"),
    ("id,decision,reviewer\nx,accept,me\n", "column \"reviewer\""),
  ])
  func badCurationRows(_ text: String, _ message: String) throws {
    let path = try curationFile(text)
    #expect {
      try Curation(path: path)
    } throws: { error in
      let e = error as! NormalizationError
      return e.localizedDescription.contains(message) && e.localizedDescription.hasPrefix(path)
    }
  }
}

@Suite("Import: hand-coded spreadsheets", .scratchFolder)
struct ImportTests {
  @Test(arguments: [
    ("183", 183.0, Qualifier.exact),
    ("more than 180", 180, .moreThan),
    ("about 20,000", 20000, .approximately),
    ("at least 16,500", 16500, .atLeast),
    ("dozens", 24, .vague),
    ("between 60 and 80", 60, .range),
    ("fewer than 50", 50, .fewerThan),
  ])
  func figuresAsWritten(_ text: String, _ value: Double, _ qualifier: Qualifier) {
    let n = Extractor().readNumber(text)
    #expect(n?.value == value)
    #expect(n?.qualifier == qualifier)
  }

  @Test func textWithoutOneNumberIsNotRead() {
    #expect(Extractor().readNumber("many") == nil)
    #expect(Extractor().readNumber("12 and 14") == nil)
  }

  @Test(arguments: [
    ("2025-02-01", false, "2025-02-01"),
    ("Feb 1 2025", false, "2025-02-01"),
    ("1 February 2025", false, "2025-02-01"),
    ("February 1st, 2025", false, "2025-02-01"),
    ("1/2/2025", false, "2025-01-02"),
    ("1/2/2025", true, "2025-02-01"),
    ("1.2.25", true, "2025-02-01"),
    ("Feb 2025", false, "2025-02"),
    ("2025-02", false, "2025-02"),
  ])
  func datesAsWritten(_ text: String, _ dayFirst: Bool, _ iso: String) {
    #expect(SpreadsheetImport.parseDate(text, dayFirst: dayFirst)?.description == iso)
  }

  @Test(arguments: ["13/2/2025", "Feb 1", "yesterday", "31/31/2025"])
  func unreadableDates(_ text: String) {
    #expect(SpreadsheetImport.parseDate(text, dayFirst: false) == nil)
  }
}

@Suite("Normalize: the same observations whatever the order", .scratchFolder)
struct OrderTests {
  /// Observation rows with their figure ids sorted (their order follows the input's).
  func observations(_ out: URL) throws -> [[String: String]] {
    try table(out.appendingPathComponent("observations.csv")).map { row in
      var r = row
      r["figure_ids"] = (row["figure_ids"] ?? "").split(separator: " ").sorted().joined(separator: " ")
      return r
    }
  }

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func documentsInAnyOrder(_ seed: UInt64) throws {
    var random = RobustnessTests.SplitMix(state: seed)
    // Twenty documents reporting overlapping facts, with repeats, parts and conflicts.
    let indicators: [Indicator] = [.killed, .injured, .medevacCompleted]
    let qualifiers: [Qualifier] = [.exact, .atLeast, .moreThan, .approximately]
    var documents: [[Figure]] = []
    for d in 0..<20 {
      var figures: [Figure] = []
      for k in 0..<Int.random(in: 1...6, using: &random) {
        let q = qualifiers.randomElement(using: &random)!
        figures.append(
          fact(
            "doc\(d)", k * 10, Double(Int.random(in: 1...4, using: &random) * 50), q,
            indicator: indicators.randomElement(using: &random)!,
            date: "2025-02-0\(Int.random(in: 1...3, using: &random))"))
      }
      documents.append(figures)
    }
    let a = try normalize(documents.flatMap { $0 })
    let b = try normalize(documents.shuffled(using: &random).flatMap { $0 })
    #expect(try observations(a) == observations(b))
  }
}
