import Crypto
import Foundation

/// Checks a dataset archive in one pass over it, without unpacking to disk: the BagIt
/// manifests and tag manifest, the Payload-Oxum, the hashes and sizes datapackage.json
/// declares, that the version agrees across the metadata files, and that every figure's
/// document is listed with its SHA-256.
public struct ArchiveVerifier {
  public let path: String

  public init(path: String) { self.path = path }

  /// One line per check; `failed` counts the failures.
  public struct Report: Sendable {
    public var lines: [String] = []
    public var failed = 0

    mutating func check(_ ok: Bool, _ what: String) {
      lines.append((ok ? "ok    " : "FAIL  ") + what)
      if !ok { failed += 1 }
    }
  }

  public func verify() throws(ArchiveError) -> Report {
    var files: [String: [UInt8]] = [:]
    try ArchiveReader(path: path).forEachFile { name, bytes in files[name] = bytes }
    var report = Report()
    let tops = Set(files.keys.map { String($0.split(separator: "/").first ?? "") })
    guard tops.count == 1, let top = tops.first else {
      report.check(false, "one top folder (found \(tops.count))")
      return report
    }
    func file(_ name: String) -> [UInt8]? { files["\(top)/\(name)"] }
    func text(_ name: String) -> String { file(name).map { String(decoding: $0, as: UTF8.self) } ?? "" }
    report.check(text("bagit.txt").hasPrefix("BagIt-Version: 1.0"), "bagit.txt declares BagIt 1.0")
    let payload = files.keys.filter { $0.hasPrefix("\(top)/data/") }.sorted()
    // Manifests: every payload file listed once, with the right digest.
    for (manifest, digest) in [("manifest-sha256.txt", { (b: [UInt8]) in SHA256.hash(data: b).hexString }),
                               ("manifest-sha512.txt", { (b: [UInt8]) in SHA512.hash(data: b).hexString })] {
      var listed: [String: String] = [:]
      for line in text(manifest).split(separator: "\n") {
        let parts = line.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { continue }
        listed["\(top)/" + parts[1].trimmingCharacters(in: .whitespaces)] = String(parts[0])
      }
      report.check(file(manifest) != nil, "\(manifest) is present")
      report.check(Set(listed.keys) == Set(payload), "\(manifest) lists exactly the \(payload.count) payload files")
      for p in payload where listed[p] != nil {
        let ok = listed[p] == digest(files[p]!)
        if !ok { report.check(false, "\(manifest): \(p.dropFirst(top.count + 1)) has the digest the manifest gives") }
      }
    }
    let tagLines = text("tagmanifest-sha256.txt").split(separator: "\n")
    var tagsOK = !tagLines.isEmpty
    for line in tagLines {
      let parts = line.split(separator: " ", maxSplits: 1)
      guard parts.count == 2, let b = file(parts[1].trimmingCharacters(in: .whitespaces)),
        SHA256.hash(data: b).hexString == parts[0]
      else {
        tagsOK = false
        continue
      }
    }
    report.check(tagsOK, "tagmanifest-sha256.txt matches the tag files")
    let octets = payload.reduce(0) { $0 + files[$1]!.count }
    report.check(text("bag-info.txt").contains("Payload-Oxum: \(octets).\(payload.count)\n"), "Payload-Oxum is \(octets).\(payload.count)")
    // datapackage.json: each resource's size and hash.
    var version = ""
    if let dp = file("data/datapackage.json"), let package = try? JSONSerialization.jsonObject(with: Data(dp)) as? [String: Any] {
      version = package["version"] as? String ?? ""
      for r in package["resources"] as? [[String: Any]] ?? [] {
        let p = r["path"] as? String ?? ""
        let b = file("data/\(p)")
        let size = (r["bytes"] as? NSNumber)?.intValue
        report.check(
          b != nil && size == b!.count && (r["hash"] as? String) == "sha256:\(SHA256.hash(data: b!).hexString)",
          "datapackage.json: \(p) has the bytes and hash it declares")
      }
    } else {
      report.check(false, "data/datapackage.json is present and JSON")
    }
    // The version and identifiers agree across the metadata files.
    let zenodoVersion = (file("data/.zenodo.json").flatMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] })?["version"] as? String
    report.check(
      !version.isEmpty && top.hasSuffix("-\(version)") && text("data/CITATION.cff").contains("version: \"\(version)\"")
        && zenodoVersion == version && text("data/CHANGELOG.md").contains("## \(version)"),
      "version \(version) agrees across the folder name, datapackage.json, CITATION.cff, .zenodo.json and CHANGELOG.md")
    // Every figure's document is listed, with its SHA-256 (spreadsheet sources have none).
    if let docs = file("data/documents.csv"), let figures = file("data/figures.csv") {
      let d = (try? CSVReader(file: "documents.csv").records(docs)) ?? []
      let f = (try? CSVReader(file: "figures.csv").records(figures)) ?? []
      if let dh = d.first, let fh = f.first, let di = dh.fields.firstIndex(of: "id"),
        let ds = dh.fields.firstIndex(of: "sha256"), let db = dh.fields.firstIndex(of: "bytes"),
        let fd = fh.fields.firstIndex(of: "doc")
      {
        var listed: [String: Bool] = [:]
        for r in d.dropFirst() where r.fields.count == dh.fields.count {
          listed[r.fields[di]] = r.fields[ds].count == 64 || r.fields[db].isEmpty
        }
        let missing = Set(f.dropFirst().compactMap { $0.fields.count > fd ? $0.fields[fd] : nil }).filter { listed[$0] != true }
        report.check(missing.isEmpty, "every figure's document is listed with its SHA-256" + (missing.isEmpty ? "" : " (not: \(missing.sorted().prefix(3).joined(separator: ", ")))"))
      } else {
        report.check(false, "documents.csv and figures.csv have their id, sha256, bytes and doc columns")
      }
    }
    return report
  }
}
