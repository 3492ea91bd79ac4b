import Foundation
import Testing
import TallyKit

/// Runs killed half-way: the target never holds half an output, and a signal that can be
/// caught leaves no temporary file either.
@Suite("Interrupted runs leave no partial output", .serialized)
struct InterruptTests {
  /// A JSON Lines corpus of at least `megabytes`, made of the repository's sample articles
  /// under new ids, so that extraction takes long enough to be interrupted.
  static func corpus(megabytes: Int, in folder: URL) throws -> URL {
    let texts = try FileManager.default.contentsOfDirectory(
      at: packageRoot.appendingPathComponent("datasets/corpus/texts"), includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }.map { try String(contentsOf: $0, encoding: .utf8) }
    var bytes: [UInt8] = []
    var k = 0
    while bytes.count < megabytes << 20 {
      for text in texts {
        var line = JSONEncoderBytes()
        line.bytes.append(contentsOf: "{\"id\":".utf8)
        line.string("doc-\(k)")
        line.bytes.append(contentsOf: ",\"published\":\"2025-02-01\",\"text\":".utf8)
        line.string(text)
        line.bytes.append(contentsOf: "}\n".utf8)
        bytes.append(contentsOf: line.bytes)
        k += 1
      }
    }
    let url = folder.appendingPathComponent("corpus.jsonl")
    try Data(bytes).write(to: url)
    return url
  }

  /// Files in `folder` whose names contain `part`.
  static func entries(_ folder: URL, containing part: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(part) }
  }

  /// Whether the file at `path` holds any bytes yet.
  static func hasBytes(_ path: URL) -> Bool {
    ((try? FileManager.default.attributesOfItem(atPath: path.path)[.size] as? Int) ?? 0) > 0
  }

  /// Waits until `ready()` holds (or about 20 seconds pass) while `process` runs.
  static func wait(for process: Process, until ready: () throws -> Bool) rethrows -> Bool {
    for _ in 0..<2000 {
      if try ready() { return process.isRunning }
      if !process.isRunning { return false }
      usleep(10_000)
    }
    return false
  }

  static func start(_ arguments: [String], in folder: URL, stdin: Any? = nil, stdout: Any? = nil) throws -> (Process, Pipe) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tallyBinary)
    p.arguments = arguments
    p.currentDirectoryURL = folder
    let err = Pipe()
    p.standardError = err
    p.standardInput = stdin ?? FileHandle.nullDevice
    p.standardOutput = stdout ?? FileHandle.nullDevice
    try p.run()
    return (p, err)
  }

  static func stderr(_ pipe: Pipe) -> String {
    String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  }

  @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
  func extractStoppedBySignal(_ signal: Int32, _ status: Int32) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = try Self.corpus(megabytes: releaseBinary ? 48 : 8, in: folder)
    let (process, err) = try Self.start(["extract", "--jsonl", input.path, "-o", "figures.jsonl"], in: folder)
    // Half-way: once the temporary output holds figures.
    let running = try Self.wait(for: process) {
      try Self.entries(folder, containing: "figures.jsonl.tmp-").contains { Self.hasBytes(folder.appendingPathComponent($0)) }
    }
    try #require(running, "extract finished before it could be interrupted; make the corpus larger")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == status)
    #expect(Self.stderr(err) == "tally: interrupted; removed 1 unfinished output\n")
    #expect(try Self.entries(folder, containing: "figures") == [])
  }

  /// `extract | normalize -o dataset` stopped with Ctrl-C (SIGINT to both, as a terminal
  /// sends it to the whole pipeline): no dataset folder, no temporary folder.
  @Test func pipelineStoppedByControlC() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = try Self.corpus(megabytes: releaseBinary ? 48 : 8, in: folder)
    let pipe = Pipe()
    let (extract, _) = try Self.start(["extract", "--jsonl", input.path], in: folder, stdout: pipe)
    let (normalize, err) = try Self.start(["normalize", "-", "-o", "dataset"], in: folder, stdin: pipe)
    try pipe.fileHandleForReading.close()
    try pipe.fileHandleForWriting.close()
    // Half-way: once normalize has written part of the figures table.
    let running = try Self.wait(for: normalize) {
      guard let tmp = try Self.entries(folder, containing: "dataset.tmp-").first else { return false }
      return try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(tmp).path).contains {
        Self.hasBytes(folder.appendingPathComponent("\(tmp)/\($0)"))
      }
    }
    try #require(running, "normalize finished before it could be interrupted; make the corpus larger")
    kill(extract.processIdentifier, SIGINT)
    kill(normalize.processIdentifier, SIGINT)
    extract.waitUntilExit()
    normalize.waitUntilExit()
    #expect(normalize.terminationStatus == 130)
    #expect(Self.stderr(err) == "tally: interrupted; removed 1 unfinished output\n")
    #expect(try Self.entries(folder, containing: "dataset") == [])
  }

  /// SIGKILL cannot be caught: the temporary file stays, but the target is untouched, here an
  /// earlier complete output.
  @Test func killedOutrightTheTargetKeepsItsEarlierContent() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = try Self.corpus(megabytes: releaseBinary ? 48 : 8, in: folder)
    let earlier = Data("earlier complete output\n".utf8)
    try earlier.write(to: folder.appendingPathComponent("figures.jsonl"))
    let (process, _) = try Self.start(["extract", "--jsonl", input.path, "-o", "figures.jsonl"], in: folder)
    let running = try Self.wait(for: process) {
      try !Self.entries(folder, containing: "figures.jsonl.tmp-").isEmpty
    }
    try #require(running, "extract finished before it could be interrupted; make the corpus larger")
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(try Data(contentsOf: folder.appendingPathComponent("figures.jsonl")) == earlier)
  }
}
