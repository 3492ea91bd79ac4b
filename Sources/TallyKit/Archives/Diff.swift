import Foundation

/// The differences between two versions of a dataset (archives or dataset directories): schema
/// changes, and per table the rows added, removed and changed, matched by primary key (`id`),
/// with each changed cell's old and new value.
public struct DatasetDiff: Sendable {
  public struct CellChange: Sendable, Equatable {
    public var id: String
    public var column: String
    public var old: String
    public var new: String
  }
  public struct TableDiff: Sendable {
    public var table: String
    public var schemaChanges: [String] = []
    public var added: [String] = []
    public var removed: [String] = []
    public var changed: [CellChange] = []
  }

  public var tables: [TableDiff] = []

  /// What kind of version bump the changes need (semantic versioning of data): a schema change
  /// a new major, new or removed rows a new minor, changed cells a new patch.
  public enum Bump: Int, Sendable, Comparable {
    case none, patch, minor, major
    public static func < (a: Bump, b: Bump) -> Bool { a.rawValue < b.rawValue }
  }

  public var bump: Bump {
    if tables.contains(where: { !$0.schemaChanges.isEmpty }) { return .major }
    if tables.contains(where: { !$0.added.isEmpty || !$0.removed.isEmpty }) { return .minor }
    if tables.contains(where: { !$0.changed.isEmpty }) { return .patch }
    return .none
  }

  /// The tables of a dataset directory or an archive, by file name (`figures.csv`,
  /// `figures.schema.json`, ...).
  public static func files(of path: String) throws(ArchiveError) -> [String: [UInt8]] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .input(.unreadable(SourceLocation(file: path), reason: "no such file or directory"))
    }
    var out: [String: [UInt8]] = [:]
    if isDirectory.boolValue {
      for t in TableLayout.all {
        for name in ["\(t.name).csv", "\(t.name).schema.json"] where fileExists("\(path)/\(name)") {
          do { out[name] = try readFileBytes("\(path)/\(name)") } catch { throw .input(error) }
        }
      }
    } else {
      try ArchiveReader(path: path).forEachFile { name, bytes in
        let parts = name.split(separator: "/")
        if parts.count == 3, parts[1] == "data" { out[String(parts[2])] = bytes }
      }
    }
    return out
  }

  public init(old: String, new: String) throws(ArchiveError) {
    let a = try DatasetDiff.files(of: old)
    let b = try DatasetDiff.files(of: new)
    for t in TableLayout.all {
      var d = TableDiff(table: t.name)
      let oldFields = DatasetDiff.schemaFields(a["\(t.name).schema.json"])
      let newFields = DatasetDiff.schemaFields(b["\(t.name).schema.json"])
      for (name, type) in oldFields where !newFields.contains(where: { $0.0 == name }) {
        d.schemaChanges.append("column \(name) (\(type)) removed")
      }
      for (name, type) in newFields {
        if let old = oldFields.first(where: { $0.0 == name }) {
          if old.1 != type { d.schemaChanges.append("column \(name): \(old.1) -> \(type)") }
        } else {
          d.schemaChanges.append("column \(name) (\(type)) added")
        }
      }
      let oldRows = DatasetDiff.rows(a["\(t.name).csv"])
      let newRows = DatasetDiff.rows(b["\(t.name).csv"])
      for (id, row) in newRows.rows.sorted(by: { $0.key < $1.key }) {
        guard let before = oldRows.rows[id] else {
          d.added.append(id)
          continue
        }
        for (k, column) in newRows.header.enumerated() {
          guard let j = oldRows.header.firstIndex(of: column) else { continue }
          let o = j < before.count ? before[j] : ""
          let n = k < row.count ? row[k] : ""
          if o != n { d.changed.append(CellChange(id: id, column: column, old: o, new: n)) }
        }
      }
      d.removed = oldRows.rows.keys.filter { newRows.rows[$0] == nil }.sorted()
      tables.append(d)
    }
  }

  private static func schemaFields(_ bytes: [UInt8]?) -> [(String, String)] {
    guard let bytes, let o = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
      let fields = o["fields"] as? [[String: Any]]
    else { return [] }
    return fields.map { ($0["name"] as? String ?? "", $0["type"] as? String ?? "") }
  }

  private static func rows(_ bytes: [UInt8]?) -> (header: [String], rows: [String: [String]]) {
    guard let bytes, let records = try? CSVReader(file: "table").records(bytes), let header = records.first else {
      return ([], [:])
    }
    guard let idColumn = header.fields.firstIndex(of: "id") else { return (header.fields, [:]) }
    var rows: [String: [String]] = [:]
    for r in records.dropFirst() where idColumn < r.fields.count { rows[r.fields[idColumn]] = r.fields }
    return (header.fields, rows)
  }

  /// A readable report.
  public var text: String {
    var s = ""
    for t in tables {
      s += "\(t.table): \(t.added.count) added, \(t.removed.count) removed, \(Set(t.changed.map(\.id)).count) changed"
      s += t.schemaChanges.isEmpty ? "\n" : "; schema: \(t.schemaChanges.joined(separator: "; "))\n"
      for id in t.added.prefix(20) { s += "  + \(id)\n" }
      for id in t.removed.prefix(20) { s += "  - \(id)\n" }
      for c in t.changed.prefix(40) { s += "  ~ \(c.id) \(c.column): \(c.old) -> \(c.new)\n" }
      let hidden = max(0, t.added.count - 20) + max(0, t.removed.count - 20) + max(0, t.changed.count - 40)
      if hidden > 0 { s += "  ... and \(hidden) more (--format json lists them all)\n" }
    }
    s += "needs a \(["no", "patch", "minor", "major"][bump.rawValue]) version change\n"
    return s
  }

  /// The whole report as JSON.
  public var json: JSONValue {
    .object([
      ("bump", .string(["none", "patch", "minor", "major"][bump.rawValue])),
      (
        "tables",
        .array(
          tables.map { t in
            .object([
              ("table", .string(t.table)), ("schema_changes", .array(t.schemaChanges.map(JSONValue.string))),
              ("added", .array(t.added.map(JSONValue.string))), ("removed", .array(t.removed.map(JSONValue.string))),
              (
                "changed",
                .array(t.changed.map { c in .object([("id", .string(c.id)), ("column", .string(c.column)), ("old", .string(c.old)), ("new", .string(c.new))]) })
              ),
            ])
          })
      ),
    ])
  }

  /// The bump from version `old` to `new`.
  public static func bump(from old: String, to new: String) -> Bump? {
    let a = old.split(separator: ".").compactMap { Int($0) }
    let b = new.split(separator: ".").compactMap { Int($0) }
    guard a.count == 3, b.count == 3 else { return nil }
    if b[0] != a[0] { return b[0] > a[0] ? .major : nil }
    if b[1] != a[1] { return b[1] > a[1] ? .minor : nil }
    if b[2] != a[2] { return b[2] > a[2] ? .patch : nil }
    return Bump.none
  }
}
