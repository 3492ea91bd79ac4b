import Foundation
import Testing

@Suite("tally extract, end to end")
struct EndToEndTests {
  @Test func theSampleCorpus() throws {
    let run = try tally(["extract", "--manifest", "datasets/corpus/manifest.csv"], in: packageRoot)
    #expect(run.status == 0, "\(run.stderr)")
    let figures = try jsonLines(run.stdout)
    #expect(figures.count > 40)
    // Report 03 restates the 50 patients who crossed on 2025-02-01.
    let fifty = figures.first { ($0["doc"] as? String) == "r03" && ($0["text"] as? String) == "50" }
    #expect(fifty?["indicator"] as? String == "medevac_completed")
    #expect(fifty?["date"] as? String == "2025-02-01")
    // The id is the document's digest prefix and the span.
    let id = try #require(fifty?["id"] as? String)
    #expect(id.hasSuffix("-\(fifty?["start"] as? Int ?? -1)-\(fifty?["end"] as? Int ?? -1)"))
    #expect(id.split(separator: "-").first?.count == 16)
    #expect(Set(figures[0].keys) == Set(["id", "doc", "start", "end", "text", "value", "low", "high", "qualifier", "unit", "indicator", "group", "modality", "date", "period_start", "attribution", "sentence", "per", "warnings"]))
  }

  @Test func csvOutputToAFile() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("figures.csv")
    let run = try tally(["extract", "--manifest", "datasets/corpus/manifest.csv", "--format", "csv", "-o", out.path], in: packageRoot)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    let csv = try String(contentsOf: out, encoding: .utf8)
    #expect(csv.hasPrefix("id,doc,start,end,text,value,low,high,qualifier,unit,indicator,group,modality,date,period_start,attribution,sentence,per,warnings\n"))
  }

  @Test func theSameBytesOnEveryRunAndThreadCount() throws {
    let a = try tally(["extract", "--manifest", "datasets/corpus/manifest.csv", "--jobs", "1"], in: packageRoot)
    let b = try tally(["extract", "--manifest", "datasets/corpus/manifest.csv", "--jobs", "3"], in: packageRoot)
    #expect(a.status == 0 && b.status == 0)
    #expect(a.stdout == b.stdout)
  }

  @Test func aStreamingFilterOnStandardInput() throws {
    let doc = #"{"id": "s1", "published": "2026-02-02", "text": "On Saturday, Israeli strikes killed at least 32 people."}"# + "\n"
    let run = try tally(["extract", "--jsonl", "-"], input: Data(doc.utf8))
    #expect(run.status == 0)
    let figures = try jsonLines(run.stdout)
    #expect(figures.count == 1)
    #expect(figures.first?["date"] as? String == "2026-01-31")
    #expect(try tally(["extract", "--jsonl", "-"], input: Data()).status == 0, "an empty stream is no error")
  }

  @Test(.enabled(if: sharedFolder != nil, "../shared is not beside this checkout: the reference articles are not available"))
  func theReferenceArticlesMeetTheTargets() throws {
    let shared = try #require(sharedFolder)
    let docs = shared.appendingPathComponent("corpus/seeds/docs.jsonl").path
    let run = try tally(["extract", "--jsonl", docs])
    #expect(run.status == 0)
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let pred = dir.appendingPathComponent("pred.jsonl")
    try write(run.stdout, to: pred)
    let scorer = Process()
    scorer.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    scorer.arguments = [
      "python3", shared.appendingPathComponent("eval/score.py").path,
      shared.appendingPathComponent("eval/seeds-gold.jsonl").path, pred.path, "--docs", docs, "--json",
    ]
    let out = Pipe()
    scorer.standardOutput = out
    try scorer.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    scorer.waitUntilExit()
    let scores = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect((scores["strict_f1"] as? Double ?? 0) >= 0.95)
    #expect((scores["mention_f1"] as? Double ?? 0) >= 0.97)
    #expect((scores["date_acc"] as? Double ?? 0) >= 0.90)
    #expect((scores["span_text_ok"] as? Double ?? 0) == 1.0)
  }

  @Test(.enabled(if: releaseBinary, "large inputs run against the release build (make test sets TALLY_BIN)"))
  func aFiftyMegabyteSingleLineDocument() throws {
    let sentence = "Egypt and Israel discussed the crossing while aid agencies waited at the border and officials met in Cairo; "
    let text = String(repeating: sentence, count: 50 * 1024 * 1024 / sentence.utf8.count) + " At least 12 people were killed."
    let line = #"{"id": "big", "published": "2025-02-01", "text": ""# + text + "\"}\n"
    let run = try tally(["extract", "--jsonl", "-"], input: Data(line.utf8))
    #expect(run.status == 0)
    let figures = try jsonLines(run.stdout)
    #expect(figures.count == 1)
    #expect(figures.first?["text"] as? String == "At least 12")
  }

  @Test(.enabled(if: releaseBinary, "large inputs run against the release build (make test sets TALLY_BIN)"))
  func aDocumentOfOnlyNumbers() throws {
    let text = (1...100_000).map(String.init).joined(separator: " ")
    let line = #"{"id": "n", "published": "2025-02-01", "text": ""# + text + "\"}\n"
    let run = try tally(["extract", "--jsonl", "-", "--format", "csv"], input: Data(line.utf8))
    #expect(run.status == 0)
    #expect(run.stdout.split(separator: "\n").count > 50_000)
  }
}

@Suite("Bad input: one line naming the file and line, exit 1 (2 for usage), nothing half-written")
struct BadInputTests {
  struct Case: Sendable, CustomStringConvertible {
    var name: String
    /// Files to create: relative path and bytes.
    var files: [(String, [UInt8])]
    var arguments: [String]
    var status: Int32
    /// What the one-line error must contain.
    var message: String
    var description: String { name }
  }

  static let manifestHeader = "id,path,published,outlet,url\n"

  static let cases: [Case] = [
    Case(name: "invalid UTF-8 in a text file", files: [("m.csv", Array((manifestHeader + "a,a.txt,2025-02-01,,\n").utf8)), ("a.txt", Array("Some 50\npatients \u{00e9}".utf8) + [0xFF, 0x41])], arguments: ["extract", "--manifest", "m.csv"], status: 1, message: "a.txt:2:11: invalid UTF-8"),
    Case(name: "an empty text file", files: [("m.csv", Array((manifestHeader + "a,a.txt,2025-02-01,,\n").utf8)), ("a.txt", [])], arguments: ["extract", "--manifest", "m.csv"], status: 1, message: "a.txt: the file is empty"),
    Case(name: "an empty text file without a manifest", files: [("a.txt", Array(" \n".utf8))], arguments: ["extract", "a.txt"], status: 1, message: "a.txt: the file is empty"),
    Case(name: "a JSON Lines line that is not an object", files: [("d.jsonl", Array("{\"id\": \"a\", \"text\": \"x\"}\n[1, 2]\n".utf8))], arguments: ["extract", "--jsonl", "d.jsonl"], status: 1, message: "d.jsonl:2:1: not a JSON object"),
    Case(name: "a JSON Lines line that is not an object, one thread", files: [("d.jsonl", Array("{\"id\": \"a\", \"text\": \"x\"}\n\n[1, 2]\n".utf8))], arguments: ["extract", "--jsonl", "d.jsonl", "--jobs", "1"], status: 1, message: "d.jsonl:3:1: not a JSON object"),
    Case(name: "a JSON Lines line that is not JSON", files: [("d.jsonl", Array("{\"id\": \"a\", \"text\": \"x\"\n".utf8))], arguments: ["extract", "--jsonl", "d.jsonl"], status: 1, message: "d.jsonl:1:"),
    Case(name: "a document without an id", files: [("d.jsonl", Array("{\"text\": \"x\"}\n".utf8))], arguments: ["extract", "--jsonl", "d.jsonl"], status: 1, message: "d.jsonl:1: the document has no \"id\" field"),
    Case(name: "a document without text", files: [("d.jsonl", Array("{\"id\": \"a\"}\n".utf8))], arguments: ["extract", "--jsonl", "d.jsonl"], status: 1, message: "d.jsonl:1: the document has no \"text\" field"),
    Case(name: "text that is not a string", files: [("d.jsonl", Array("{\"id\": \"a\", \"text\": 5}\n".utf8))], arguments: ["extract", "--jsonl", "d.jsonl"], status: 1, message: "d.jsonl:1: field \"text\" must be a string"),
    Case(name: "invalid UTF-8 in JSON Lines", files: [("d.jsonl", Array("{\"id\": \"a\", \"text\": \"ab".utf8) + [0xC3, 0x28] + Array("\"}\n".utf8))], arguments: ["extract", "--jsonl", "d.jsonl"], status: 1, message: "d.jsonl:1:24: invalid UTF-8"),
    Case(name: "an empty JSON Lines file", files: [("d.jsonl", [])], arguments: ["extract", "--jsonl", "d.jsonl"], status: 1, message: "d.jsonl: the file is empty"),
    Case(name: "a publication date that is not a date (JSON Lines)", files: [("d.jsonl", Array("{\"id\": \"a\", \"text\": \"x\", \"published\": \"2025-13-01\"}\n".utf8))], arguments: ["extract", "--jsonl", "d.jsonl"], status: 1, message: "d.jsonl:1: published \"2025-13-01\" is not a date"),
    Case(name: "a publication date that is not a date (manifest)", files: [("m.csv", Array((manifestHeader + "a,a.txt,1 Feb 2025,,\n").utf8)), ("a.txt", Array("Some text.".utf8))], arguments: ["extract", "--manifest", "m.csv"], status: 1, message: "m.csv:2:3: published \"1 Feb 2025\" is not a date"),
    Case(name: "a manifest row whose file is missing", files: [("m.csv", Array((manifestHeader + "a,a.txt,2025-02-01,,\nb,missing.txt,2025-02-01,,\n").utf8)), ("a.txt", Array("Some text.".utf8))], arguments: ["extract", "--manifest", "m.csv"], status: 1, message: "m.csv:3:2: the document file \"missing.txt\" does not exist"),
    Case(name: "a manifest without a path column", files: [("m.csv", Array("id,file\na,a.txt\n".utf8))], arguments: ["extract", "--manifest", "m.csv"], status: 1, message: "m.csv:1: the header has no \"path\" column"),
    Case(name: "a manifest with a repeated id", files: [("m.csv", Array((manifestHeader + "a,a.txt,,,\na,a.txt,,,\n").utf8)), ("a.txt", Array("Some text.".utf8))], arguments: ["extract", "--manifest", "m.csv"], status: 1, message: "m.csv:3:1: document id \"a\" is used twice"),
    Case(name: "a missing input file", files: [], arguments: ["extract", "--jsonl", "nowhere.jsonl"], status: 1, message: "nowhere.jsonl: cannot read"),
    Case(name: "a calendar with a bad date", files: [("c.csv", Array("kind,start,end,name,keywords\nwar,2023-10-32,,War,war\n".utf8)), ("d.jsonl", Array("{\"id\": \"a\", \"text\": \"x\"}\n".utf8))], arguments: ["extract", "--jsonl", "d.jsonl", "--calendar", "c.csv"], status: 1, message: "c.csv:2:2: start \"2023-10-32\" is not a date"),
    Case(name: "no input given", files: [], arguments: ["extract"], status: 2, message: "Give the documents"),
    Case(name: "two inputs given", files: [], arguments: ["extract", "--jsonl", "a", "--manifest", "b"], status: 2, message: "one way only"),
    Case(name: "an unknown option", files: [], arguments: ["extract", "--jsonl", "a", "--colour"], status: 2, message: "--colour"),
    Case(name: "an unknown format", files: [], arguments: ["extract", "--jsonl", "a", "--format", "xml"], status: 2, message: "xml"),
  ]

  @Test(arguments: cases)
  func badInput(_ c: Case) throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, bytes) in c.files { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
    let run = try tally(c.arguments, in: dir)
    #expect(run.status == c.status)
    #expect(run.stderr.contains(c.message), "stderr: \(run.stderr)")
    #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump"))
    if c.status == 1 {
      let lines = run.stderr.split(separator: "\n").filter { $0.hasPrefix("tally: error") }
      #expect(lines.count == 1, "one error line")
    }
  }

  @Test func aFailedRunLeavesNoOutputFile() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let good = #"{"id": "a", "published": "2025-02-01", "text": "Some 50 patients left Gaza."}"#
    try write(good + "\n" + good.replacingOccurrences(of: "\"a\"", with: "\"b\"") + "\nnot json\n", to: dir.appendingPathComponent("d.jsonl"))
    let run = try tally(["extract", "--jsonl", "d.jsonl", "-o", "out.jsonl"], in: dir)
    #expect(run.status == 1)
    #expect(run.stderr.contains("d.jsonl:3:1"))
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    #expect(left == ["d.jsonl"], "no output and no temporary file")
  }

  @Test func aFailedRunKeepsAnEarlierOutput() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try write("earlier\n", to: dir.appendingPathComponent("out.jsonl"))
    try write("{\"id\": 1}\n", to: dir.appendingPathComponent("d.jsonl"))
    let run = try tally(["extract", "--jsonl", "d.jsonl", "-o", "out.jsonl"], in: dir)
    #expect(run.status == 1)
    #expect(try String(contentsOf: dir.appendingPathComponent("out.jsonl"), encoding: .utf8) == "earlier\n")
  }
}
