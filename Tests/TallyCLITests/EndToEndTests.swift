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

/// The README's worked example, run as written: its commands must keep working.
@Suite("The README's worked example")
struct ReadmeExampleTests {
  /// The shell block under "A worked example" in README.md.
  static func commands() throws -> String {
    let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    guard let section = readme.range(of: "## A worked example"),
      let open = readme.range(of: "```sh\n", range: section.upperBound..<readme.endIndex),
      let close = readme.range(of: "```", range: open.upperBound..<readme.endIndex)
    else { throw CocoaError(.fileReadCorruptFile) }
    return String(readme[open.upperBound..<close.lowerBound])
  }

  @Test func runsAsWritten() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("datasets"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: packageRoot.appendingPathComponent("datasets/corpus"), to: dir.appendingPathComponent("datasets/corpus"))
    // The researcher's metadata.json, which the example's step 5 reads, goes in before it.
    let script = try Self.commands().replacingOccurrences(
      of: "SOURCE_DATE_EPOCH=", with: "cp \(packageRoot.path)/datasets/sample/metadata.json dataset/\nSOURCE_DATE_EPOCH=")
    let bin = URL(fileURLWithPath: tallyBinary).deletingLastPathComponent().path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-ec", script]
    process.currentDirectoryURL = dir
    process.environment = ["PATH": "\(bin):/usr/bin:/bin", "LC_ALL": "C.UTF-8"]
    process.standardOutput = FileHandle.nullDevice
    let err = Pipe()
    process.standardError = err
    try process.run()
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(stderr)")
    for file in ["figures.jsonl", "documents.jsonl", "curation.csv", "dataset/observations.csv", "dataset/load.R", "toll.svg", "dataset-1.0.0.tar.gz"] {
      #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path), "\(file)")
    }
    // The counts the example states.
    let figures = try String(contentsOf: dir.appendingPathComponent("figures.jsonl"), encoding: .utf8)
    #expect(figures.split(separator: "\n").count == 52)
    let curation = try String(contentsOf: dir.appendingPathComponent("curation.csv"), encoding: .utf8)
    #expect(curation.split(separator: "\n").count == 1 + 4)
  }
}

/// `--on-error skip`: bad documents are left out, counted and listed, never dropped silently.
@Suite("Skipping bad documents")
struct SkipBadDocumentsTests {
  static let feed = """
    {"id":"a","published":"2025-02-03","text":"At least 5 people were killed on Monday."}
    {"id":"b","text":"an unterminated string
    {"id":"c"}
    {"id":"d","published":"2025-02-03","text":"12 aid trucks entered Gaza on Sunday."}

    """

  @Test(arguments: [1, 2])
  func badLinesAreListedAndTheRestExtracted(_ jobs: Int) throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try write(Self.feed, to: dir.appendingPathComponent("feed.jsonl"))
    let run = try tally(
      ["extract", "--jsonl", "feed.jsonl", "--on-error", "skip", "--skipped", "skipped.jsonl", "--jobs", "\(jobs)"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(Set(try jsonLines(run.stdout).map { $0["doc"] as? String }) == ["a", "d"])
    #expect(run.stderr.contains("tally: skipped 2 bad documents, listed in skipped.jsonl"))
    let skipped = try jsonLines(String(contentsOf: dir.appendingPathComponent("skipped.jsonl"), encoding: .utf8))
    #expect(skipped.map { $0["line"] as? Int } == [2, 3])
    #expect(skipped.map { $0["doc"] as? String } == [nil, "c"])
    #expect((skipped[1]["error"] as? String)?.contains("no \"text\" field") == true)
    // Without skipping, the first bad line stops the run with its error.
    let strict = try tally(["extract", "--jsonl", "feed.jsonl", "--jobs", "\(jobs)", "-o", "strict.jsonl"], in: dir)
    #expect(strict.status == 1)
    #expect(strict.stderr.contains("feed.jsonl:2:"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("strict.jsonl").path))
  }

  @Test func aManifestTextThatIsNotUTF8IsSkipped() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try write("Dozens of patients left through Rafah on Monday.\n", to: dir.appendingPathComponent("good.txt"))
    try Data([0x34, 0x30, 0x20, 0xFF, 0xFE, 0x0A]).write(to: dir.appendingPathComponent("bad.txt"))
    try write("id,path,published\ngood,good.txt,2025-02-03\nbad,bad.txt,2025-02-03\n", to: dir.appendingPathComponent("m.csv"))
    let run = try tally(["extract", "--manifest", "m.csv", "--on-error", "skip", "--skipped", "s.jsonl"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try jsonLines(run.stdout).allSatisfy { $0["doc"] as? String == "good" })
    let skipped = try jsonLines(String(contentsOf: dir.appendingPathComponent("s.jsonl"), encoding: .utf8))
    #expect(skipped.count == 1)
    #expect((skipped.first?["error"] as? String)?.contains("invalid UTF-8") == true)
  }

  @Test(arguments: [
    ["--on-error", "skip"],
    ["--skipped", "s.jsonl"],
    ["--on-error", "ignore", "--skipped", "s.jsonl"],
  ])
  func skippingNeedsAListAndAKnownPolicy(_ options: [String]) throws {
    let run = try tally(["extract", "--jsonl", "-"] + options, input: Data())
    #expect(run.status == 2)
    #expect(run.stderr.contains("Error:"))
  }
}
