// The small hash tables on normalize's path of every figure: the key index, the code index,
// the group names and the id set are each open addressing in one array with a cheap hash.
// Swift's `Set` and `Dictionary` hash with SipHash and keep keys and values apart, which on
// this path cost more than the work they serve (measured for issue 3).

/// Observation keys (as two integers) to observation numbers: open addressing with linear
/// probing in one array, so a look-up is a multiply and, mostly, one cache line. (Swift's
/// `Dictionary` hashes with SipHash and keeps keys and values apart: two or three misses per
/// figure here.)
struct ObservationKeyIndex {
  private var slots: [Entry]
  private var mask: Int
  private(set) var count = 0

  private struct Entry {
    var a: UInt64
    var b: UInt64
    /// The observation plus one; 0 for an empty slot.
    var value: Int32
  }

  init() {
    slots = Array(repeating: Entry(a: 0, b: 0, value: 0), count: 1024)
    mask = 1023
  }

  @inline(__always) private static func hash(_ a: UInt64, _ b: UInt64) -> Int {
    var h = a &* 0x9E37_79B9_7F4A_7C15 ^ b
    h = (h ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: h ^ (h >> 29))
  }

  /// Reads the key's first slot, only to bring it into the cache before `find`.
  @inline(__always) func peek(_ a: UInt64, _ b: UInt64) -> Int32 {
    slots[ObservationKeyIndex.hash(a, b) & mask].value
  }

  /// The observation under the key, or the one `make` returns, which is then stored.
  @inline(__always) mutating func find(_ a: UInt64, _ b: UInt64, orInsert make: () -> Int32) -> Int32 {
    var h = ObservationKeyIndex.hash(a, b) & mask
    while true {
      let e = slots[h]
      if e.value == 0 { break }
      if e.a == a && e.b == b { return e.value - 1 }
      h = (h + 1) & mask
    }
    let o = make()
    slots[h] = Entry(a: a, b: b, value: o + 1)
    count += 1
    if count * 2 > slots.count { grow() }
    return o
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: Entry(a: 0, b: 0, value: 0), count: old.count * 2)
    mask = slots.count - 1
    for e in old where e.value != 0 {
      var h = ObservationKeyIndex.hash(e.a, e.b) & mask
      while slots[h].value != 0 { h = (h + 1) & mask }
      slots[h] = e
    }
  }
}

/// The JSON literals of a code type found by hashing (open addressing) rather than by trying
/// each in turn: the indicator code has dozens of cases. Built once per code type and kept for
/// the life of the process (like `ByteTable`, so that a look-up costs no reference counting).
struct CodeIndex: @unchecked Sendable {
  private let literals: ByteTable
  private let slots: UnsafeMutableBufferPointer<Int16>
  private let mask: Int

  init(_ literals: ByteTable) {
    self.literals = literals
    var size = 16
    while size < literals.count * 4 { size *= 2 }
    let slots = UnsafeMutableBufferPointer<Int16>.allocate(capacity: size)
    slots.initialize(repeating: -1)
    for k in 0..<literals.count {
      var h = CodeIndex.hash(literals[k]) & (size - 1)
      while slots[h] >= 0 { h = (h + 1) & (size - 1) }
      slots[h] = Int16(k)
    }
    self.slots = slots
    mask = size - 1
  }

  /// The length and the first and last eight bytes, mixed (codes are short; a token of fewer
  /// than eight bytes is read a byte at a time).
  @inline(__always) static func hash(_ t: UnsafeBufferPointer<UInt8>) -> Int {
    let n = t.count
    var a: UInt64 = 0
    var b = UInt64(n)
    if n >= 8 {
      let raw = UnsafeRawPointer(t.baseAddress!)
      a = raw.loadUnaligned(as: UInt64.self)
      b &+= raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    } else {
      for k in 0..<n { a = a << 8 | UInt64(t[k]) }
    }
    var h = (a &* 0x9E37_79B9_7F4A_7C15) ^ b
    h = (h ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: h ^ (h >> 29))
  }

  /// The position of `token` among the literals, if it is one.
  func find(_ token: UnsafeBufferPointer<UInt8>) -> Int? {
    var h = CodeIndex.hash(token) & mask
    while true {
      let k = Int(slots[h])
      if k < 0 { return nil }
      if bytesEqual(literals[k], token) { return k }
      h = (h + 1) & mask
    }
  }
}

/// Whether `n` bytes at `a` and `b` are equal, compared a word at a time in line: for the
/// short keys and codes of a figure line, a call to `memcmp` costs more than the comparison.
@inline(__always) func sameBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count n: Int) -> Bool {
  if n >= 8 {
    var k = 0
    while k + 8 < n {
      if a.loadUnaligned(fromByteOffset: k, as: UInt64.self) != b.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
        return false
      }
      k += 8
    }
    return a.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
  }
  if n >= 4 {
    return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
      && a.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == b.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
  }
  for k in 0..<n where a.load(fromByteOffset: k, as: UInt8.self) != b.load(fromByteOffset: k, as: UInt8.self) {
    return false
  }
  return true
}

/// Byte strings interned to small integers (group names), looked up without building a String.
struct InternTable {
  private var slots = [(hash: UInt64, id: Int32)](repeating: (0, -1), count: 64)
  private var names: [[UInt8]] = []

  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    let h = byteHash(bytes)
    var k = Int(truncatingIfNeeded: h) & (slots.count - 1)
    while slots[k].id >= 0 {
      if slots[k].hash == h, names[Int(slots[k].id)].withUnsafeBufferPointer({ bytesEqual($0, bytes) }) {
        return slots[k].id
      }
      k = (k + 1) & (slots.count - 1)
    }
    let id = Int32(names.count)
    names.append(Array(bytes))
    slots[k] = (h, id)
    if names.count * 2 > slots.count {
      let old = slots
      slots = Array(repeating: (0, -1), count: old.count * 2)
      for e in old where e.id >= 0 {
        var j = Int(truncatingIfNeeded: e.hash) & (slots.count - 1)
        while slots[j].id >= 0 { j = (j + 1) & (slots.count - 1) }
        slots[j] = e
      }
    }
    return id
  }
}

/// A 64-bit hash of bytes, eight at a time (multiply and fold, as in the key index): for the
/// ids checked for repeats and the group names, where hashing a byte at a time cost more than
/// the look-up.
@inline(__always) func byteHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
  var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count)
  guard let base = bytes.baseAddress else { return h }
  let raw = UnsafeRawPointer(base)
  var i = 0
  while i + 8 <= bytes.count {
    h = (h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 29
    i += 8
  }
  var tail: UInt64 = 0
  while i < bytes.count {
    tail = tail << 8 | UInt64(base[i])
    i += 1
  }
  h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
  return h ^ (h >> 31)
}

/// The hashes of the figure ids seen in the document being read, to find an id repeated
/// within it. Emptied per document by a new generation number rather than by clearing the
/// table, so that a long document does not make every later one pay for its size.
struct FigureIDSet {
  private var slots = [(hash: UInt64, generation: UInt32)](repeating: (0, 0), count: 64)
  private var generation: UInt32 = 1
  private var count = 0

  mutating func removeAll() {
    generation &+= 1
    count = 0
    if generation == 0 {
      // After 2^32 documents: the old tags could be mistaken for current ones.
      for k in slots.indices { slots[k].generation = 0 }
      generation = 1
    }
  }

  /// Adds `hash`; false if it was there.
  mutating func insert(_ hash: UInt64) -> Bool {
    let mask = slots.count - 1
    var h = Int(truncatingIfNeeded: (hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9) & mask
    while slots[h].generation == generation {
      if slots[h].hash == hash { return false }
      h = (h + 1) & mask
    }
    slots[h] = (hash, generation)
    count += 1
    if count * 2 > slots.count { grow() }
    return true
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: (0, 0), count: old.count * 2)
    let mask = slots.count - 1
    for e in old where e.generation == generation {
      var h = Int(truncatingIfNeeded: (e.hash ^ (e.hash >> 29)) &* 0xBF58_476D_1CE4_E5B9) & mask
      while slots[h].generation == generation { h = (h + 1) & mask }
      slots[h] = e
    }
  }
}
