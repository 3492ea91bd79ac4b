/// The codebook's document-level checks (section 6): parts that do not add up to a stated
/// total, and running totals that fall. Each finding is added to the figure it concerns and
/// to the document's warnings.
enum DocumentChecks {
  /// Totals and the parts that make them up, for movements through a crossing. A total of
  /// `crossings` is people in plus people out; people out are patients plus companions.
  static func parts(of total: Indicator) -> [[Indicator]]? {
    switch total {
    case .crossings: return [[.crossedIn], [.crossedOut], [.medevacCompleted, .medevacCompanions]]
    case .crossedOut: return [[.medevacCompleted], [.medevacCompanions]]
    default: return nil
    }
  }

  /// Checks `figures`, whose extraction details are `details` (same indices), adding
  /// warnings to the figures and to `warnings`.
  static func run(
    _ figures: inout [Figure], _ details: [PendingFigure], documentWarnings warnings: inout [String]
  ) {
    // Field reads only: copying whole figures here would retain and release every string.
    var totals = 0
    var running = 0
    for i in figures.indices {
      let indicator = figures[i].indicator
      if indicator == .crossings || indicator == .crossedOut { totals += 1 }
      if figures[i].periodStart != nil { running += 1 }
    }
    if totals > 0 { checkParts(&figures, details, &warnings) }
    if running > 1 { checkRunningTotals(&figures, details, &warnings) }
  }

  /// The count a figure contributes to a sum: "each accompanied by two" after "five patients"
  /// contributes ten.
  private static func contribution(_ f: Figure, _ d: PendingFigure) -> Double? {
    guard f.qualifier == .exact, let v = f.value else { return nil }
    return v * (d.perEachOf ?? 1)
  }

  private static func checkParts(
    _ figures: inout [Figure], _ details: [PendingFigure], _ warnings: inout [String]
  ) {
    // Actual, exact figures by indicator and date, in document order. The key packs both
    // into one integer, which hashes far faster than a struct of enums and dates.
    func key(_ indicator: Indicator, _ date: ReportedDate?) -> Int {
      let d = date.map { $0.day.dayNumber * 4 + $0.precision.rawValue + 1 } ?? 0
      return d &* 64 &+ indicator.ordinal
    }
    var byKey: [Int: [Int]] = [:]
    for i in figures.indices
    where figures[i].modality == .actual && contribution(figures[i], details[i]) != nil {
      byKey[key(figures[i].indicator, figures[i].date), default: []].append(i)
    }
    // Indices, not `enumerated()`: iterating the array while changing one of its elements
    // would copy the whole array on every change.
    for t in figures.indices {
      let indicator = figures[t].indicator
      let date = figures[t].date
      guard figures[t].modality == .actual, figures[t].qualifier == .exact,
        let total = figures[t].value,
        let slots = parts(of: indicator)
      else { continue }
      // Parts: the nearest actual exact figure of each part indicator with the same date, at
      // or before the total's sentence. Where a slot has alternatives (crossed_out, or
      // patients plus companions), a crossed_out figure is used alone, so nothing counts twice.
      var sum: Double = 0
      var terms: [String] = []
      var slotsFilled = 0
      var usedCrossedOut = false
      for slot in slots {
        if slot == [.medevacCompleted, .medevacCompanions] && usedCrossedOut { continue }
        var filled = false
        for part in slot {
          let candidates = byKey[key(part, date)] ?? []
          guard let i = lastCandidate(candidates, atOrBefore: details[t].sentenceIndex, details),
            let c = contribution(figures[i], details[i])
          else { continue }
          sum += c
          terms.append("\(part.rawValue) \(formatNumber(c))")
          filled = true
          if part == .crossedOut { usedCrossedOut = true }
        }
        if filled { slotsFilled += 1 }
      }
      guard slotsFilled >= 2, sum != total else { continue }
      let warning =
        "parts do not add up: \(terms.joined(separator: " + ")) = \(formatNumber(sum)), but the stated \(indicator.rawValue) total is \(formatNumber(total))"
      figures[t].warnings.append(warning)
      warnings.append(warning)
    }
  }

  /// The last of `candidates` (figure indices in document order) whose sentence is at or
  /// before `sentence`: a binary search, so that long documents stay fast.
  private static func lastCandidate(
    _ candidates: [Int], atOrBefore sentence: Int, _ details: [PendingFigure]
  ) -> Int? {
    var lo = 0
    var hi = candidates.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if details[candidates[mid]].sentenceIndex <= sentence { lo = mid + 1 } else { hi = mid }
    }
    return lo > 0 ? candidates[lo - 1] : nil
  }

  /// A running total lower than an earlier running total of the same indicator, group and
  /// period. Figures are grouped and sorted by date, so a long document costs n log n.
  private static func checkRunningTotals(
    _ figures: inout [Figure], _ details: [PendingFigure], _ warnings: inout [String]
  ) {
    // One integer key per indicator, group and period start.
    var series: [Int: [Int]] = [:]
    for i in figures.indices {
      guard let start = figures[i].periodStart, figures[i].value != nil, figures[i].date != nil,
        figures[i].modality == .actual, figures[i].indicator != .other
      else { continue }
      let indicator = figures[i].indicator.ordinal
      let key = (start.day.dayNumber &* 1024 &+ Int(details[i].group.index)) &* 64 &+ indicator
      series[key, default: []].append(i)
    }
    for key in series.keys.sorted() {
      let members = series[key]!.sorted { (figures[$0].date!.day, $0) < (figures[$1].date!.day, $1) }
      // The highest lower bound reported on any earlier date.
      var earlierBest: (value: Double, date: ReportedDate)? = nil
      var dayBest: (value: Double, date: ReportedDate)? = nil
      for i in members {
        let f = figures[i]
        let date = f.date!
        if let d = dayBest, d.date.day < date.day {
          if earlierBest == nil || d.value > earlierBest!.value { earlierBest = d }
          dayBest = nil
        }
        if let e = earlierBest, let v = f.high ?? f.value, v < e.value {
          let warning =
            "running total falls: \(f.indicator.rawValue) \(formatNumber(v)) on \(date) is below \(formatNumber(e.value)) on \(e.date)"
          figures[i].warnings.append(warning)
          warnings.append(warning)
        }
        if let low = f.low ?? f.value, dayBest == nil || low > dayBest!.value {
          dayBest = (low, date)
        }
      }
    }
  }
}
