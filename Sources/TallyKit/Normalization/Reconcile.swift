/// How the figures of several documents that report the same fact become one value and one
/// pair of bounds (docs/datasets.md states each rule with an example).
public enum ReconcileRule: String, Sendable, CaseIterable {
  /// The lowest point value any document gives, within the widest bounds any allows: the
  /// conflict-data convention of the most conservative count.
  case conservative
  /// The lower median of the documents' point values (a value some source gave), within the
  /// widest bounds.
  case median
  /// The value and bounds of the most recently published document (input order breaks ties
  /// and stands in for missing publication dates).
  case latest
  /// The tightest bounds every document allows, and the lowest point value inside them; when
  /// the documents conflict, as conservative.
  case intersect
}

/// A set of numbers between two ends, each open or closed; infinite ends are open bounds.
struct Interval: Equatable {
  // The two flags after the two numbers: 24 bytes rather than 32 (an observation keeps four).
  var low = -Double.infinity
  var high = Double.infinity
  var lowOpen = false
  var highOpen = false

  static let all = Interval()

  var isEmpty: Bool { low > high || (low == high && (lowOpen || highOpen)) }

  func intersection(_ o: Interval) -> Interval {
    var r = self
    if o.low > r.low || (o.low == r.low && o.lowOpen) {
      r.low = o.low
      r.lowOpen = o.lowOpen
    }
    if o.high < r.high || (o.high == r.high && o.highOpen) {
      r.high = o.high
      r.highOpen = o.highOpen
    }
    return r
  }

  func hull(_ o: Interval) -> Interval {
    var r = self
    if o.low < r.low || (o.low == r.low && !o.lowOpen) {
      r.low = o.low
      r.lowOpen = o.lowOpen
    }
    if o.high > r.high || (o.high == r.high && !o.highOpen) {
      r.high = o.high
      r.highOpen = o.highOpen
    }
    return r
  }

  func contains(_ v: Double) -> Bool {
    (v > low || (v == low && !lowOpen)) && (v < high || (v == high && !highOpen))
  }

  /// The bounds as written to a table: `nil` for an infinite end.
  var lowValue: Double? { low.isFinite ? low : nil }
  var highValue: Double? { high.isFinite ? high : nil }
}

/// The values a figure's words allow.
struct FigureBounds {
  /// What the words state: "more than 180" is (180, ∞); "about 200" states no bound.
  var stated: Interval
  /// What the words allow when checking sources against each other: an approximate number
  /// allows `tolerance` either side.
  var tolerant: Interval
  var point: Double?
  var exact: Bool

  init(value v: Double?, low: Double?, high: Double?, qualifier: Qualifier, tolerance: Double) {
    var i = Interval.all
    switch qualifier {
    case .exact:
      if let v { i = Interval(low: v, high: v) }
    case .atLeast:
      if let b = low ?? v { i.low = b }
    case .moreThan:
      if let b = low ?? v {
        i.low = b
        i.lowOpen = true
      }
    case .atMost:
      if let b = high ?? v { i.high = b }
    case .fewerThan:
      if let b = high ?? v {
        i.high = b
        i.highOpen = true
      }
    case .approximately, .range, .vague:
      if let low { i.low = low }
      if let high { i.high = high }
    }
    stated = i
    tolerant = i
    if qualifier == .approximately, low == nil, high == nil, let v {
      tolerant = Interval(low: v - abs(v) * tolerance, high: v + abs(v) * tolerance)
    }
    point = v
    exact = qualifier == .exact && v != nil
    reference = v ?? low ?? high ?? -.infinity
  }

  /// The number the figure is ranked by within its document (its value, else a bound).
  var reference: Double
}

/// What one document says about one observation: its figures for it, collapsed.
struct DocumentContribution {
  var stated = Interval.all
  var tolerant = Interval.all
  /// The document's point value: its exact count if it gives one, else its lowest value.
  var point: Double?
  var pointIsExact = false
  var conflict = false

  mutating func add(_ b: FigureBounds) {
    let s = stated.intersection(b.stated)
    let t = tolerant.intersection(b.tolerant)
    if t.isEmpty {
      // One document contradicting itself: keep its widest reading and say so.
      conflict = true
      stated = stated.hull(b.stated)
    } else {
      stated = s.isEmpty ? stated.hull(b.stated) : s
      tolerant = t
    }
    if let p = b.point {
      if b.exact && !pointIsExact {
        point = p
        pointIsExact = true
      } else if b.exact == pointIsExact, p < (point ?? .infinity) {
        point = p
      }
    }
  }
}

/// The running merge of one observation's documents. Memory is fixed per observation but for
/// the distinct point values (which `median` needs), and those repeat across sources.
struct ObservationAccumulator {
  var figures = 0
  var documents = 0
  /// Distinct outlets (counted by the caller, who keeps the set of pairs).
  var sources = 0
  var statedAll = Interval.all
  var statedHull: Interval? = nil
  var tolerantAll = Interval.all
  var conflict = false
  /// The lowest document point value.
  var lowest: Double? = nil
  var firstPublished: CivilDate? = nil
  var lastPublished: CivilDate? = nil
  // Kept only for the rules that need them, so last (the fields every document touches come
  // first, in as few cache lines as they fit).
  /// Distinct document point values with how many documents gave each, sorted (median,
  /// intersect).
  var points: [(value: Double, count: Int32)] = []
  var latestOrder: (Int, Int) = (Int.min, Int.min)
  var latest: DocumentContribution? = nil
  /// Adds a document's contribution. `order` ranks documents for `latest` (publication day,
  /// then input position).
  mutating func add(
    _ c: DocumentContribution, newOutlet: Bool, published: CivilDate?, order: Int, rule: ReconcileRule
  ) {
    documents += 1
    if newOutlet { sources += 1 }
    if c.conflict { conflict = true }
    let t = tolerantAll.intersection(c.tolerant)
    if t.isEmpty { conflict = true } else { tolerantAll = t }
    let s = statedAll.intersection(c.stated)
    if !s.isEmpty { statedAll = s }
    statedHull = statedHull?.hull(c.stated) ?? c.stated
    if let p = c.point, p < (lowest ?? .infinity) { lowest = p }
    if let p = c.point, rule == .median || rule == .intersect {
      if let i = points.firstIndex(where: { $0.value >= p }) {
        if points[i].value == p { points[i].count += 1 } else { points.insert((p, 1), at: i) }
      } else {
        points.append((p, 1))
      }
    }
    if rule == .latest {
      let rank = (published.map { $0.dayNumber } ?? Int.min, order)
      if rank >= latestOrder {
        latestOrder = rank
        latest = c
      }
    }
    if let d = published {
      if firstPublished.map({ d < $0 }) ?? true { firstPublished = d }
      if lastPublished.map({ d > $0 }) ?? true { lastPublished = d }
    }
  }

  /// The reconciled value and bounds.
  func result(_ rule: ReconcileRule) -> (value: Double?, bounds: Interval) {
    let hull = statedHull ?? .all
    switch rule {
    case .conservative:
      return (lowest, hull)
    case .median:
      let total = points.reduce(0) { $0 + Int($1.count) }
      guard total > 0 else { return (nil, hull) }
      // The lower median: the value at position (n - 1) / 2 of the sorted values.
      var position = (total - 1) / 2
      for p in points {
        if position < Int(p.count) { return (p.value, hull) }
        position -= Int(p.count)
      }
      return (lowest, hull)
    case .latest:
      return (latest?.point, latest?.stated ?? hull)
    case .intersect:
      if conflict { return (lowest, hull) }
      let inside = points.first { statedAll.contains($0.value) }?.value
      return (inside ?? statedAll.lowValue ?? lowest, statedAll)
    }
  }
}
