/// Frictionless descriptors and the HXL hashtag row, written from the table layouts.
public enum DatasetDescriptors {
  static let datePattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"

  /// The Table Schema (Frictionless v2) of a table.
  public static func tableSchema(_ t: TableLayout) -> JSONValue {
    let fields: [JSONValue] = t.columns.map { c in
      var members: [(String, JSONValue)] = [("name", .string(c.name))]
      var constraints: [(String, JSONValue)] = []
      switch c.type {
      case .partialDate:
        members.append(("type", .string("string")))
        members.append(("format", .string("default")))
        constraints.append(("pattern", .string(datePattern)))
      default:
        members.append(("type", .string(c.type.rawValue)))
      }
      if c.type == .boolean {
        members.append(("trueValues", .array([.string("true")])))
        members.append(("falseValues", .array([.string("false")])))
      }
      members.append(("description", .string(c.description)))
      if c.required { constraints.insert(("required", .bool(true)), at: 0) }
      if let allowed = c.allowed { constraints.append(("enum", .array(allowed.map(JSONValue.string)))) }
      if t.primaryKey == [c.name] { constraints.append(("unique", .bool(true))) }
      if !constraints.isEmpty { members.append(("constraints", .object(constraints))) }
      return .object(members)
    }
    var schema: [(String, JSONValue)] = [
      ("$schema", .string("https://datapackage.org/profiles/2.0/tableschema.json")),
      ("fields", .array(fields)),
      ("missingValues", .array([.string("")])),
      ("primaryKey", .array(t.primaryKey.map(JSONValue.string))),
    ]
    if !t.foreignKeys.isEmpty {
      schema.append(
        (
          "foreignKeys",
          .array(
            t.foreignKeys.map { column, table, other in
              .object([
                ("fields", .array([.string(column)])),
                ("reference", .object([("resource", .string(table)), ("fields", .array([.string(other)]))])),
              ])
            })
        ))
    }
    return .object(schema)
  }

  /// A Data Package descriptor listing the CSV tables and their schemas, so that
  /// `frictionless validate datapackage.json` checks every table and the keys between them.
  /// (`tally bundle` writes the full, citable descriptor.)
  public static func dataPackage(name: String, tables: [TableLayout]) -> JSONValue {
    .object([
      ("$schema", .string("https://datapackage.org/profiles/2.0/datapackage.json")),
      ("name", .string(name)),
      (
        "resources",
        .array(
          tables.map { t in
            .object([
              ("name", .string(t.name)),
              ("title", .string(t.title)),
              ("description", .string(t.description)),
              ("path", .string("\(t.name).csv")),
              ("type", .string("table")),
              ("format", .string("csv")),
              ("mediatype", .string("text/csv")),
              ("encoding", .string("utf-8")),
              ("dialect", .object([("header", .bool(true)), ("delimiter", .string(",")), ("doubleQuote", .bool(true))])),
              ("schema", .string("\(t.name).schema.json")),
            ])
          })
      ),
    ])
  }

  /// The HXL hashtag row of a table, a CSV line.
  public static func hxlRow(_ t: TableLayout) -> [UInt8] {
    Array((t.columns.map(\.hxl).joined(separator: ",") + "\n").utf8)
  }
}
