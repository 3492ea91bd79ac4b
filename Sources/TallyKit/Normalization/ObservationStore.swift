/// What a normalize run keeps per observation while figures stream: everything merging a
/// document touches, in one value, so that a figure costs one or two cache misses rather than
/// one per array (a run of ten million figures spreads them over tens of thousands of
/// observations, far more than the processor's caches hold; measured for issue 3, the loads of
/// separate per-observation arrays were a fifth of the run).
struct ObservationSlot {
  // What every figure touches first, so that it shares a cache line with the accumulator's
  // counts.
  /// The bytes of figure ids the observation lists (each with the space after it).
  var idBytes = 0
  /// The first 64 outlets the observation has heard from, one bit each (pairs past those are
  /// kept in a set by the normalizer): eight bytes per observation when outlets are few, as
  /// they are (a set of pairs took 16 to 24 bytes per pair, 36 MB for 56,000 observations from
  /// 40 outlets).
  var outletBits: UInt64 = 0
  var id: ObservationID
  var accumulator = ObservationAccumulator()

  init(id: ObservationID) { self.id = id }
}

/// An observation's id as written: the first 16 hex digits of the SHA-256 of its key, held
/// inline (an array per observation would cost an allocation, a pointer to follow and a
/// reference count per figure written).
struct ObservationID {
  private var digits: (UInt64, UInt64) = (0, 0)

  /// The id whose digits are the first eight bytes of `digest`, in lower-case hex.
  init<D: Sequence<UInt8>>(digest: D) { self.init(digest.prefix(8).hexString) }

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
