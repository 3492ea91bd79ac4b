import Dispatch
import Testing

@testable import TallyKit

@Suite("Warnings a reviewer must see (codebook section 6)")
struct WarningTests {
  @Test func aWeekdayThatContradictsItsDate() throws {
    let text = "On Saturday, February11, 2025, 50 patients left through the Rafah crossing."
    let result = extraction(text, published: "2025-02-01")
    let f = try #require(result.figures.first)
    #expect(f.date?.description == "2025-02-01", "resolved by the weekday nearest publication")
    #expect(f.warnings.contains { $0.contains("Saturday") && $0.contains("2025-02-11") })
    #expect(result.warnings.count == 1)
  }

  @Test func aContradictionWithNoFigureIsStillReported() {
    let text = "The crossing reopened on Saturday, February11, 2025.\nThe ministry said 50 patients left."
    let result = extraction(text, published: "2025-02-01")
    #expect(result.warnings.contains { $0.contains("contradicts") })
  }

  @Test func partsThatAddUpRaiseNothing() {
    let text = """
      Only 12 Palestinians were allowed back into Gaza. Israel permitted five patients, each accompanied by two relatives, to cross into Egypt. That brought the total number of people who crossed in either direction to 27.
      """
    let result = extraction(text, published: "2026-02-02")
    #expect(result.figures.map(\.indicator) == [.crossedIn, .medevacCompleted, .medevacCompanions, .crossings])
    #expect(result.figures.allSatisfy { $0.warnings.isEmpty })
  }

  @Test func partsThatDoNotAddUpAreFlagged() throws {
    let text = """
      Only 12 Palestinians were allowed back into Gaza. Five patients and 10 companions crossed into Egypt. In all, 40 people passed through the crossing in either direction.
      """
    let result = extraction(text, published: "2026-02-02")
    let total = try #require(result.figures.last)
    #expect(total.indicator == .crossings)
    #expect(total.warnings.contains { $0.contains("do not add up") && $0.contains("27") })
  }

  @Test func aRunningTotalThatFalls() throws {
    let text = """
      By Monday, January 5, at least 900 people had been killed since the ceasefire began. By Friday, January 9, 850 people had been killed since the ceasefire began.
      """
    let result = extraction(text, published: "2026-01-10")
    let later = try #require(result.figures.last)
    #expect(later.warnings.contains { $0.contains("running total falls") })
    #expect(result.figures.first?.warnings.isEmpty == true)
  }

  @Test func aDocumentWithNoPublicationDate() throws {
    let result = extraction("Some 50 patients left Gaza.", published: nil)
    #expect(result.warnings.contains { $0.contains("no publication date") })
    let f = try #require(result.figures.first)
    #expect(f.date == nil)
    #expect(f.warnings.contains { $0.contains("no publication date") })
  }
}

@Suite("Progress on standard error")
struct ProgressTests {
  final class Lines: @unchecked Sendable {
    var lines: [String] = []
  }

  @Test func saysRatesAndTimeLeftAfterTheFirstSecond() {
    let seen = Lines()
    let twoSecondsAgo = DispatchTime.now().uptimeNanoseconds - 2_000_000_000
    let meter = ProgressMeter(label: "tally normalize", unit: "figures", totalBytes: 4_000_000, started: twoSecondsAgo) {
      seen.lines.append($0)
    }
    for i in 1...64 { meter.update(items: i * 1000, bytes: i * 15_625) }
    #expect(seen.lines.count == 1)
    let line = seen.lines.first ?? ""
    #expect(line.hasPrefix("\r\u{1B}[K"))
    #expect(line.contains("tally normalize: 64,000 figures"))
    #expect(line.contains("25%") && line.contains("left"))
    meter.finish()
    #expect(seen.lines.last == "\r\u{1B}[K")
  }

  @Test func quietForTheFirstSecond() {
    let seen = Lines()
    let meter = ProgressMeter(label: "x", unit: "documents", totalBytes: nil) { seen.lines.append($0) }
    for i in 1...1000 { meter.update(items: i, bytes: i) }
    meter.finish()
    #expect(seen.lines.isEmpty)
  }
}
