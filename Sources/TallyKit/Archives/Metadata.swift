import Foundation

/// What a citable archive says about itself, from one source: `metadata.json` in the dataset
/// directory, overridden by command-line options. Every metadata file of the archive
/// (datapackage.json, CITATION.cff, .zenodo.json, ro-crate-metadata.json, bag-info.txt,
/// README.md) is written from this one value, so they cannot disagree.
///
/// `metadata.json`:
/// ```json
/// {"title": "...", "authors": [{"name": "Family, Given", "orcid": "0000-0000-0000-0000"}],
///  "license": "CC-BY-4.0", "doi": "10.5281/zenodo.1", "keywords": ["Gaza"], "description": "..."}
/// ```
public struct DatasetMetadata: Sendable, Equatable {
  public struct Author: Sendable, Equatable {
    public var name: String
    public var orcid: String?
    public init(name: String, orcid: String? = nil) {
      self.name = name
      self.orcid = orcid
    }
  }

  public var name: String
  public var title: String?
  public var authors: [Author] = []
  /// An SPDX licence id.
  public var license: String?
  public var version: String = ""
  public var doi: String?
  public var keywords: [String] = []
  public var description: String?

  public init(name: String) { self.name = name }

  /// Reads `directory/metadata.json` if there is one.
  public static func read(directory: String, name: String) throws(ArchiveError) -> DatasetMetadata {
    var m = DatasetMetadata(name: name)
    let path = "\(directory)/metadata.json"
    guard fileExists(path) else { return m }
    let bytes: [UInt8]
    do { bytes = try readFileBytes(path) } catch { throw .input(error) }
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
      throw .malformedMetadata(SourceLocation(file: path), reason: "not a JSON object; see docs/archives.md for the fields")
    }
    m.title = object["title"] as? String
    m.license = object["license"] as? String
    m.doi = object["doi"] as? String
    m.description = object["description"] as? String
    m.keywords = object["keywords"] as? [String] ?? []
    if let authors = object["authors"] {
      guard let list = authors as? [Any] else {
        throw .malformedMetadata(SourceLocation(file: path), reason: "\"authors\" must be a list of names or {\"name\": ...} objects")
      }
      for a in list {
        if let s = a as? String {
          m.authors.append(Author(name: s))
        } else if let o = a as? [String: Any], let n = o["name"] as? String {
          m.authors.append(Author(name: n, orcid: o["orcid"] as? String))
        } else {
          throw .malformedMetadata(SourceLocation(file: path), reason: "an author needs a \"name\"")
        }
      }
    }
    return m
  }

  /// Checks what every archive needs.
  public func validate(directory: String) throws(ArchiveError) {
    if title?.isEmpty ?? true { throw .missingMetadata(field: "title", path: directory) }
    if authors.isEmpty { throw .missingMetadata(field: "author", path: directory) }
    if license?.isEmpty ?? true { throw .missingMetadata(field: "license", path: directory) }
    guard DatasetMetadata.isSemanticVersion(version) else { throw .invalidVersion(version) }
  }

  public static func isSemanticVersion(_ v: String) -> Bool {
    let parts = v.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 3
      && parts.allSatisfy { p in !p.isEmpty && p.allSatisfy(\.isASCII) && p.allSatisfy(\.isNumber) && (p == "0" || p.first != "0") }
  }

  /// The archive's folder and file stem: `NAME-X.Y.Z`.
  public var stem: String { "\(name)-\(version)" }
  /// A persistent identifier: the DOI if there is one, else a URN from name and version.
  public var identifier: String { doi.map { "https://doi.org/\($0)" } ?? "urn:tally:\(name):\(version)" }
}
