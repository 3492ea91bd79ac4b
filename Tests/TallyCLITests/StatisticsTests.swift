import Foundation
import Testing

/// Parses CSV output text (no line breaks inside fields) into rows by column name.
func rows(ofCSV text: String) -> [[String: String]] {
  var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
  guard !lines.isEmpty else { return [] }
  let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
  return lines.map { l in
    var fields: [String] = []
    var field = ""
    var quoted = false
    for c in l {
      if c == "\"" { quoted.toggle() } else if c == "," && !quoted {
        fields.append(field)
        field = ""
      } else {
        field.append(c)
      }
    }
    fields.append(field)
    return Dictionary(uniqueKeysWithValues: zip(header, fields))
  }
}

/// The dataset `make datasets` builds from the sample corpus.
let sample = packageRoot.appendingPathComponent("datasets/sample").path

@Suite("tally series and compare, end to end")
struct StatisticsTests {
  @Test func theEvacuationsSeries() throws {
    let run = try tally(["series", sample, "--preset", "evacuations"])
    #expect(run.status == 0, "\(run.stderr)")
    let patients = rows(ofCSV: run.stdout).filter {
      $0["indicator"] == "medevac_completed" && $0["group"] == "patients" && $0["kind"] == "flow" && $0["origin"] == "reported"
    }
    #expect(patients.map { $0["date"]! } == ["2025-02-01", "2026-02-02"])
    #expect(patients.map { $0["value"]! } == ["50", "5"])
    // The days between are gaps: empty, not zero.
    let gaps = rows(ofCSV: run.stdout).filter { $0["indicator"] == "medevac_completed" && $0["origin"] == "gap" }
    #expect(!gaps.isEmpty && gaps.allSatisfy { $0["value"] == "" })
  }

  @Test func theCasualtiesSeries() throws {
    let run = try tally(["series", sample, "--preset", "casualties", "--format", "jsonl"])
    #expect(run.status == 0, "\(run.stderr)")
    let all = try jsonLines(run.stdout)
    let totals = all.filter {
      $0["indicator"] as? String == "killed" && $0["kind"] as? String == "cumulative"
        && $0["period_start"] as? String == "2023-10-07" && $0["origin"] as? String == "reported"
    }
    #expect(totals.map { $0["as_of"] as? String } == ["2023-11-01", "2025-12-03", "2026-01-25"])
    #expect(totals.map { $0["value"] as? Double } == [9900, 70100, 71000])
    let rates = all.filter { $0["indicator"] as? String == "killed" && $0["kind"] as? String == "rate" && $0["period_start"] as? String == "2023-10-07" }
    #expect(rates.count == 2)
    // 71,000 - 70,100 over the 53 days from 3 December 2025 to 25 January 2026.
    let last = try #require(rates.last)
    #expect(last["from"] as? String == "2025-12-03")
    #expect(abs((last["value"] as? Double ?? 0) - 900.0 / 53.0) < 1e-9)
  }

  @Test(.enabled(if: sharedFolder != nil, "../shared (the reference series) is not here"))
  func comparedWithTheReferenceSeries() throws {
    let reference = sharedFolder!.appendingPathComponent("reference/casualties_daily.json")
    let run = try tally(["compare", sample, "--reference", reference.path, "--indicator", "killed"])
    #expect(run.status == 0, "\(run.stderr)")
    let compared = rows(ofCSV: run.stdout)
    // The values the reference file gives on those dates (or the last day before them).
    let entries = try JSONSerialization.jsonObject(with: Data(contentsOf: reference)) as! [[String: Any]]
    func referenceValue(_ date: String) -> Double? {
      entries.filter { ($0["report_date"] as! String) <= date && $0["killed_cum"] != nil }
        .max { ($0["report_date"] as! String) < ($1["report_date"] as! String) }
        .flatMap { ($0["killed_cum"] as? NSNumber)?.doubleValue }
    }
    for (date, value) in [("2026-01-25", 71000.0), ("2025-12-03", 70100.0)] {
      let row = try #require(compared.first { $0["date"] == date })
      let ref = try #require(referenceValue(date))
      #expect(Double(row["value"]!) == value)
      #expect(Double(row["reference_value"]!) == ref)
      #expect(Double(row["difference"]!) == value - ref)
    }
    let summary = try tally(["compare", sample, "--reference", reference.path, "--summary"])
    #expect(summary.status == 0)
    #expect(rows(ofCSV: summary.stdout).reduce(0) { $0 + Int($1["figures"]!)! } == compared.count)
  }

  @Test func anIndicatorWithNoDataGivesAnEmptySeriesAndAMessage() throws {
    let run = try tally(["series", sample, "--indicator", "deported", "--indicator", "aid_trucks"])
    #expect(run.status == 0)
    #expect(run.stdout.split(separator: "\n").count == 1, "the header only")
    #expect(run.stderr.contains("the series is empty"))
  }

  @Test func aDatasetWithoutObservations() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try tally(["series", dir.path, "--preset", "casualties", "-o", dir.appendingPathComponent("s.csv").path])
    #expect(run.status == 1)
    #expect(run.stderr.contains("the dataset has no observations.csv"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  @Test func aReferenceWithAnUnreadableDate() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try write("[\n  {\"report_date\": \"2024-01-01\", \"killed_cum\": 5},\n  {\"report_date\": \"01/02/2024\", \"killed_cum\": 6}\n]\n", to: dir.appendingPathComponent("r.json"))
    try write("day,deaths\n2024-01-01,5\n2024-13-01,6\n", to: dir.appendingPathComponent("r.csv"))
    let a = try tally(["compare", sample, "--reference", "r.json", "-o", "out.csv"], in: dir)
    #expect(a.status == 1)
    #expect(a.stderr.contains("r.json:3: report_date \"01/02/2024\" is not a date"), "\(a.stderr)")
    let b = try tally(["compare", sample, "--reference", "r.csv", "--date-column", "day", "--value-column", "deaths"], in: dir)
    #expect(b.status == 1)
    #expect(b.stderr.contains("r.csv:3:1: day \"2024-13-01\" is not a date"), "\(b.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["r.csv", "r.json"])
  }
}

@Suite("tally stats and plot, end to end")
struct StatsPlotTests {
  @Test func statsByIndicator() throws {
    let run = try tally(["stats", sample, "--by", "indicator"])
    #expect(run.status == 0, "\(run.stderr)")
    let byIndicator = Dictionary(uniqueKeysWithValues: rows(ofCSV: run.stdout).map { ($0["indicator"]!, $0) })
    let killed = try #require(byIndicator["killed"])
    // Every killed observation of the sample dataset is counted once.
    let observations = try csvRows(packageRoot.appendingPathComponent("datasets/sample/observations.csv"))
    #expect(Int(killed["observations"]!) == observations.filter { $0["indicator"] == "killed" }.count)
    #expect(killed["max"] == "71000")
  }

  @Test func statsByOutletCountFigures() throws {
    let run = try tally(["stats", sample, "--by", "outlet", "--by", "source"])
    #expect(run.status == 0, "\(run.stderr)")
    let byOutlet = rows(ofCSV: run.stdout)
    let figures = try csvRows(packageRoot.appendingPathComponent("datasets/sample/figures.csv"))
    let facts = figures.filter { $0["role"] == "fact" }
    #expect(byOutlet.reduce(0) { $0 + Int($1["observations"]!)! } == facts.count)
    let guardian = byOutlet.filter { $0["outlet"] == "The Guardian" }.reduce(0) { $0 + Int($1["figures"]!)! }
    let documents = try csvRows(packageRoot.appendingPathComponent("datasets/sample/documents.csv"))
    let guardianDocs = Set(documents.filter { $0["outlet"] == "The Guardian" }.map { $0["id"]! })
    #expect(guardian == facts.filter { guardianDocs.contains($0["doc"]!) }.count)
  }

  @Test func theAuditOfTheSampleDataset() throws {
    let run = try tally(["stats", sample, "--audit"])
    #expect(run.status == 0)
    // Report 05's bus of 32 freed prisoners, alone in its article, against report 04's 183.
    let findings = rows(ofCSV: run.stdout)
    #expect(findings.contains { $0["check"] == "incompatible_values" && $0["indicator"] == "prisoners_released" })
  }

  @Test func aChartWithItsPointsAndTheReference() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try write("date,deaths\n2025-12-01,70000\n2026-01-01,70800\n2026-02-01,71500\n", to: dir.appendingPathComponent("ref.csv"))
    let args = ["plot", sample, "--preset", "casualties", "--reference", "ref.csv", "--value-column", "deaths", "-o", "c.svg"]
    let run = try tally(args, in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let svg = try String(contentsOf: dir.appendingPathComponent("c.svg"), encoding: .utf8)
    #expect(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"))
    // The casualties preset's six reported running totals, each a filled point: killed since
    // the war (9,900; 70,100; 71,000) and since the ceasefire (509), injured since each (171,000; 1,400).
    #expect(svg.components(separatedBy: "<circle").count - 1 == 6)
    #expect(svg.contains("stroke-dasharray") && svg.contains("reference: deaths"))
    #expect(svg.contains(">Jan 2026<") || svg.contains(">Jan 2024<"))
    // The same bytes every time.
    let again = try tally(args.dropLast() + ["d.svg"], in: dir)
    #expect(again.status == 0)
    #expect(try Data(contentsOf: dir.appendingPathComponent("d.svg")) == Data(contentsOf: dir.appendingPathComponent("c.svg")))
  }
}
