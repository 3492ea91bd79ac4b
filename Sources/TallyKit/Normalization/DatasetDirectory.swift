import Foundation

/// A dataset directory written whole or not at all: files go into a temporary directory beside
/// the target, which `commit()` renames into place (replacing an earlier dataset there).
/// Without a commit, the temporary directory is removed.
public final class DatasetDirectory {
  public let path: String
  public let temporaryPath: String
  private var files: [AtomicFile] = []
  private var finished = false

  /// Names that mark a directory as a tally dataset, which may be replaced.
  static let markers = ["datapackage.json", "figures.csv", "observations.csv"]

  public init(path given: String) throws(NormalizationError) {
    // `-o dataset/` names the folder `dataset`: its temporary sibling is `dataset.tmp-...`.
    var path = given
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
      let contents = (try? fm.contentsOfDirectory(atPath: path)) ?? []
      guard isDirectory.boolValue, contents.isEmpty || contents.contains(where: DatasetDirectory.markers.contains)
      else { throw .outputNotDataset(path: path) }
    }
    self.path = path
    var template = Array("\(path).tmp-XXXXXX".utf8CString)
    guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
      throw .input(.unwritable(path: path, reason: systemErrorText()))
    }
    temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    TemporaryOutputs.register(temporaryPath)
    chmod(temporaryPath, 0o755)
  }

  /// A file of the dataset, written in the temporary directory (with direct I/O where the
  /// system allows, if `direct`: for the tables, which can be gigabytes).
  public func create(_ name: String, direct: Bool = false) throws(NormalizationError) -> ByteWriter {
    do {
      let f = try AtomicFile(path: "\(temporaryPath)/\(name)", direct: direct)
      files.append(f)
      return f.writer
    } catch {
      throw .input(error)
    }
  }

  /// Writes a whole file.
  public func write(_ name: String, _ bytes: [UInt8]) throws(NormalizationError) {
    let w = try create(name)
    do { try w.write(bytes) } catch { throw .input(error) }
  }

  /// Closes every file and moves the directory into place.
  public func commit() throws(NormalizationError) {
    guard !finished else { return }
    do {
      for f in files { try f.commit() }
    } catch {
      discard()
      throw .input(error)
    }
    finished = true
    try TemporaryOutputs.committing(temporaryPath) { () throws(NormalizationError) in try moveIntoPlace() }
  }

  /// Replaces the target with the temporary directory (the earlier dataset is moved aside
  /// first and restored if the move fails).
  private func moveIntoPlace() throws(NormalizationError) {
    let fm = FileManager.default
    // The researcher's metadata.json (title, authors, licence for `bundle`) is written by
    // hand, not by normalize: it carries over to the new dataset.
    if fm.fileExists(atPath: "\(path)/metadata.json") && !fm.fileExists(atPath: "\(temporaryPath)/metadata.json") {
      try? fm.copyItem(atPath: "\(path)/metadata.json", toPath: "\(temporaryPath)/metadata.json")
    }
    var old: String? = nil
    if fm.fileExists(atPath: path) {
      old = "\(temporaryPath).old"
      if rename(path, old!) != 0 {
        let reason = systemErrorText()
        try? fm.removeItem(atPath: temporaryPath)
        throw .input(.unwritable(path: path, reason: reason))
      }
    }
    if rename(temporaryPath, path) != 0 {
      let reason = systemErrorText()
      if let old { rename(old, path) }
      try? fm.removeItem(atPath: temporaryPath)
      throw .input(.unwritable(path: path, reason: reason))
    }
    if let old { try? fm.removeItem(atPath: old) }
  }

  /// Removes the temporary directory; the target is left as it was.
  public func discard() {
    guard !finished else { return }
    finished = true
    for f in files { f.discard() }
    try? FileManager.default.removeItem(atPath: temporaryPath)
    TemporaryOutputs.unregister(temporaryPath)
  }

  deinit { discard() }
}
