import Dispatch

/// Reports how far a long run has got: items and bytes done, their rates, and an estimate of the
/// time left when the total is known. Library code calls `update` as often as it likes; the meter
/// says something at most every half second, only after the first second, and only through
/// `sink` (the command line writes it to a terminal's standard error, never elsewhere).
public final class ProgressMeter: @unchecked Sendable {
  public let label: String
  public let unit: String
  /// Total bytes of input, when known (for the estimate of time left).
  public let totalBytes: Int?
  private let sink: @Sendable (String) -> Void
  private let start: UInt64
  private var lastReport: UInt64 = 0
  private var calls = 0
  private var spoke = false

  /// `started` (uptime in nanoseconds) lets a test pretend the run began earlier.
  public init(
    label: String, unit: String, totalBytes: Int?, started: UInt64? = nil,
    sink: @escaping @Sendable (String) -> Void
  ) {
    self.start = started ?? DispatchTime.now().uptimeNanoseconds
    self.label = label
    self.unit = unit
    self.totalBytes = totalBytes
    self.sink = sink
  }

  /// Records progress: `items` and `bytes` done so far.
  public func update(items: Int, bytes: Int) {
    calls += 1
    if calls & 63 != 0 { return }  // the clock is read every 64 calls
    let now = DispatchTime.now().uptimeNanoseconds
    let elapsed = now - start
    guard elapsed > 1_000_000_000, now - lastReport > 500_000_000 else { return }
    lastReport = now
    let seconds = Double(elapsed) / 1e9
    var line = "\(label): \(ProgressMeter.grouped(items)) \(unit), \(ProgressMeter.grouped(Int(Double(items) / seconds))) \(unit)/s, "
      + "\(ProgressMeter.oneDecimal(Double(bytes) / 1e6 / seconds)) MB/s"
    if let total = totalBytes, total > 0, bytes > 0 {
      let left = seconds * Double(max(0, total - bytes)) / Double(bytes)
      line += ", \(Int(Double(bytes) / Double(total) * 100))%, about \(ProgressMeter.duration(left)) left"
    }
    spoke = true
    sink("\r\u{1B}[K" + line)
  }

  /// Clears the line, if the meter said anything.
  public func finish() {
    if spoke { sink("\r\u{1B}[K") }
  }

  static func grouped(_ v: Int) -> String {
    let digits = String(v)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
      out.append(c)
    }
    return out
  }

  static func oneDecimal(_ v: Double) -> String { formatNumber((v * 10).rounded() / 10) }

  static func duration(_ s: Double) -> String {
    let t = Int(s.rounded())
    return t >= 3600 ? "\(t / 3600)h\(t / 60 % 60 < 10 ? "0" : "")\(t / 60 % 60)m" : "\(t / 60):\(t % 60 < 10 ? "0" : "")\(t % 60)"
  }
}
