/// A JSON document built in code and written with sorted-as-given keys and two-space
/// indentation, for descriptors (Table Schemas, Data Package): the same value gives the same
/// bytes on every run, which `Foundation.JSONEncoder` does not promise for key order.
public indirect enum JSONValue: Sendable, Equatable {
  case object([(String, JSONValue)])
  case array([JSONValue])
  case string(String)
  case number(Double)
  case bool(Bool)
  case null

  public static func == (a: JSONValue, b: JSONValue) -> Bool { a.bytes() == b.bytes() }

  /// The value as pretty-printed JSON followed by a newline.
  public func bytes() -> [UInt8] {
    var out: [UInt8] = []
    write(into: &out, indent: 0)
    out.append(0x0A)
    return out
  }

  private func write(into out: inout [UInt8], indent: Int) {
    func newline(_ level: Int) {
      out.append(0x0A)
      out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
    }
    switch self {
    case .object(let members):
      guard !members.isEmpty else { return out.append(contentsOf: "{}".utf8) }
      out.append(UInt8(ascii: "{"))
      for (i, (key, value)) in members.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        newline(indent + 1)
        JSONValue.string(key).write(into: &out, indent: indent + 1)
        out.append(contentsOf: ": ".utf8)
        value.write(into: &out, indent: indent + 1)
      }
      newline(indent)
      out.append(UInt8(ascii: "}"))
    case .array(let items):
      guard !items.isEmpty else { return out.append(contentsOf: "[]".utf8) }
      out.append(UInt8(ascii: "["))
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        newline(indent + 1)
        item.write(into: &out, indent: indent + 1)
      }
      newline(indent)
      out.append(UInt8(ascii: "]"))
    case .string(let s):
      var j = JSONEncoderBytes()
      j.string(s)
      out.append(contentsOf: j.bytes)
    case .number(let v): appendNumber(v, to: &out)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .null: out.append(contentsOf: "null".utf8)
    }
  }
}
