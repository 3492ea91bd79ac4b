/// What a normalize run keeps per observation while figures stream: everything merging a
/// document touches, in one value, so that a figure costs one or two cache misses rather than
/// one per array (a run of ten million figures spreads them over tens of thousands of
/// observations, far more than the processor's caches hold; measured for issue 3, the loads of
/// separate per-observation arrays were a fifth of the run).
struct ObservationSlot {
  var accumulator = ObservationAccumulator()
  /// The bytes of figure ids the observation lists (each with the space after it).
  var idBytes = 0
  /// The first 64 outlets the observation has heard from, one bit each (pairs past those are
  /// kept in a set by the normalizer): eight bytes per observation when outlets are few, as
  /// they are (a set of pairs took 16 to 24 bytes per pair, 36 MB for 56,000 observations from
  /// 40 outlets).
  var outletBits: UInt64 = 0
  var id: ObservationID
}

/// An observation's id as written: the first 16 hex digits of the SHA-256 of its key, held
/// inline (an array per observation would cost an allocation, a pointer to follow and a
/// reference count per figure written).
struct ObservationID {
  private var digits: (UInt64, UInt64) = (0, 0)

  init(_ text: String) {
    var bytes = Array(text.utf8.prefix(16))
    bytes += repeatElement(UInt8(ascii: "0"), count: 16 - bytes.count)
    withUnsafeMutableBytes(of: &digits) { $0.copyBytes(from: bytes) }
  }

  /// The 16 digits.
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    var copy = digits
    return try withUnsafeBytes(of: &copy) { raw in
      try body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 16))
    }
  }

  var bytes: [UInt8] { withBytes { Array($0) } }

  func append(to out: inout [UInt8]) { withBytes { out.append(contentsOf: $0) } }
}


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
