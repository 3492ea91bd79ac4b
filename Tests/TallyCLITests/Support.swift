import Foundation

/// The result of running the built `tally` binary.
struct Run {
  var status: Int32
  var stdout: String
  var stderr: String
}

let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// The binary under test: `TALLY_BIN` (the Makefile points it at the release build), else the
/// debug build `swift test` makes.
let tallyBinary: String = {
  if let path = ProcessInfo.processInfo.environment["TALLY_BIN"], !path.isEmpty { return path }
  return packageRoot.appendingPathComponent(".build/debug/tally").path
}()

/// Whether the tests run against an optimised build, which large inputs need to be quick.
let releaseBinary = tallyBinary.contains("/release/")

let sharedFolder: URL? = {
  let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
  return FileManager.default.fileExists(atPath: url.appendingPathComponent("corpus/seeds/docs.jsonl").path)
    ? url : nil
}()

/// Runs `tally` with `arguments`, feeding `input` on standard input, in `directory`.
func tally(_ arguments: [String], input: Data? = nil, in directory: URL? = nil) throws -> Run {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: tallyBinary)
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = directory }
  let out = Pipe()
  let err = Pipe()
  let inPipe = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = inPipe
  try process.run()
  // Read both pipes while the process runs, so a large output cannot block it.
  nonisolated(unsafe) var outData = Data()
  nonisolated(unsafe) var errData = Data()
  let group = DispatchGroup()
  group.enter()
  DispatchQueue.global().async {
    outData = out.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  group.enter()
  DispatchQueue.global().async {
    errData = err.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  if let input { inPipe.fileHandleForWriting.write(input) }
  try inPipe.fileHandleForWriting.close()
  process.waitUntilExit()
  group.wait()
  return Run(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("tally-cli-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

func write(_ text: String, to url: URL) throws {
  try Data(text.utf8).write(to: url)
}

/// The JSON objects of a JSON Lines text.
func jsonLines(_ text: String) throws -> [[String: Any]] {
  try text.split(separator: "\n").map {
    try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
  }
}
