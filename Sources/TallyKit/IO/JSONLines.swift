/// A JSON value as found in a JSON Lines record. Strings stay UTF-8 bytes; nested arrays and
/// objects are checked for well-formedness and skipped, since no reader here needs them.
public enum JSONField: Equatable, Sendable {
  case string([UInt8])
  case number(Double)
  case bool(Bool)
  case null
  case nested

  public var text: String? {
    if case .string(let b) = self { return String(decoding: b, as: UTF8.self) }
    return nil
  }
}

/// Parses one JSON Lines line holding an object into its top-level fields.
///
/// Written by hand rather than with Foundation's `JSONSerialization`/`JSONDecoder`: those build
/// an `NSString`/`String` for every value and run several times slower on the large `text`
/// fields of news corpora, while this parser copies each string's bytes once.
public struct JSONObjectParser {
  /// Why a line could not be parsed, with the byte offset where parsing stopped.
  public struct Failure: Error {
    public var offset: Int
    public var reason: String
  }

  public init() {}

  /// Fields in the order they appear; a repeated key keeps its last value, as in Python.
  public func parse(_ line: ArraySlice<UInt8>) throws(Failure) -> [(key: String, value: JSONField)] {
    try line.withUnsafeBufferPointer { (p) throws(Failure) -> [(key: String, value: JSONField)] in
      var cursor = JSONCursor(bytes: p)
      return try cursor.object()
    }
  }
}

/// Reads JSON values from bytes; `JSONRecordScanner` hands it the strings that hold escapes, so
/// one set of rules reads every JSON input.
struct JSONCursor {
  let bytes: UnsafeBufferPointer<UInt8>
  var i = 0

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  typealias Failure = JSONObjectParser.Failure

  func fail(_ reason: String) -> Failure { Failure(offset: i, reason: reason) }

  mutating func skipSpace() {
    while i < bytes.count {
      switch bytes[i] {
      case 0x20, 0x09, 0x0A, 0x0D: i += 1
      default: return
      }
    }
  }

  mutating func object() throws(Failure) -> [(key: String, value: JSONField)] {
    // A UTF-8 byte-order mark at the start of a file is tolerated.
    if bytes.starts(with: UTF8Bytes.byteOrderMark) { i = 3 }
    skipSpace()
    guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else {
      throw fail(i < bytes.count ? "expected '{'" : "the line is blank")
    }
    var fields: [(key: String, value: JSONField)] = []
    try members(depth: 0) { key, value in
      if let k = fields.firstIndex(where: { $0.key == key }) {
        fields[k].value = value
      } else {
        fields.append((key, value))
      }
    }
    skipSpace()
    guard i == bytes.count else { throw fail("unexpected text after the object") }
    return fields
  }

  /// Reads an object from its `{`, handing each member to `member`.
  mutating func members(
    depth: Int, _ member: (String, JSONField) throws(Failure) -> Void
  ) throws(Failure) {
    i += 1
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
      i += 1
      return
    }
    repeat {
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a key") }
      let key = String(decoding: try string(), as: UTF8.self)
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
      i += 1
      try member(key, try value(depth: depth + 1))
    } while try separator(closing: UInt8(ascii: "}"), what: "object")
  }

  /// After a member or element: `true` at a comma (more follow), `false` at the closing
  /// bracket, an error otherwise.
  mutating func separator(closing: UInt8, what: String) throws(Failure) -> Bool {
    skipSpace()
    guard i < bytes.count else { throw fail("unterminated \(what)") }
    let b = bytes[i]
    i += 1
    if b == UInt8(ascii: ",") { return true }
    if b == closing { return false }
    i -= 1
    throw fail("expected ',' or '\(Character(Unicode.Scalar(closing)))'")
  }

  mutating func value(depth: Int) throws(Failure) -> JSONField {
    skipSpace()
    guard i < bytes.count else { throw fail("expected a value") }
    guard depth < 512 else { throw fail("nested too deeply") }
    switch bytes[i] {
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "{"):
      try members(depth: depth) { _, _ in }
      return .nested
    case UInt8(ascii: "["):
      i += 1
      skipSpace()
      if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
        i += 1
        return .nested
      }
      repeat {
        _ = try value(depth: depth + 1)
      } while try separator(closing: UInt8(ascii: "]"), what: "array")
      return .nested
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    default:
      return .number(try number())
    }
  }

  mutating func literal(_ word: StaticString) throws(Failure) {
    let n = word.utf8CodeUnitCount
    guard i + n <= bytes.count else { throw fail("unexpected end of line") }
    for k in 0..<n where bytes[i + k] != word.utf8Start[k] { throw fail("unexpected character") }
    i += n
  }

  mutating func number() throws(Failure) -> Double {
    let start = i
    if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
    var digits = 0
    while i < bytes.count {
      let b = bytes[i]
      if (b >= 0x30 && b <= 0x39) {
        digits += 1
      } else if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
        || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
      {
        // part of a number
      } else {
        break
      }
      i += 1
    }
    guard digits > 0, let v = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else {
      i = start
      throw fail("expected a value")
    }
    return v
  }

  /// Reads a string starting at its opening quote and returns its unescaped UTF-8 bytes.
  mutating func string() throws(Failure) -> [UInt8] {
    i += 1
    let start = i
    // Fast path: no escapes.
    if let base = bytes.baseAddress { i = skipPlainJSONStringBytes(base, from: i, count: bytes.count) }
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        let out = Array(bytes[start..<i])
        i += 1
        return out
      }
      if b == UInt8(ascii: "\\") { break }
      if b < 0x20 { throw fail("a control character inside a string must be escaped") }
      i += 1
    }
    var out = Array(bytes[start..<i])
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        i += 1
        return out
      }
      if b < 0x20 { throw fail("a control character inside a string must be escaped") }
      if b != UInt8(ascii: "\\") {
        // Copy the run up to the next quote, backslash or control byte in one append.
        var j = i + 1
        while j < bytes.count {
          let c = bytes[j]
          if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { break }
          j += 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
        i = j
        continue
      }
      i += 1
      guard i < bytes.count else { break }
      let e = bytes[i]
      i += 1
      switch e {
      case UInt8(ascii: "\""): out.append(0x22)
      case UInt8(ascii: "\\"): out.append(0x5C)
      case UInt8(ascii: "/"): out.append(0x2F)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try hex4()
        if (0xD800...0xDBFF).contains(scalar) {
          // A high surrogate must be followed by an escaped low surrogate.
          if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
            i += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else {
            throw fail("unpaired surrogate")
          }
        } else if (0xDC00...0xDFFF).contains(scalar) {
          throw fail("unpaired surrogate")
        }
        appendUTF8(scalar, to: &out)
      default: throw fail("unknown escape")
      }
    }
    throw fail("unterminated string")
  }

  mutating func hex4() throws(Failure) -> UInt32 {
    guard i + 4 <= bytes.count else { throw fail("short \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = bytes[i]
      let d: UInt32
      switch b {
      case 0x30...0x39: d = UInt32(b - 0x30)
      case 0x41...0x46: d = UInt32(b - 0x41 + 10)
      case 0x61...0x66: d = UInt32(b - 0x61 + 10)
      default: throw fail("bad \\u escape")
      }
      v = v << 4 | d
      i += 1
    }
    return v
  }
}

/// Skips the bytes that stand in a JSON string as they are, eight at a time while none is a
/// quote, a backslash or a control byte (the usual bit tricks: a byte equal to c, or below
/// 0x20, sets its high bit in the mask; bytes of 0x80 and up are never flagged). Returns the
/// offset of the first byte that needs a look (the lowest flagged byte of a word is always a
/// true one: a false flag needs a true one below it), or where fewer than eight remain.
@inline(__always) func skipPlainJSONStringBytes(_ base: UnsafePointer<UInt8>, from start: Int, count n: Int) -> Int {
  var unused = false
  var unusedBits: UInt64 = 0
  return skipPlainJSONStringBytes(base, from: start, count: n, comma: &unused, loaded: &unusedBits)
}

/// `skipPlainJSONStringBytes` that also notes whether a comma came before the byte it stops
/// at (a CSV field with a comma must be quoted), so that writing a field read this way needs
/// no second scan. A comma flagged below the stop is a real one, for the reason above. Every
/// word it loads is or-ed into `loaded`, whose high bits then say whether any byte of 0x80 or
/// more was among them (so that an ASCII line needs no UTF-8 check of its own).
@inline(__always) func skipPlainJSONStringBytes(
  _ base: UnsafePointer<UInt8>, from start: Int, count n: Int, comma: inout Bool, loaded: inout UInt64
) -> Int {
  let raw = UnsafeRawPointer(base)
  var i = start
  // Sixteen bytes at a time first, while none needs a look (vector compares: 2.4 times the
  // word loop's speed on long strings in a micro-benchmark, and the figure parse's share of
  // a normalize profile fell by a seventh); the word loop below finds the exact byte. The
  // compared vectors are built once: with a scalar on the right of `.==` the loop ran
  // hundreds of times slower (the scalar broadcast on every compare).
  let quote = SIMD16<UInt8>(repeating: 0x22)
  let backslash = SIMD16<UInt8>(repeating: 0x5C)
  let space = SIMD16<UInt8>(repeating: 0x20)
  let commaByte = SIMD16<UInt8>(repeating: 0x2C)
  var wide = SIMD16<UInt8>(repeating: 0)
  while i + 16 <= n {
    let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
    if any((v .== quote) .| (v .== backslash) .| (v .< space)) { break }
    if any(v .== commaByte) { comma = true }
    wide |= v
    i += 16
  }
  if any(wide .> SIMD16<UInt8>(repeating: 0x7F)) { loaded |= 0x80 }
  while i + 8 <= n {
    let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
    loaded |= x
    // A quote, a backslash, or a byte below 0x20 (a control character).
    let control = (x &- swarOnes &* 0x20) & ~x & swarHighBits
    let flagged = swarMatches(x, 0x22) | swarMatches(x, 0x5C) | control
    let commas = swarMatches(x, 0x2C)
    if flagged != 0 {
      if commas & ((flagged & (0 &- flagged)) &- 1) != 0 { comma = true }
      return i + flagged.trailingZeroBitCount >> 3
    }
    if commas != 0 { comma = true }
    i += 8
  }
  return i
}

/// Decodes a JSON string token (quotes included) that `JSONRecordScanner` has validated.
public func decodeJSONString(_ token: UnsafeBufferPointer<UInt8>) -> [UInt8] {
  var c = JSONCursor(bytes: token)
  return (try? c.string()) ?? []
}

func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
  switch scalar {
  case 0..<0x80: out.append(UInt8(scalar))
  case 0x80..<0x800:
    out.append(UInt8(0xC0 | (scalar >> 6)))
    out.append(UInt8(0x80 | (scalar & 0x3F)))
  case 0x800..<0x10000:
    out.append(UInt8(0xE0 | (scalar >> 12)))
    out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
    out.append(UInt8(0x80 | (scalar & 0x3F)))
  default:
    out.append(UInt8(0xF0 | (scalar >> 18)))
    out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
    out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
    out.append(UInt8(0x80 | (scalar & 0x3F)))
  }
}

/// Appends JSON strings to a byte array, escaped as RFC 8259 requires (by `RawBytes`, the
/// record writer), so output is byte-for-byte deterministic.
public struct JSONEncoderBytes {
  public var bytes: [UInt8] = []

  public init() {}

  public mutating func string(_ s: String) {
    var s = s
    let plain = s.withUTF8 { p -> Bool in
      // Most strings need no escape: copied whole, without a scratch buffer.
      guard isPlainJSONText(p) else { return false }
      bytes.append(0x22)
      bytes.append(contentsOf: p)
      bytes.append(0x22)
      return true
    }
    if plain { return }
    var w = RawBytes(capacity: s.utf8.count * 6 + 2)
    defer { w.free() }
    w.jsonString(s)
    bytes.append(contentsOf: UnsafeBufferPointer(start: w.base, count: w.count))
  }
}

/// Whether bytes go into a JSON string as they are (no quote, backslash or control character).
@inline(__always) func isPlainJSONText(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
  guard let base = p.baseAddress else { return true }
  var i = skipPlainJSONStringBytes(base, from: 0, count: p.count)
  while i < p.count {
    let b = base[i]
    if b < 0x20 || b == 0x22 || b == 0x5C { return false }
    i += 1
  }
  return true
}

/// `v` as an integer when the toolkit writes it as one (a whole number below 10^15).
@inline(__always) func integralValue(_ v: Double) -> Int64? {
  v == v.rounded() && abs(v) < 1e15 ? Int64(v) : nil
}

/// Writes the decimal digits of `m` at `p` (room for 20 bytes) and returns how many.
@inline(__always) func writeDecimal(_ m: UInt64, to p: UnsafeMutablePointer<UInt8>) -> Int {
  var digits = 0
  var t = m
  repeat {
    digits += 1
    t /= 10
  } while t > 0
  var k = digits - 1
  var m = m
  repeat {
    p[k] = UInt8(48 + m % 10)
    m /= 10
    k -= 1
  } while m > 0
  return digits
}

/// Appends a number as `formatNumber` writes it. Integers, which are nearly all the values
/// written, go straight to bytes: building a `String` for each was a tenth of extraction time.
public func appendNumber(_ v: Double, to bytes: inout [UInt8]) {
  if let i = integralValue(v) {
    appendInteger(i, to: &bytes)
  } else {
    bytes.append(contentsOf: "\(v)".utf8)
  }
}

/// Appends the decimal digits of `v`.
public func appendInteger(_ v: Int64, to bytes: inout [UInt8]) {
  if v < 0 { bytes.append(UInt8(ascii: "-")) }
  withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { d in
    let n = writeDecimal(v.magnitude, to: d.baseAddress!)
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: d[0..<n]))
  }
}

/// A number as the toolkit writes it everywhere: integers without a decimal point, other values
/// in the shortest form that reads back to the same double ("0.2", not "0.20000000000000001").
public func formatNumber(_ v: Double) -> String {
  if let i = integralValue(v) { return String(i) }
  return "\(v)"
}

/// A growable raw byte buffer for building one record. Every write checks room once; the
/// caller frees it.
struct RawBytes {
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(64, capacity)
    base = .allocate(capacity: self.capacity)
  }

  func free() { base.deallocate() }

  mutating func reset() { count = 0 }

  @inline(__always) mutating func room(_ n: Int) {
    if count + n <= capacity { return }
    var c = capacity * 2
    while c < count + n { c *= 2 }
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
    grown.update(from: base, count: count)
    base.deallocate()
    base = grown
    capacity = c
  }

  @inline(__always) mutating func byte(_ b: UInt8) {
    room(1)
    base[count] = b
    count += 1
  }

  mutating func put(_ s: StaticString) {
    let n = s.utf8CodeUnitCount
    room(n)
    (base + count).update(from: s.utf8Start, count: n)
    count += n
  }

  mutating func bytes(_ b: [UInt8]) {
    room(b.count)
    b.withUnsafeBufferPointer { p in
      if let a = p.baseAddress { (base + count).update(from: a, count: p.count) }
    }
    count += b.count
  }

  mutating func integer(_ v: Int64) {
    room(20)
    if v < 0 { byte(UInt8(ascii: "-")) }
    count += writeDecimal(v.magnitude, to: base + count)
  }

  mutating func number(_ v: Double) {
    if let i = integralValue(v) {
      integer(i)
    } else {
      for b in "\(v)".utf8 { byte(b) }
    }
  }

  mutating func date(_ d: ReportedDate) {
    var tmp: [UInt8] = []
    tmp.reserveCapacity(10)
    d.appendISO(to: &tmp)
    bytes(tmp)
  }

  /// A JSON string: quotes, and escapes for quote, backslash and control characters.
  mutating func jsonString(_ s: String) {
    var s = s
    s.withUTF8 { p in
      room(p.count * 6 + 2)
      base[count] = 0x22
      count += 1
      var runStart = 0
      for k in 0..<p.count {
        let b = p[k]
        guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
        (base + count).update(from: p.baseAddress! + runStart, count: k - runStart)
        count += k - runStart
        switch b {
        case 0x22: base[count] = 0x5C; base[count + 1] = 0x22; count += 2
        case 0x5C: base[count] = 0x5C; base[count + 1] = 0x5C; count += 2
        case 0x0A: base[count] = 0x5C; base[count + 1] = UInt8(ascii: "n"); count += 2
        case 0x0D: base[count] = 0x5C; base[count + 1] = UInt8(ascii: "r"); count += 2
        case 0x09: base[count] = 0x5C; base[count + 1] = UInt8(ascii: "t"); count += 2
        default:
          let hex: StaticString = "0123456789abcdef"
          base[count] = 0x5C; base[count + 1] = UInt8(ascii: "u")
          base[count + 2] = 0x30; base[count + 3] = 0x30
          base[count + 4] = hex.utf8Start[Int(b >> 4)]; base[count + 5] = hex.utf8Start[Int(b & 15)]
          count += 6
        }
        runStart = k + 1
      }
      if let a = p.baseAddress, p.count > runStart {
        (base + count).update(from: a + runStart, count: p.count - runStart)
        count += p.count - runStart
      }
      base[count] = 0x22
      count += 1
    }
  }
}
