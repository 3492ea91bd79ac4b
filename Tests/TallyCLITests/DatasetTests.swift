import Foundation
import Testing

/// The rows of a CSV file with a header, as dictionaries (no quoted line breaks in the
/// columns these tests read).
func csvRows(_ url: URL) throws -> [[String: String]] {
  let text = try String(contentsOf: url, encoding: .utf8)
  var rows: [[String]] = []
  var field = ""
  var row: [String] = []
  var quoted = false
  var previous: Character = " "
  for c in text {
    if quoted {
      if c == "\"" { quoted = false } else { field.append(c) }
    } else if c == "\"" {
      quoted = true
      if previous == "\"" { field.append("\"") }
    } else if c == "," {
      row.append(field)
      field = ""
    } else if c == "\n" {
      row.append(field)
      rows.append(row)
      row = []
      field = ""
    } else {
      field.append(c)
    }
    previous = c
  }
  let header = rows[0]
  return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
}

/// Runs one of the project's scripts; returns its exit status.
func runScript(_ name: String, _ arguments: [String]) throws -> Int32 {
  let script = Process()
  script.executableURL = packageRoot.appendingPathComponent("scripts/\(name)")
  script.arguments = arguments
  script.standardError = FileHandle.nullDevice
  try script.run()
  script.waitUntilExit()
  return script.terminationStatus
}

/// Every file under a folder, by relative path.
func files(under root: URL) throws -> [String: Data] {
  var out: [String: Data] = [:]
  let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
  for case let url as URL in e where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
    out[String(url.path.dropFirst(root.path.count + 1))] = try Data(contentsOf: url)
  }
  return out
}

@Suite("tally normalize, import and review, end to end")
struct DatasetTests {
  @Test func committedDatasetsAreWhatMakeDatasetsWrites() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(try runScript("make_datasets.sh", [tallyBinary, dir.path]) == 0)
    for folder in ["sample", "handcoded/dataset"] {
      let written = try files(under: dir.appendingPathComponent(folder))
      // metadata.json is written by hand (for bundle), not by make datasets.
      let committed = try files(under: packageRoot.appendingPathComponent("datasets/\(folder)"))
        .filter { $0.key != "metadata.json" }
      #expect(written.keys.sorted() == committed.keys.sorted(), "\(folder)")
      #expect(written.count >= 10)
      for (name, bytes) in written {
        #expect(committed[name] == bytes, "datasets/\(folder)/\(name) differs from what make datasets writes; run make datasets")
      }
    }
  }

  /// The done-when lines of issue 3, on the five reference articles.
  @Test(.enabled(if: sharedFolder != nil, "../shared (the reference articles) is not here"))
  func referenceArticles() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let docs = sharedFolder!.appendingPathComponent("corpus/seeds/docs.jsonl").path
    let extract = try tally(["extract", "--jsonl", docs, "--documents", "documents.jsonl", "-o", "figures.jsonl"], in: dir)
    #expect(extract.status == 0, "\(extract.stderr)")
    let run = try tally(["normalize", "figures.jsonl", "--documents", "documents.jsonl", "-o", "dataset"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let figures = try csvRows(dir.appendingPathComponent("dataset/figures.csv"))
    let observations = try csvRows(dir.appendingPathComponent("dataset/observations.csv"))
    func observation(of figure: [String: String]?) -> [String: String]? {
      observations.first { $0["id"] == figure?["observation"] }
    }
    // seed-001: the headline's 183 and the body's 183 released prisoners: one observation.
    let prisoners = figures.filter { $0["doc"] == "seed-001" && $0["text"] == "183" && $0["modality"] == "actual" }
    #expect(prisoners.count == 2)
    let merged = observation(of: prisoners.first)
    #expect(merged != nil)
    #expect(prisoners.allSatisfy { $0["observation"] == merged?["id"] && $0["role"] == "fact" })
    let ids = Set(merged?["figure_ids"]?.split(separator: " ").map(String.init) ?? [])
    #expect(prisoners.allSatisfy { ids.contains($0["id"]!) })
    #expect(merged?["value"] == "183")
    #expect(merged?["conflict"] == "false")
    // seed-000: remains of 23 Israelis and of 3 foreign hostages: two observations.
    let israelis = figures.first { $0["doc"] == "seed-000" && $0["text"] == "23" }
    let foreign = figures.first { $0["doc"] == "seed-000" && $0["value"] == "3" && $0["indicator"] == "remains_returned" }
    let a = observation(of: israelis)
    let b = observation(of: foreign)
    #expect(a != nil && b != nil)
    #expect(a?["id"] != b?["id"])
    #expect(a?["group"] != b?["group"])
    #expect(a?["conflict"] == "false" && b?["conflict"] == "false")
    // Every document is listed with its SHA-256.
    let documents = try csvRows(dir.appendingPathComponent("dataset/documents.csv"))
    #expect(documents.count == 5)
    #expect(documents.allSatisfy { $0["sha256"]?.count == 64 })
  }

  @Test func aPipeFromExtractToNormalize() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let extract = try tally(["extract", "--manifest", "datasets/corpus/manifest.csv"], in: packageRoot)
    #expect(extract.status == 0)
    // `-o ds/`, as the README writes it: the trailing slash names the same folder.
    let run = try tally(["normalize", "-o", dir.appendingPathComponent("ds").path + "/"], input: Data(extract.stdout.utf8))
    #expect(run.status == 0, "\(run.stderr)")
    // Without --documents, the run says what the documents table lacks.
    #expect(run.stderr.contains("no --documents"))
    let figures = try csvRows(dir.appendingPathComponent("ds/figures.csv"))
    #expect(figures.count == extract.stdout.split(separator: "\n").count)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["ds"])
  }

  @Test func reviewThenNormalizeWithTheCuration() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let extract = try tally(["extract", "--manifest", packageRoot.appendingPathComponent("datasets/corpus/manifest.csv").path, "-o", "figures.jsonl"], in: dir)
    #expect(extract.status == 0)
    let review = try tally(["review", "figures.jsonl", "-o", "curation.csv"], in: dir)
    #expect(review.status == 0, "\(review.stderr)")
    let rows = try csvRows(dir.appendingPathComponent("curation.csv"))
    #expect(!rows.isEmpty)
    #expect(rows.allSatisfy { $0["decision"] == "" && !($0["reason"] ?? "").isEmpty })
    // A reviewer rejects the first and corrects the second.
    var text = try String(contentsOf: dir.appendingPathComponent("curation.csv"), encoding: .utf8)
    let first = rows[0]["id"]!
    text = text.replacingOccurrences(of: "\(first),,,,", with: "\(first),reject,,,not a count")
    if rows.count > 1 {
      let second = rows[1]["id"]!
      text = text.replacingOccurrences(of: "\(second),,,,", with: "\(second),correct,value,7,checked")
    }
    try write(text, to: dir.appendingPathComponent("curation.csv"))
    let run = try tally(["normalize", "figures.jsonl", "--curation", "curation.csv", "-o", "ds"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let figures = try csvRows(dir.appendingPathComponent("ds/figures.csv"))
    #expect(figures.first { $0["id"] == first }?["role"] == "rejected")
    if rows.count > 1 {
      #expect(figures.first { $0["id"] == rows[1]["id"] }?["value"] == "7")
    }
    // Reviewing again keeps the decisions and does not list those figures twice.
    let again = try tally(["review", "figures.jsonl", "--curation", "curation.csv", "-o", "curation.csv"], in: dir)
    #expect(again.status == 0, "\(again.stderr)")
    let kept = try csvRows(dir.appendingPathComponent("curation.csv"))
    #expect(kept.first { $0["id"] == first }?["decision"] == "reject")
    #expect(kept.filter { $0["id"] == first }.count == 1)
  }

  @Test func importThenNormalize() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let sheet = packageRoot.appendingPathComponent("datasets/handcoded/coded.csv").path
    let a = try tally(["import", sheet, "--format", "csv"], in: dir)
    #expect(a.status == 0, "\(a.stderr)")
    let b = try tally(["import", sheet, "--day-first", "--format", "csv"], in: dir)
    // 1/2/2025 is January 2 month first and February 1 day first.
    #expect(a.stdout.contains(",2025-01-02,"))
    #expect(b.stdout.contains(",2025-02-01,") && !b.stdout.contains(",2025-01-02,"))
    let run = try tally(["normalize", "-o", "ds"], input: Data(b.stdout.utf8), in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let observations = try csvRows(dir.appendingPathComponent("ds/observations.csv"))
    // "more than 180" (one source) and "183" (another) are one fact from two sources.
    let prisoners = observations.first { $0["indicator"] == "prisoners_released" }
    #expect(prisoners?["documents"] == "2")
    #expect(prisoners?["conflict"] == "false")
  }
}

@Suite("Bad input to normalize, import and review")
struct DatasetBadInputTests {
  static let good =
    #"{"id":"0123456789abcdef-10-13","doc":"a","start":10,"end":13,"text":"183","value":183,"low":183,"high":183,"qualifier":"exact","unit":"people","indicator":"killed","group":"palestinians","modality":"actual","date":"2025-02-01","period_start":null,"attribution":null,"sentence":"x","per":null,"warnings":[]}"#
  static func line(_ from: String, _ to: String) -> String { good.replacingOccurrences(of: from, with: to) }
  static func figures(_ lines: String...) -> [(String, [UInt8])] {
    [("f.jsonl", Array((lines.joined(separator: "\n") + "\n").utf8))]
  }
  static let sheetHeader = "indicator,figure,date,source\n"
  /// `good` for another document, with a lead byte and no continuation in its sentence.
  static let brokenUTF8: [UInt8] = {
    let parts = line(#""doc":"a""#, #""doc":"b""#).components(separatedBy: #""sentence":"x""#)
    return Array((parts[0] + #""sentence":"x"#).utf8) + [0xC3, 0x28] + Array(("\"" + parts[1]).utf8)
  }()

  static let cases: [BadInputTests.Case] = [
    .init(name: "a figure without an indicator", files: figures(good, line(#""indicator":"killed","#, "")), arguments: ["normalize", "f.jsonl", "-o", "out"], status: 1, message: "f.jsonl:2: the figure has no \"indicator\" field"),
    .init(name: "an unknown indicator code", files: figures(line(#""killed""#, #""deaths""#)), arguments: ["normalize", "f.jsonl", "-o", "out"], status: 1, message: "f.jsonl:1:156: indicator \"deaths\" is not a code"),
    .init(name: "a value that is not a number", files: figures(line(#""value":183"#, #""value":"many""#)), arguments: ["normalize", "f.jsonl", "-o", "out"], status: 1, message: "f.jsonl:1:83: field \"value\" must be a number or null"),
    .init(name: "an unknown field", files: figures(line(#""per":null"#, #""pr":null"#)), arguments: ["normalize", "f.jsonl", "-o", "out"], status: 1, message: "unknown field \"pr\""),
    .init(name: "a date that is not a date", files: figures(line("2025-02-01", "2025-02-30")), arguments: ["normalize", "f.jsonl", "-o", "out"], status: 1, message: "date \"2025-02-30\" is not a date"),
    .init(name: "low above high", files: figures(line(#""low":183"#, #""low":190"#)), arguments: ["normalize", "f.jsonl", "-o", "out"], status: 1, message: "low 190 is above high 183"),
    .init(name: "a document's figures in two places", files: figures(good, line(#""doc":"a""#, #""doc":"b""#), line("-10-13", "-20-23")), arguments: ["normalize", "f.jsonl", "-o", "out"], status: 1, message: "f.jsonl:3: figures of document \"a\" appear again"),
    .init(name: "a document listed twice", files: figures(good) + [("d.jsonl", Array("{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"a\"}\n".utf8))], arguments: ["normalize", "f.jsonl", "--documents", "d.jsonl", "-o", "out"], status: 1, message: "d.jsonl:3: document \"a\" is listed again (first at d.jsonl:1)"),
    .init(name: "the same figure twice", files: figures(good, good), arguments: ["normalize", "f.jsonl", "-o", "out"], status: 1, message: "f.jsonl:2: figure 0123456789abcdef-10-13 appears twice"),
    .init(name: "a lone surrogate in a figure's text", files: figures(line(#""text":"183""#, #""text":"183 \ud83d""#)), arguments: ["normalize", "f.jsonl", "-o", "out"], status: 1, message: "unpaired surrogate"),
    // On the first line (read before the input's kind is known) and on a later one (the fast
    // lane, which checks UTF-8 only for lines that are not all ASCII).
    .init(name: "invalid UTF-8 in the first figure", files: [("f.jsonl", brokenUTF8 + [0x0A])], arguments: ["normalize", "f.jsonl", "-o", "out"], status: 1, message: "f.jsonl:1:280: invalid UTF-8"),
    .init(name: "invalid UTF-8 in a later figure", files: [("f.jsonl", Array((good + "\n").utf8) + brokenUTF8 + [0x0A])], arguments: ["normalize", "f.jsonl", "-o", "out"], status: 1, message: "f.jsonl:2:280: invalid UTF-8"),
    .init(name: "invalid UTF-8 in the documents table", files: figures(good) + [("d.jsonl", Array("{\"id\":\"a\"}\n{\"id\":\"b\",\"url\":\"x".utf8) + [0xC3, 0x28] + Array("\"}\n".utf8))], arguments: ["normalize", "f.jsonl", "--documents", "d.jsonl", "-o", "out"], status: 1, message: "d.jsonl:2:19: invalid UTF-8"),
    .init(name: "a figures line that is not JSON", files: figures(good, "{\"id\": "), arguments: ["normalize", "f.jsonl", "-o", "out"], status: 1, message: "f.jsonl:2:8: not a JSON object"),
    .init(name: "a figures CSV with a non-numeric start", files: [("f.csv", Array("id,doc,start,end,text,qualifier,unit,indicator,modality\nx,a,ten,13,183,exact,people,killed,actual\n".utf8))], arguments: ["normalize", "f.csv", "-o", "out"], status: 1, message: "f.csv:2:3: start \"ten\" is not a number"),
    .init(name: "a curation row for a field that does not exist", files: figures(good) + [("c.csv", Array("id,decision,field,new_value\n0123456789abcdef-10-13,correct,colour,red\n".utf8))], arguments: ["normalize", "f.jsonl", "--curation", "c.csv", "-o", "out"], status: 1, message: "c.csv:2:3: figures have no field \"colour\""),
    .init(name: "a curation file with an unknown decision", files: figures(good) + [("c.csv", Array("id,decision\n0123456789abcdef-10-13,perhaps\n".utf8))], arguments: ["normalize", "f.jsonl", "--curation", "c.csv", "-o", "out"], status: 1, message: "c.csv:2:2: decision \"perhaps\""),
    .init(name: "an output folder that is not a dataset", files: figures(good) + [("out/notes.txt", Array("mine".utf8))], arguments: ["normalize", "f.jsonl", "-o", "out"], status: 1, message: "out: exists and is not a tally dataset"),
    .init(name: "an unknown reconcile rule", files: figures(good), arguments: ["normalize", "f.jsonl", "--reconcile", "mean", "-o", "out"], status: 2, message: "mean"),
    .init(name: "an import row whose figure cannot be read", files: [("s.csv", Array((sheetHeader + "killed,183,2025-02-01,A\nkilled,many,2025-02-01,A\n").utf8))], arguments: ["import", "s.csv", "-o", "out.jsonl"], status: 1, message: "s.csv:3:2: cannot read a number in \"many\""),
    .init(name: "an import column that cannot be mapped", files: [("s.csv", Array("indicator,figure,source,colour\nkilled,183,A,red\n".utf8))], arguments: ["import", "s.csv", "-o", "out.jsonl"], status: 1, message: "s.csv:1:4: column \"colour\" cannot be mapped"),
    .init(name: "an import date that cannot be read", files: [("s.csv", Array((sheetHeader + "killed,183,13/2/2025,A\n").utf8))], arguments: ["import", "s.csv", "-o", "out.jsonl"], status: 1, message: "s.csv:2:3: cannot read the date \"13/2/2025\""),
    .init(name: "an import row with an unknown indicator", files: [("s.csv", Array((sheetHeader + "deaths,183,2025-02-01,A\n").utf8))], arguments: ["import", "s.csv", "-o", "out.jsonl"], status: 1, message: "s.csv:2:1: indicator \"deaths\" is not a code"),
    .init(name: "an import sheet without a source or url", files: [("s.csv", Array("indicator,figure\nkilled,183\n".utf8))], arguments: ["import", "s.csv", "-o", "out.jsonl"], status: 1, message: "s.csv:1: the header has no \"source or url\" column"),
    .init(name: "review of figures with a bad line", files: figures(good, "[]"), arguments: ["review", "f.jsonl", "-o", "out.csv"], status: 1, message: "f.jsonl:2:1: not a JSON object"),
  ]

  @Test(arguments: cases)
  func badInput(_ c: BadInputTests.Case) throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, bytes) in c.files {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }
    let before = try files(under: dir)
    let run = try tally(c.arguments, in: dir)
    #expect(run.status == c.status)
    #expect(run.stderr.contains(c.message), "stderr: \(run.stderr)")
    #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump"))
    if c.status == 1 {
      #expect(run.stderr.split(separator: "\n").filter { $0.hasPrefix("tally: error") }.count == 1)
    }
    // Nothing written, nothing half-written: the folder holds exactly what it held.
    let after = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    let inputs = Set(before.keys.map { String($0.split(separator: "/")[0]) }).sorted()
    #expect(after == inputs, "no output and no temporary folder left")
  }
}

@Suite("notebooks-data")
struct NotebooksDataTests {
  @Test func committedSeriesAreWhatMakeNotebooksDataWrites() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(try runScript("make_notebooks_data.sh", [tallyBinary, dir.path]) == 0)
    // comparison.csv needs ../shared/reference; without it the committed file is kept.
    let names = ["evacuations.csv", "casualties.csv"] + (sharedFolder != nil ? ["comparison.csv"] : [])
    for name in names {
      let committed = try Data(contentsOf: packageRoot.appendingPathComponent("notebooks-data/\(name)"))
      #expect(try Data(contentsOf: dir.appendingPathComponent(name)) == committed, "notebooks-data/\(name); run make notebooks-data")
    }
  }
}
