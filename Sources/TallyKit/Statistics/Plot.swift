/// A time-series chart as SVG: each series a line (broken at gaps) with its bounds as a band
/// and its reported points marked (filled; derived points hollow), and optionally a reference
/// series as a dashed line. Plain SVG 1.1 with system fonts, so it opens in browsers, Inkscape
/// and LaTeX (through rsvg-convert or Inkscape) alike.
public struct Chart: Sendable {
  public struct Line: Sendable {
    public var name: String
    /// Values by day; `nil` breaks the line.
    public var points: [(date: CivilDate, value: Double?)]
    /// Days with both bounds.
    public var band: [(date: CivilDate, low: Double, high: Double)]
    /// Marked points: reported (filled) or derived (hollow).
    public var marks: [(date: CivilDate, value: Double, reported: Bool)]
    public var dashed = false
  }

  public var title: String
  public var yLabel: String
  public var lines: [Line] = []
  public var width = 900.0
  public var height = 520.0

  public init(title: String, yLabel: String) {
    self.title = title
    self.yLabel = yLabel
  }

  static let palette = ["#1b6ca8", "#d1495b", "#2e8b57", "#edae49", "#6a4c93", "#8d6e63", "#00798c", "#555555"]

  /// The lines of series rows of one kind, one line per indicator, group and period start.
  public mutating func add(_ rows: [SeriesRow], kind: SeriesKind) {
    var order: [String] = []
    var byName: [String: [SeriesRow]] = [:]
    // Running totals are joined across the days without a report (the line shows the change
    // between totals); flows keep their gaps.
    for r in rows where r.kind == kind && !(kind != .flow && r.origin == .gap) {
      var name = "\(r.indicator.rawValue) (\(r.group ?? "all"))"
      if let p = r.periodStart { name += " since \(p)" }
      if byName[name] == nil { order.append(name) }
      byName[name, default: []].append(r)
    }
    for name in order {
      let list = byName[name]!.sorted { ($0.asOf ?? $0.date) < ($1.asOf ?? $1.date) }
      lines.append(
        Line(
          name: name, points: list.map { ($0.asOf ?? $0.date, $0.origin == .gap ? nil : $0.value) },
          band: list.compactMap { r in
            guard r.origin != .gap, let l = r.low, let h = r.high, h > l else { return nil }
            return (r.asOf ?? r.date, l, h)
          },
          marks: list.compactMap { r in
            guard r.origin != .gap, let v = r.value else { return nil }
            return (r.asOf ?? r.date, v, r.origin == .reported)
          }))
    }
  }

  /// A reference series as a dashed line over the chart's dates (a little before the first).
  public mutating func add(reference: ReferenceSeries, name: String) {
    let days = lines.flatMap { $0.points.map(\.date) }
    guard let first = days.min(), let last = days.max() else { return }
    let pad = max(7, (last.dayNumber - first.dayNumber) / 20)
    let points = reference.points.filter {
      $0.date.dayNumber >= first.dayNumber - pad && $0.date.dayNumber <= last.dayNumber + pad
    }
    lines.append(Line(name: name, points: points.map { ($0.date, $0.value) }, band: [], marks: [], dashed: true))
  }

  public func svg() -> String {
    let left = 92.0
    let right = 24.0
    let top = 56.0
    let legendRows = Double((lines.count + 1) / 2)
    let bottom = 64.0 + 22 * legendRows
    let plotW = width - left - right
    let plotH = height - top - bottom
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(fmt(width))" height="\(fmt(height))" viewBox="0 0 \(fmt(width)) \(fmt(height))" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">
      <rect width="100%" height="100%" fill="#ffffff"/>
      <text x="\(fmt(left))" y="30" font-size="18" font-weight="bold" fill="#222">\(escape(title))</text>

      """
    let days = lines.flatMap { l in l.points.map(\.date.dayNumber) + l.band.map(\.date.dayNumber) }
    let values = lines.flatMap { l in l.points.compactMap(\.value) + l.band.map(\.high) + l.marks.map(\.value) }
    guard let d0 = days.min(), let d1 = days.max(), let vMax = values.max() else {
      out += "<text x=\"\(fmt(left))\" y=\"\(fmt(top + 40))\" font-size=\"14\" fill=\"#555\">No data</text>\n</svg>\n"
      return out
    }
    let vMin = min(0, values.min() ?? 0)
    let span = max(1, d1 - d0)
    let x0 = Double(d0) - Double(span) * 0.03
    let x1 = Double(d1) + Double(span) * 0.03
    let ticks = Chart.niceTicks(vMin, vMax)
    let yTop = ticks.last ?? vMax
    let yBottom = ticks.first ?? vMin
    func x(_ day: Int) -> Double { left + (Double(day) - x0) / (x1 - x0) * plotW }
    func y(_ v: Double) -> Double { top + plotH - (v - yBottom) / max(1e-9, yTop - yBottom) * plotH }
    // Grid and y axis.
    for t in ticks {
      out += "<line x1=\"\(fmt(left))\" x2=\"\(fmt(left + plotW))\" y1=\"\(fmt(y(t)))\" y2=\"\(fmt(y(t)))\" stroke=\"#e3e3e3\"/>\n"
      out += "<text x=\"\(fmt(left - 8))\" y=\"\(fmt(y(t) + 4))\" font-size=\"13\" text-anchor=\"end\" fill=\"#333\">\(Chart.label(t))</text>\n"
    }
    out += "<text transform=\"translate(18 \(fmt(top + plotH / 2))) rotate(-90)\" font-size=\"14\" text-anchor=\"middle\" fill=\"#333\">\(escape(yLabel))</text>\n"
    // Date axis.
    out += "<line x1=\"\(fmt(left))\" x2=\"\(fmt(left + plotW))\" y1=\"\(fmt(top + plotH))\" y2=\"\(fmt(top + plotH))\" stroke=\"#333\"/>\n"
    for (day, text) in Chart.dateTicks(from: d0, to: d1) {
      let px = x(day)
      out += "<line x1=\"\(fmt(px))\" x2=\"\(fmt(px))\" y1=\"\(fmt(top + plotH))\" y2=\"\(fmt(top + plotH + 5))\" stroke=\"#333\"/>\n"
      out += "<text x=\"\(fmt(px))\" y=\"\(fmt(top + plotH + 22))\" font-size=\"13\" text-anchor=\"middle\" fill=\"#333\">\(text)</text>\n"
    }
    // Series.
    for (i, line) in lines.enumerated() {
      let color = Chart.palette[i % Chart.palette.count]
      if !line.band.isEmpty {
        let upper = line.band.map { "\(fmt(x($0.date.dayNumber))),\(fmt(y($0.high)))" }
        let lower = line.band.reversed().map { "\(fmt(x($0.date.dayNumber))),\(fmt(y($0.low)))" }
        if line.band.count == 1, let b = line.band.first {
          out += "<line x1=\"\(fmt(x(b.date.dayNumber)))\" x2=\"\(fmt(x(b.date.dayNumber)))\" y1=\"\(fmt(y(b.low)))\" y2=\"\(fmt(y(b.high)))\" stroke=\"\(color)\" stroke-opacity=\"0.35\" stroke-width=\"8\"/>\n"
        } else {
          out += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(color)\" fill-opacity=\"0.18\" stroke=\"none\"/>\n"
        }
      }
      // Runs of consecutive values, broken at gaps.
      var run: [String] = []
      func flush() {
        if run.count > 1 {
          out += "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(line.dashed ? " stroke-dasharray=\"6 4\"" : "")/>\n"
        }
        run = []
      }
      for p in line.points {
        if let v = p.value { run.append("\(fmt(x(p.date.dayNumber))),\(fmt(y(v)))") } else { flush() }
      }
      flush()
      for m in line.marks {
        out += "<circle cx=\"\(fmt(x(m.date.dayNumber)))\" cy=\"\(fmt(y(m.value)))\" r=\"4\" fill=\"\(m.reported ? color : "#ffffff")\" stroke=\"\(color)\" stroke-width=\"1.5\"/>\n"
      }
    }
    // Legend, two columns under the axis.
    for (i, line) in lines.enumerated() {
      let color = Chart.palette[i % Chart.palette.count]
      let lx = left + Double(i % 2) * (plotW / 2)
      let ly = top + plotH + 48 + 22 * Double(i / 2)
      out += "<line x1=\"\(fmt(lx))\" x2=\"\(fmt(lx + 24))\" y1=\"\(fmt(ly - 4))\" y2=\"\(fmt(ly - 4))\" stroke=\"\(color)\" stroke-width=\"2\"\(line.dashed ? " stroke-dasharray=\"6 4\"" : "")/>\n"
      out += "<text x=\"\(fmt(lx + 30))\" y=\"\(fmt(ly))\" font-size=\"13\" fill=\"#222\">\(escape(line.name))</text>\n"
    }
    out += "</svg>\n"
    return out
  }

  /// About six round tick values covering `lo...hi`.
  static func niceTicks(_ lo: Double, _ hi: Double) -> [Double] {
    let span = max(hi - lo, 1)
    let raw = span / 5
    let magnitude = pow10(Int((raw.magnitude).log10Floor))
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
    var t = (lo / step).rounded(.down) * step
    var out: [Double] = []
    while t < hi + step * 0.999 {
      out.append(t)
      t += step
    }
    return out
  }

  private static func pow10(_ k: Int) -> Double {
    var v = 1.0
    if k >= 0 { for _ in 0..<k { v *= 10 } } else { for _ in 0..<(-k) { v /= 10 } }
    return v
  }

  /// Tick values with thousands separators ("70,000"), or a decimal for small steps.
  static func label(_ v: Double) -> String {
    if v == v.rounded() {
      let digits = String(Int64(v).magnitude)
      var grouped = ""
      for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { grouped += "," }
        grouped.append(c)
      }
      return (v < 0 ? "-" : "") + grouped
    }
    return formatNumber((v * 100).rounded() / 100)
  }

  static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// Date ticks: days for a few weeks, months for a few years, else years.
  static func dateTicks(from d0: Int, to d1: Int) -> [(Int, String)] {
    let a = CivilDate(dayNumber: d0)
    let b = CivilDate(dayNumber: d1)
    let span = d1 - d0
    if span <= 45 {
      let step = max(1, span / 6)
      return stride(from: d0, through: d1, by: step).map { d in
        let c = CivilDate(dayNumber: d)
        return (d, "\(c.day) \(months[c.month - 1]) \(c.year)")
      }
    }
    let totalMonths = (b.year - a.year) * 12 + b.month - a.month
    if totalMonths <= 36 {
      let step = [1, 2, 3, 6].first { totalMonths / $0 <= 7 } ?? 6
      var out: [(Int, String)] = []
      var y = a.year
      var m = a.month
      while (y, m) <= (b.year, b.month) {
        if (m - 1) % step == 0, let c = CivilDate(year: y, month: m, day: 1), c.dayNumber >= d0 - 5 {
          out.append((c.dayNumber, "\(months[m - 1]) \(y)"))
        }
        m += 1
        if m > 12 {
          m = 1
          y += 1
        }
      }
      return out
    }
    let step = max(1, (b.year - a.year) / 7)
    return stride(from: a.year + 1, through: b.year, by: step).compactMap { y in
      CivilDate(year: y, month: 1, day: 1).map { ($0.dayNumber, String(y)) }
    }
  }

  private func fmt(_ v: Double) -> String { formatNumber((v * 10).rounded() / 10) }

  private func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}

extension Double {
  /// floor(log10(self)) for positive values, without Foundation.
  fileprivate var log10Floor: Double {
    var k = 0.0
    var v = self
    if v <= 0 { return 0 }
    while v >= 10 {
      v /= 10
      k += 1
    }
    while v < 1 {
      v *= 10
      k -= 1
    }
    return k
  }
}
