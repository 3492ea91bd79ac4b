/// A day of the proleptic Gregorian calendar, with no time zone: the unit every date in a
/// report is resolved to. Arithmetic goes through a day count since 1970-01-01.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  /// A valid date, or `nil` (February 30, month 13).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year),
      (1...9999).contains(year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  init(unchecked year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD` exactly (ISO 8601 calendar date).
  public init?(iso text: String) {
    let u = Array(text.utf8)
    guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
    func digits(_ r: Range<Int>) -> Int? {
      var v = 0
      for k in r {
        let b = u[k]
        guard b >= 0x30, b <= 0x39 else { return nil }
        v = v * 10 + Int(b - 0x30)
      }
      return v
    }
    guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
  public var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  public init(dayNumber z0: Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// 0 = Sunday ... 6 = Saturday.
  public var weekday: Int {
    let w = (dayNumber + 4) % 7
    return w < 0 ? w + 7 : w
  }

  public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

  public var description: String {
    var bytes: [UInt8] = []
    appendISO(to: &bytes, precision: 10)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `YYYY-MM-DD`, or its first `precision` characters (7 for `YYYY-MM`, 4 for
  /// `YYYY`), without building a string: output writes millions of dates.
  func appendISO(to bytes: inout [UInt8], precision: Int) {
    let y = max(0, min(9999, year))
    // On the stack, not in an array: this runs for every date of every row written.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { d in
      (d[0], d[1], d[2], d[3]) = (UInt8(48 + y / 1000), UInt8(48 + y / 100 % 10), UInt8(48 + y / 10 % 10), UInt8(48 + y % 10))
      (d[4], d[5], d[6]) = (45, UInt8(48 + month / 10), UInt8(48 + month % 10))
      (d[7], d[8], d[9]) = (45, UInt8(48 + day / 10), UInt8(48 + day % 10))
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: d[0..<precision]))
    }
  }

  public static func < (a: CivilDate, b: CivilDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  static let weekdayNames = [
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
  ]
}
