import Foundation
import Testing

@testable import TallyKit

/// Normalize reads the documents table alongside figures that follow its order, and switches
/// to an index of every document when they do not: both must give the same dataset, and find
/// the same mistakes.
@Suite("Normalize: documents streamed or indexed", .scratchFolder)
struct DocumentLedgerTests {
  /// Thirty listed documents, some without figures, sharing five outlets.
  static func corpus(_ seed: UInt64) -> (list: [DocumentRecord], figures: [[Figure]]) {
    var random = RobustnessTests.SplitMix(state: seed)
    var list: [DocumentRecord] = []
    var figures: [[Figure]] = []
    for d in 0..<30 {
      let id = "doc\(d)"
      list.append(
        DocumentRecord(
          id: id, outlet: d % 7 == 6 ? nil : "Outlet \(d % 5)", url: nil,
          published: CivilDate(iso: "2025-02-0\(Int.random(in: 1...9, using: &random))"), sha256: nil, bytes: 100,
          figures: 0))
      if d % 4 == 3 { continue }
      var mine: [Figure] = []
      for k in 0..<Int.random(in: 1...5, using: &random) {
        mine.append(
          fact(
            id, k * 10, Double(Int.random(in: 1...4, using: &random) * 50),
            [Qualifier.exact, .atLeast, .approximately].randomElement(using: &random)!,
            indicator: [Indicator.killed, .injured].randomElement(using: &random)!,
            date: "2025-02-0\(Int.random(in: 1...3, using: &random))"))
      }
      figures.append(mine)
    }
    return (list, figures)
  }

  func bytes(_ out: URL, _ name: String) throws -> Data {
    try Data(contentsOf: out.appendingPathComponent(name))
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func alignedAndIndexedGiveTheSameDataset(_ seed: UInt64) throws {
    let (list, figures) = DocumentLedgerTests.corpus(seed)
    var random = RobustnessTests.SplitMix(state: seed)
    let aligned = try normalize(figures.flatMap { $0 }, documents: list)
    // The last two documents swapped: the switch comes late, with counts to carry over.
    var late = figures
    late.swapAt(late.count - 1, late.count - 2)
    // Any order: the switch may come at once. (And the table's own order, with little memory.)
    let orders = [figures, late, figures.shuffled(using: &random)]
    for order in orders {
      let warnings = WarningCollector()
      // A budget of a few bytes: counts, ids and sorted runs go through temporary files.
      let indexed = try normalize(
        order.flatMap { $0 }, options: NormalizeOptions(idMemoryBudget: 64), documents: list, warnings: warnings)
      // Each observation lists its figures in input order; the rest is the same.
      #expect(try OrderTests().observations(aligned) == OrderTests().observations(indexed))
      for name in ["documents.csv", "documents.jsonl"] {
        #expect(try bytes(aligned, name) == bytes(indexed, name), "\(name)")
      }
      #expect(warnings.warnings.isEmpty)
    }
    let documents = try table(aligned.appendingPathComponent("documents.csv"))
    #expect(documents.map { $0["id"] } == list.map(\.id))
    #expect(documents.map { Int($0["figures"]!)! } == list.map { d in figures.first { $0[0].doc == d.id }?.count ?? 0 })
  }

  @Test func unlistedDocumentsInInputOrder() throws {
    let (_, figures) = DocumentLedgerTests.corpus(4)
    let warnings = WarningCollector()
    let out = try normalize(figures.reversed().flatMap { $0 }, warnings: warnings)
    let documents = try table(out.appendingPathComponent("documents.csv"))
    #expect(documents.map { $0["id"]! } == figures.reversed().map { $0[0].doc })
    #expect(documents.map { Int($0["figures"]!)! } == figures.reversed().map(\.count))
    #expect(warnings.warnings.contains { $0.message.contains("no --documents table given") })
  }

  static func listed(_ ids: [String]) -> [DocumentRecord] {
    ids.map { DocumentRecord(id: $0, outlet: "O", url: nil, published: nil, sha256: nil, bytes: nil, figures: 0) }
  }

  /// Documents of the figures, in order, and the documents table (nil: none).
  @Test(arguments: [
    (["a", "b", "a"], nil),  // no table: found at the end
    (["a", "b", "a"], ["a", "b"]),  // in the table's order until the repeat
    (["a", "b", "a"], ["b", "a"]),  // indexed from the second document on
  ] as [([String], [String]?)])
  func aDocumentInTwoPlacesIsAnError(_ order: [String], _ ids: [String]?) throws {
    let figures = order.enumerated().map { k, d in fact(d, 10 * k, 5) }
    #expect {
      _ = try normalize(figures, documents: ids.map(DocumentLedgerTests.listed))
    } throws: { error in
      guard case .scatteredDocument(let location, let document, let first) = error as? NormalizationError else { return false }
      return document == "a" && location.line == 3 && first == 1
    }
  }

  @Test(arguments: [
    (["a", "b"], ["a", "b", "a"]),  // streamed: found when the table is written
    (["b", "a"], ["a", "a", "b"]),  // indexed: found when the index is built
  ] as [([String], [String])])
  func aDocumentListedTwiceIsAnError(_ order: [String], _ ids: [String]) throws {
    let figures = order.enumerated().map { k, d in fact(d, 10 * k, 5) }
    #expect {
      _ = try normalize(figures, documents: DocumentLedgerTests.listed(ids))
    } throws: { error in
      guard case .documentListedTwice(_, let document, _) = error as? NormalizationError else { return false }
      return document == "a"
    }
  }

  /// Outlets are counted per observation in a bit set for the first 64 and a set of pairs
  /// past them: both count each outlet once.
  @Test func sourcesAreDistinctOutletsHoweverMany() throws {
    let ids = (0..<200).map { "doc\($0)" }
    let list = ids.enumerated().map { d, id in
      DocumentRecord(id: id, outlet: "Outlet \(d % 90)", url: nil, published: nil, sha256: nil, bytes: nil, figures: 0)
    }
    let out = try normalize(ids.map { fact($0, 10, 183) }, documents: list)
    let obs = try table(out.appendingPathComponent("observations.csv"))
    #expect(obs.count == 1)
    #expect(obs.first?["documents"] == "200")
    #expect(obs.first?["sources"] == "90")
  }

  /// The external sort finds the same first repeat as a dictionary would, whether the keys
  /// stay in memory or go to disk in many runs.
  @Test(arguments: [1 << 10, 1 << 24])
  func repeatFinderAgreesWithADictionary(_ budget: Int) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-repeat-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var random = RobustnessTests.SplitMix(state: 9)
    for trial in 0..<4 {
      var finder = RepeatFinder(path: dir.appendingPathComponent("ids-\(trial)").path, budget: budget)
      defer { finder.remove() }
      var firstLine: [String: Int] = [:]
      var expected: (String, Int, Int)? = nil
      for line in 1...3000 {
        // Mostly new keys; from trial 1 on, a few old ones come back.
        let key = trial > 0 && Int.random(in: 0..<1000, using: &random) < trial ? "key\(Int.random(in: 1..<line, using: &random))" : "key\(line)"
        if let first = firstLine[key], expected == nil { expected = (key, first, line) }
        if firstLine[key] == nil { firstLine[key] = line }
        try Array(key.utf8).withUnsafeBufferPointer { try finder.add($0, source: 0, line: line) }
      }
      let found = try finder.firstRepeat()
      #expect(found.map { String(decoding: $0.second.key, as: UTF8.self) } == expected?.0)
      #expect(found?.first.line == expected?.1)
      #expect(found?.second.line == expected?.2)
    }
  }
}
