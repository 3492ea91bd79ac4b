import Crypto
import Foundation

/// Builds the files of a dataset archive: one top folder `NAME-X.Y.Z/` that is a BagIt 1.0 bag
/// (RFC 8493) whose payload `data/` holds the dataset's tables and schemas and, written from
/// one `DatasetMetadata`, datapackage.json (Data Package v2), ro-crate-metadata.json
/// (RO-Crate 1.2), CITATION.cff, .zenodo.json, README.md and CHANGELOG.md.
public struct BundleBuilder {
  public let directory: String
  public let metadata: DatasetMetadata
  /// The build time, seconds since 1970 (SOURCE_DATE_EPOCH): every date in the archive.
  public let epoch: Int
  /// The command line, recorded in the RO-Crate's CreateAction.
  public let commandLine: String
  /// The version this one follows, if any.
  public let previous: PreviousVersion?

  /// What the archive records of the version before it.
  public struct PreviousVersion: Sendable {
    public var version: String
    public var identifier: String
    /// The earlier CHANGELOG.md's entries (without its title).
    public var changelog: String
    public var diff: DatasetDiff

    /// Reads the previous archive and compares it with the dataset directory.
    public init(archive: String, directory: String) throws(ArchiveError) {
      var package: [String: Any] = [:]
      var changelog = ""
      try ArchiveReader(path: archive).forEachFile { name, bytes in
        if name.hasSuffix("/data/datapackage.json") {
          package = (try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]) ?? [:]
        }
        if name.hasSuffix("/data/CHANGELOG.md") { changelog = String(decoding: bytes, as: UTF8.self) }
      }
      guard let v = package["version"] as? String else { throw .notADataset(path: archive) }
      version = v
      identifier = package["id"] as? String ?? archive
      self.changelog = changelog.replacingOccurrences(of: "# Changelog\n\n", with: "")
      diff = try DatasetDiff(old: archive, new: directory)
    }
  }

  public init(
    directory: String, metadata: DatasetMetadata, epoch: Int, commandLine: String, previous: PreviousVersion? = nil
  ) {
    self.directory = directory
    self.metadata = metadata
    self.epoch = epoch
    self.commandLine = commandLine
    self.previous = previous
  }

  private var changelog: String {
    var s = "# Changelog\n\n## \(metadata.version) (\(day))\n\n"
    if let p = previous {
      s += "Changes since \(p.version):\n\n```\n\(p.diff.text)```\n\n\(p.changelog)"
    } else {
      s += "First version of \(metadata.title ?? metadata.name).\n"
    }
    return s
  }

  var day: String { CivilDate(dayNumber: epoch / 86400).description }
  var timestamp: String {
    let s = epoch % 86400
    return "\(day)T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))Z"
  }
  private func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

  /// All files of the archive, paths under the top folder.
  public func files() throws(ArchiveError) -> [(path: String, bytes: [UInt8])] {
    guard fileExists("\(directory)/datapackage.json") else { throw .notADataset(path: directory) }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory)
        .filter { !$0.hasPrefix(".") && $0 != "metadata.json" && $0 != "datapackage.json" }.sorted()
    } catch {
      throw .input(.unreadable(SourceLocation(file: directory), reason: error.localizedDescription))
    }
    var payload: [(String, [UInt8])] = []
    for n in names {
      do { payload.append((n, try readFileBytes("\(directory)/\(n)"))) } catch { throw .input(error) }
    }
    let tables = TableLayout.all.filter { t in names.contains("\(t.name).csv") }
    payload.append(("datapackage.json", dataPackage(tables, payload).bytes()))
    payload.append(("CITATION.cff", Array(citation.utf8)))
    payload.append((".zenodo.json", zenodo.bytes()))
    payload.append(("README.md", Array(readme(tables).utf8)))
    payload.append(("CHANGELOG.md", Array(changelog.utf8)))
    payload.append(("ro-crate-metadata.json", roCrate(payload).bytes()))
    payload.sort { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
    return bag(payload)
  }

  /// SHA-256 digests already computed (the tables' appear in datapackage.json and in the bag
  /// manifest: each is hashed once).
  private final class Digests: @unchecked Sendable {
    var sha256: [String: String] = [:]
  }
  private let digests = Digests()

  private func sha256(_ name: String, _ bytes: [UInt8]) -> String {
    if let d = digests.sha256[name] { return d }
    let d = SHA256.hash(data: bytes).hexString
    digests.sha256[name] = d
    return d
  }

  // MARK: BagIt

  private func bag(_ payload: [(String, [UInt8])]) -> [(path: String, bytes: [UInt8])] {
    let top = metadata.stem
    var out: [(path: String, bytes: [UInt8])] = []
    var sha256 = ""
    var sha512 = ""
    var octets = 0
    for (name, bytes) in payload {
      sha256 += "\(self.sha256(name, bytes))  data/\(name)\n"
      sha512 += "\(SHA512.hash(data: bytes).hexString)  data/\(name)\n"
      octets += bytes.count
      out.append(("\(top)/data/\(name)", bytes))
    }
    let tags: [(String, String)] = [
      ("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"),
      (
        "bag-info.txt",
        "Bagging-Date: \(day)\nBag-Software-Agent: tally \(TallyKit.version)\nExternal-Identifier: \(metadata.identifier)\n"
          + "Bag-Group-Identifier: \(metadata.name)\nPayload-Oxum: \(octets).\(payload.count)\n"
          + "Source-Organization: \(metadata.authors.map(\.name).joined(separator: "; "))\n"
      ),
      ("manifest-sha256.txt", sha256),
      ("manifest-sha512.txt", sha512),
    ]
    var tagManifest = ""
    for (name, text) in tags {
      tagManifest += "\(SHA256.hash(data: Array(text.utf8)).hexString)  \(name)\n"
      out.append(("\(top)/\(name)", Array(text.utf8)))
    }
    out.append(("\(top)/tagmanifest-sha256.txt", Array(tagManifest.utf8)))
    return out
  }

  // MARK: Metadata files

  private func dataPackage(_ tables: [TableLayout], _ payload: [(String, [UInt8])]) -> JSONValue {
    let files = Dictionary(payload, uniquingKeysWith: { a, _ in a })
    return .object([
      ("$schema", .string("https://datapackage.org/profiles/2.0/datapackage.json")),
      ("name", .string(metadata.name)),
      ("id", .string(metadata.identifier)),
      ("title", .string(metadata.title ?? metadata.name)),
      ("version", .string(metadata.version)),
      ("created", .string(timestamp)),
      ("licenses", .array([.object([("name", .string(metadata.license ?? ""))])])),
      ("contributors", .array(metadata.authors.map { a in .object([("title", .string(a.name)), ("roles", .array([.string("author")]))]) })),
      ("keywords", .array(metadata.keywords.map(JSONValue.string))),
      ("sources", .array([.object([("title", .string("News articles listed in documents.csv, with their URLs, dates and SHA-256"))])])),
      (
        "resources",
        .array(
          tables.map { t in
            let bytes = files["\(t.name).csv"] ?? []
            return .object([
              ("name", .string(t.name)), ("title", .string(t.title)), ("description", .string(t.description)),
              ("path", .string("\(t.name).csv")), ("type", .string("table")), ("format", .string("csv")),
              ("mediatype", .string("text/csv")), ("encoding", .string("utf-8")),
              ("bytes", .number(Double(bytes.count))), ("hash", .string("sha256:\(sha256("\(t.name).csv", bytes))")),
              ("dialect", .object([("header", .bool(true)), ("delimiter", .string(",")), ("doubleQuote", .bool(true))])),
              ("schema", .string("\(t.name).schema.json")),
            ])
          })
      ),
    ])
  }

  private var citation: String {
    var s = "cff-version: 1.2.0\nmessage: If you use this dataset, please cite it as below.\ntype: dataset\n"
    s += "title: \(yaml(metadata.title ?? metadata.name))\nauthors:\n"
    for a in metadata.authors {
      let parts = a.name.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      if parts.count == 2 {
        s += "  - family-names: \(yaml(parts[0]))\n    given-names: \(yaml(parts[1]))\n"
      } else {
        s += "  - name: \(yaml(a.name))\n"
      }
      if let o = a.orcid { s += "    orcid: \(yaml("https://orcid.org/\(o)"))\n" }
    }
    s += "version: \(yaml(metadata.version))\ndate-released: \(yaml(day))\nlicense: \(yaml(metadata.license ?? ""))\n"
    if let doi = metadata.doi { s += "doi: \(yaml(doi))\n" }
    if !metadata.keywords.isEmpty { s += "keywords:\n" + metadata.keywords.map { "  - \(yaml($0))\n" }.joined() }
    return s
  }

  /// A YAML double-quoted scalar.
  private func yaml(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  private var zenodo: JSONValue {
    .object([
      ("title", .string(metadata.title ?? metadata.name)),
      ("upload_type", .string("dataset")),
      ("description", .string(metadata.description ?? metadata.title ?? metadata.name)),
      ("creators", .array(metadata.authors.map { a in .object([("name", .string(a.name))] + (a.orcid.map { [("orcid", JSONValue.string($0))] } ?? [])) })),
      ("license", .string(metadata.license ?? "")),
      ("version", .string(metadata.version)),
      ("publication_date", .string(day)),
      ("keywords", .array(metadata.keywords.map(JSONValue.string))),
    ] + (metadata.doi.map { [("doi", JSONValue.string($0))] } ?? [])
      + (previous.map { p in
        [("related_identifiers", JSONValue.array([.object([("identifier", .string(p.identifier)), ("relation", .string("isNewVersionOf"))])]))]
      } ?? []))
  }

  private func readme(_ tables: [TableLayout]) -> String {
    let title = metadata.title ?? metadata.name
    var s = "# \(title)\n\nVersion \(metadata.version), \(day). Licence: \(metadata.license ?? "").\n\n"
    if let d = metadata.description { s += d + "\n\n" }
    s += "Made with tally \(TallyKit.version) from news articles: every number is traceable to the article and the words it came from.\n\n## Tables\n\n"
    for t in tables { s += "- `\(t.name).csv` (and `.jsonl`): \(t.description) Schema: `\(t.name).schema.json`.\n" }
    s += """

      ## Loading

      R:

      ```r
      library(readr)
      observations <- read_csv("observations.csv", na = "")
      ```

      Python:

      ```python
      import pandas as pd
      observations = pd.read_csv("observations.csv", keep_default_na=False, na_values=[""])
      ```

      ## Citing

      See `CITATION.cff`. Identifier: \(metadata.identifier).

      """
    return s
  }

  private func roCrate(_ payload: [(String, [UInt8])]) -> JSONValue {
    let files = payload.map(\.0).filter { $0 != "ro-crate-metadata.json" }
    var graph: [JSONValue] = [
      .object([
        ("@id", .string("ro-crate-metadata.json")), ("@type", .string("CreativeWork")),
        ("about", .object([("@id", .string("./"))])),
        ("conformsTo", .object([("@id", .string("https://w3id.org/ro/crate/1.2"))])),
      ]),
      .object([
        ("@id", .string("./")), ("@type", .string("Dataset")), ("name", .string(metadata.title ?? metadata.name)),
        ("version", .string(metadata.version)), ("datePublished", .string(day)),
        ("license", .object([("@id", .string("https://spdx.org/licenses/\(metadata.license ?? "")"))])),
        ("identifier", .string(metadata.identifier)),
      ] + (previous.map { [("isBasedOn", JSONValue.object([("@id", .string($0.identifier))]))] } ?? []) + [
        ("author", .array(metadata.authors.map { a in .object([("@id", .string(a.orcid.map { "https://orcid.org/\($0)" } ?? "#\(a.name)"))]) })),
        ("hasPart", .array(files.map { .object([("@id", .string($0))]) })),
      ]),
      .object([
        ("@id", .string("#tally")), ("@type", .string("SoftwareApplication")), ("name", .string("tally")),
        ("version", .string(TallyKit.version)),
      ]),
    ]
    for a in metadata.authors {
      graph.append(.object([("@id", .string(a.orcid.map { "https://orcid.org/\($0)" } ?? "#\(a.name)")), ("@type", .string("Person")), ("name", .string(a.name))]))
    }
    // The source articles, from the documents table.
    var sources: [JSONValue] = []
    if let docs = payload.first(where: { $0.0 == "documents.csv" })?.1,
      let records = try? CSVReader(file: "documents.csv").records(docs), let header = records.first
    {
      func col(_ r: CSVRecord, _ name: String) -> String? {
        guard let k = header.fields.firstIndex(of: name), k < r.fields.count, !r.fields[k].isEmpty else { return nil }
        return r.fields[k]
      }
      for r in records.dropFirst() {
        let id = col(r, "url") ?? "#document-\(col(r, "id") ?? "")"
        var members: [(String, JSONValue)] = [("@id", .string(id)), ("@type", .string("CreativeWork")), ("name", .string(col(r, "id") ?? ""))]
        if let p = col(r, "published") { members.append(("datePublished", .string(p))) }
        if let o = col(r, "outlet") { members.append(("publisher", .string(o))) }
        if let h = col(r, "sha256") { members.append(("sha256", .string(h))) }
        graph.append(.object(members))
        sources.append(.object([("@id", .string(id))]))
      }
    }
    for f in files {
      graph.append(.object([("@id", .string(f)), ("@type", .string("File")), ("name", .string(f))]))
    }
    graph.append(
      .object([
        ("@id", .string("#bundle")), ("@type", .string("CreateAction")), ("name", .string(commandLine)),
        ("endTime", .string(timestamp)), ("instrument", .object([("@id", .string("#tally"))])),
        ("object", .array(sources)), ("result", .array(files.map { .object([("@id", .string($0))]) })),
      ]))
    return .object([("@context", .string("https://w3id.org/ro/crate/1.2/context")), ("@graph", .array(graph))])
  }
}
