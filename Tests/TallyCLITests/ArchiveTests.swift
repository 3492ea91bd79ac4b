import Crypto
import Foundation
import Testing

/// Runs `tally` through the shell with environment settings and a umask.
func tallyInShell(_ arguments: [String], environment: [String: String], umask: String, in directory: URL) throws -> Run {
  let quoted = ([tallyBinary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
  return try shell("umask \(umask); exec \(quoted.joined(separator: " "))", environment: environment, in: directory)
}

func shell(_ command: String, environment: [String: String] = [:], in directory: URL) throws -> Run {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/bin/sh")
  p.arguments = ["-c", command]
  p.currentDirectoryURL = directory
  p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
  let err = Pipe()
  let out = Pipe()
  p.standardError = err
  p.standardOutput = out
  try p.run()
  let o = out.fileHandleForReading.readDataToEndOfFile()
  let e = err.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

@Suite("tally bundle and verify")
struct ArchiveTests {
  /// A copy of the sample dataset with a file whose name is not ASCII.
  func dataset(in dir: URL) throws -> URL {
    let copy = dir.appendingPathComponent("gaza-sample")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("datasets/sample"), to: copy)
    try write("Notizen zur Stichprobe\n", to: copy.appendingPathComponent("notes-é.txt"))
    return copy
  }

  @Test(arguments: ["tar.gz", "zip"])
  func theSameBytesWhateverTheTimeZoneUmaskAndLocale(_ format: String) throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = try dataset(in: dir)
    var digests: [String] = []
    for (i, (tz, mask, locale)) in [("UTC", "022", "C"), ("Asia/Gaza", "077", "C.UTF-8"), ("America/New_York", "002", "POSIX")].enumerated() {
      let out = dir.appendingPathComponent("out\(i)")
      try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
      let run = try tallyInShell(
        ["bundle", data.path, "--version", "1.0.0", "--format", format, "-o", out.path],
        environment: ["SOURCE_DATE_EPOCH": "1767225600", "TZ": tz, "LC_ALL": locale, "LANG": locale], umask: mask, in: dir)
      #expect(run.status == 0, "\(run.stderr)")
      let bytes = try Data(contentsOf: out.appendingPathComponent("gaza-sample-1.0.0.\(format)"))
      digests.append(SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined())
    }
    #expect(Set(digests).count == 1, "\(digests)")
    let verify = try tally(["verify", dir.appendingPathComponent("out0/gaza-sample-1.0.0.\(format)").path])
    #expect(verify.status == 0, "\(verify.stdout)")
    #expect(verify.stdout.contains("verified"))
  }

  @Test func verifyCatchesEverySingleByteChange() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = try dataset(in: dir)
    let run = try tallyInShell(
      ["bundle", data.path, "--version", "2.1.0", "-o", dir.path], environment: ["SOURCE_DATE_EPOCH": "1767225600"],
      umask: "022", in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let archive = dir.appendingPathComponent("gaza-sample-2.1.0.tar.gz")
    let original = try Data(contentsOf: archive)
    let content = try shell("gzip -dc gaza-sample-2.1.0.tar.gz | sha256sum", in: dir).stdout
    let tampered = dir.appendingPathComponent("tampered.tar.gz")
    // Offsets across the whole file: gzip header, compressed payload, trailer.
    let offsets = Set(stride(from: 10, to: original.count, by: max(1, original.count / 60)).map { $0 } + [original.count - 1])
    for offset in offsets.sorted() {
      var bytes = original
      bytes[offset] ^= 0x20
      try bytes.write(to: tampered)
      let check = try tally(["verify", tampered.path])
      #expect(!check.stderr.contains("Fatal error"))
      if check.status == 0 {
        // Deflate has bits no decoder reads (code lengths of unused symbols, padding): a
        // change there leaves every byte of the content as it was, and verify rightly passes.
        let after = try shell("gzip -dc tampered.tar.gz | sha256sum", in: dir).stdout
        #expect(after == content, "a change at byte \(offset) of \(original.count) altered the content unnoticed")
      }
    }
    #expect(try tally(["verify", archive.path]).status == 0)
  }

  @Test(arguments: [
    (["--version", "1.0"], "not semantic versioning"),
    (["--version", "1.0.0", "--title", ""], "no title"),
  ])
  func badRequests(_ extra: [String], _ message: String) throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = try dataset(in: dir)
    let run = try tally(["bundle", data.path, "-o", dir.path] + extra)
    #expect(run.status == 1)
    #expect(run.stderr.contains(message), "\(run.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["gaza-sample"])
  }

  @Test func aMalformedMetadataFile() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = try dataset(in: dir)
    try write("{\"title\": \"x\", \"authors\": 5}\n", to: data.appendingPathComponent("metadata.json"))
    let run = try tally(["bundle", data.path, "--version", "1.0.0", "-o", dir.path])
    #expect(run.status == 1)
    #expect(run.stderr.contains("metadata.json: \"authors\" must be a list"), "\(run.stderr)")
  }

  @Test func anExistingArchiveNeedsForce() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = try dataset(in: dir)
    #expect(try tally(["bundle", data.path, "--version", "1.0.0", "-o", dir.path]).status == 0)
    let again = try tally(["bundle", data.path, "--version", "1.0.0", "-o", dir.path])
    #expect(again.status == 1)
    #expect(again.stderr.contains("exists already; give --force"))
    #expect(try tally(["bundle", data.path, "--version", "1.0.0", "-o", dir.path, "--force"]).status == 0)
  }

  @Test func anArchiveWithAPathOutsideIsRefused() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try write("x\n", to: dir.appendingPathComponent("evil.txt"))
    let made = try shell("tar -czf bad.tar.gz -P --transform 's,^,../,' evil.txt", in: dir)
    #expect(made.status == 0, "\(made.stderr)")
    let run = try tally(["verify", dir.appendingPathComponent("bad.tar.gz").path])
    #expect(run.status == 1)
    #expect(run.stderr.contains("points outside the archive"), "\(run.stderr)")
  }
}

@Suite("tally diff and bundle --previous")
struct DiffTests {
  /// The sample dataset, bundled as 1.0.0, and a copy with one value corrected and one
  /// observation gone.
  func versions(in dir: URL) throws -> (archive: URL, changed: URL) {
    let data = dir.appendingPathComponent("gaza")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("datasets/sample"), to: data)
    let made = try tallyInShell(["bundle", data.path, "--version", "1.0.0", "-o", dir.path], environment: ["SOURCE_DATE_EPOCH": "1767225600"], umask: "022", in: dir)
    #expect(made.status == 0, "\(made.stderr)")
    let changed = dir.appendingPathComponent("gaza-next")
    try FileManager.default.copyItem(at: data, to: changed)
    let table = changed.appendingPathComponent("observations.csv")
    var lines = try String(contentsOf: table, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    cells[8] = "999999"
    lines[1] = cells.joined(separator: ",")
    lines.remove(at: lines.count - 2)  // the last row (the text ends with a line break)
    try write(lines.joined(separator: "\n"), to: table)
    return (dir.appendingPathComponent("gaza-1.0.0.tar.gz"), changed)
  }

  @Test func rowsRemovedAndCellsChanged() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (archive, changed) = try versions(in: dir)
    let run = try tally(["diff", archive.path, changed.path, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
    #expect(report["bump"] as? String == "minor")
    let observations = (report["tables"] as! [[String: Any]]).first { $0["table"] as? String == "observations" }!
    #expect((observations["removed"] as! [String]).count == 1)
    let change = (observations["changed"] as! [[String: String]]).first
    #expect(change?["column"] == "value" && change?["new"] == "999999")
    // A directory against itself: nothing changed.
    let same = try tally(["diff", changed.path, changed.path])
    #expect(same.stdout.hasSuffix("needs a no version change\n"))
  }

  @Test func theVersionMustBeALargeEnoughStep() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (archive, changed) = try versions(in: dir)
    let small = try tally(["bundle", changed.path, "--name", "gaza", "--version", "1.0.1", "--previous", archive.path, "-o", dir.path])
    #expect(small.status == 1)
    #expect(small.stderr.contains("too small a step"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("gaza-1.0.1.tar.gz").path))
    let right = try tally(["bundle", changed.path, "--name", "gaza", "--version", "1.1.0", "--previous", archive.path, "-o", dir.path])
    #expect(right.status == 0, "\(right.stderr)")
    let next = dir.appendingPathComponent("gaza-1.1.0.tar.gz")
    #expect(try tally(["verify", next.path]).status == 0)
    let unpacked = try shell("tar xzf gaza-1.1.0.tar.gz -O gaza-1.1.0/data/CHANGELOG.md gaza-1.1.0/data/.zenodo.json", in: dir).stdout
    #expect(unpacked.contains("Changes since 1.0.0") && unpacked.contains("## 1.0.0"))
    #expect(unpacked.contains("isNewVersionOf"))
    #expect(try tally(["bundle", changed.path, "--name", "gaza", "--version", "1.0.1", "--previous", archive.path, "-o", dir.path, "--force-version"]).status == 0)
  }

  @Test func aTruncatedArchive() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (archive, changed) = try versions(in: dir)
    let bytes = try Data(contentsOf: archive)
    try bytes.prefix(bytes.count / 2).write(to: dir.appendingPathComponent("half.tar.gz"))
    for command in [["verify", "half.tar.gz"], ["diff", "half.tar.gz", changed.path]] {
      let run = try tally(command, in: dir)
      #expect(run.status == 1, "\(command)")
      #expect(run.stderr.hasPrefix("tally: error: half.tar.gz:"), "\(run.stderr)")
    }
  }
}
