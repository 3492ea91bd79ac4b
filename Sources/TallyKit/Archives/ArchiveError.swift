import Foundation

/// Errors of bundling and verifying dataset archives.
public enum ArchiveError: TallyError, Equatable {
  /// Reading or writing failed in the shared I/O layer.
  case input(InputError)
  /// The metadata lacks what every citable archive needs (a title, an author, a licence).
  case missingMetadata(field: String, path: String)
  /// The metadata file is not the documented JSON object.
  case malformedMetadata(SourceLocation, reason: String)
  /// A version that is not semantic versioning (MAJOR.MINOR.PATCH).
  case invalidVersion(String)
  /// The archive to write exists already (use --force to replace it).
  case exists(path: String)
  /// libarchive failed while writing or reading.
  case library(path: String, reason: String)
  /// An archive entry whose path escapes the archive (`..` or an absolute path).
  case unsafePath(path: String, entry: String)
  /// The dataset directory has no tables.
  case notADataset(path: String)
  /// The version is a smaller step than the changes since the previous version need.
  case versionTooSmall(version: String, previous: String, needed: String)

  public var location: SourceLocation? {
    switch self {
    case .input(let e): return e.location
    case .malformedMetadata(let l, _): return l
    case .missingMetadata(_, let p), .exists(let p), .library(let p, _), .unsafePath(let p, _),
      .notADataset(let p):
      return SourceLocation(file: p)
    case .invalidVersion, .versionTooSmall: return nil
    }
  }

  public var errorDescription: String? {
    switch self {
    case .input(let e): return e.errorDescription
    case .missingMetadata(let field, let path):
      return "\(path): no \(field) for the archive; give --\(field) or set \"\(field == "author" ? "authors" : field)\" in \(path)/metadata.json"
    case .malformedMetadata(let l, let reason): return "\(l): \(reason)"
    case .invalidVersion(let v):
      return "version \"\(v)\" is not semantic versioning; write MAJOR.MINOR.PATCH, such as 1.0.0"
    case .exists(let p): return "\(p): exists already; give --force to replace it"
    case .library(let p, let reason): return "\(p): \(reason)"
    case .unsafePath(let p, let entry):
      return "\(p): the entry \"\(entry)\" points outside the archive (.. or an absolute path); the archive is unsafe"
    case .notADataset(let p): return "\(p): not a dataset directory (no datapackage.json); make one with tally normalize"
    case .versionTooSmall(let v, let previous, let needed):
      return "version \(v) after \(previous) is too small a step: the data changed enough for a new \(needed) version (see tally diff); give that, or --force-version"
    }
  }
}
