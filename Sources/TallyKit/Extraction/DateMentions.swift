/// A date expression in a sentence, before it is resolved against the publication date.
struct DateMention {
  enum Kind {
    /// A calendar date; `year` is nil when the text leaves it out ("October 10").
    case calendar(year: Int?, month: Int, day: Int?)
    /// "October 7 last year" (-1), "March 18 this year" (0).
    case calendarYearsFromPublication(Int, month: Int, day: Int?)
    case year(Int)
    /// "on Saturday": resolved to the nearest such day (codebook section 5, rule 2).
    case weekday(Int, direction: Int)
    /// "yesterday" (-1), "today" (0), "last week" (-7), "three days ago".
    case daysFromPublication(Int)
    /// "last month" (-1), "this month" (0).
    case monthsFromPublication(Int)
    case yearsFromPublication(Int)
    /// "a day earlier" (-1), "a week earlier" (-7), "the day before" (-1): days from the date
    /// the sentence names before it ("said on Monday, up from 44,976 a day earlier": Sunday),
    /// or, with no `anchor`, from publication.
    indirect case daysFromAnother(Int, anchor: Kind?)
    /// "the first two weeks of January" (14), "the last week of December" (0: its last day):
    /// the day a part of the month `of` runs to.
    indirect case dayOfMonth(Int, of: Kind)
  }
  /// What the date is to the figures around it.
  enum Role {
    /// The day the figure refers to ("on Monday", "yesterday").
    case point
    /// The day the data runs to ("as of Friday", "by Sunday").
    case asOf
    /// The start of a counted period ("since October 7").
    case start
    /// "after October 7, 2023": the start of a running total of casualties or arrests ("killed
    /// after the ceasefire began"), but when prisoners were taken, not a period, in "111 were
    /// taken by Israeli forces after October 7, 2023".
    case after
    /// The day an event began ("the ceasefire took effect on October 11"): a period start for
    /// running totals, never the figure's date.
    case eventStart
    /// Ends of a range ("from February 2 to 9").
    case rangeStart, rangeEnd
    /// A date the figure is not about ("before the war").
    case other
  }
  var start: Int
  var end: Int
  var kind: Kind
  var role: Role
  /// A weekday written with the date ("Saturday, February 11, 2025"), to check it.
  var statedWeekday: Int? = nil
}

/// Finds date expressions in a sentence.
struct DateFinder {
  let view: TextView

  func find(in sentence: Range<Int>) -> [DateMention] {
    let v = view
    var out: [DateMention] = []
    var i = sentence.lowerBound
    let end = sentence.upperBound
    while i < end {
      // Only numbers, month and weekday names and a few words can start a date.
      let t = v.tokens[i]
      let canStart =
        t.kind == .number
        || (t.kind == .word
          && (!v.flags(i).isDisjoint(with: [.month, .weekday])
            || t.word == v.w.yesterday || t.word == v.w.today || t.word == v.w.tonight
            || t.word == v.w.last || t.word == v.w.this || t.word == v.w.next
            || (t.word == v.w.previous && v.isWord(i - 1, v.w.the))
            // "two days ago", "a week ago", "over the weekend": checked by their last word,
            // because "the", "a" and number words are common.
            || ((t.word == v.w.a || v.flags(i).contains(.numberWord)) && v.isWord(i + 2, v.w.ago))
            // "a day earlier", "two weeks earlier" (an opening "A day earlier," counts from the
            // event told before: `Extractor`).
            || ((t.word == v.w.a || v.flags(i).contains(.numberWord)) && v.isWord(i + 2, v.w.earlier)
              && i > sentence.lowerBound)
            || (t.word == v.w.the && theDayBefore(i, end: end) && i > sentence.lowerBound)
            || (t.word == v.w.the && (v.isWord(i + 1, v.w.weekend) || startOfTheYearOrMonth(i) || sameMonthLastYear(i)))))
      if let m = partOfMonth(at: i, end: end) {
        out.append(m)
        i = m.end
      } else if canStart, let m = mention(at: i, end: end) {
        out.append(m)
        i = m.end
      } else {
        i += 1
      }
    }
    // "said on Monday, up from 44,976 a day earlier": counted from the last date before it.
    for k in out.indices {
      guard case .daysFromAnother(let n, nil) = out[k].kind,
        let anchor = out[..<k].last(where: { m in
          guard m.role == .point else { return false }
          if case .daysFromAnother = m.kind { return false }
          return true
        })
      else { continue }
      out[k].kind = .daysFromAnother(n, anchor: anchor.kind)
    }
    // "January 20 to 30": the second day is in the same month.
    var k = 0
    while k < out.count {
      let m = out[k]
      if case .calendar(let year, let month, let day?) = m.kind, m.end + 1 < end,
        v.joinsRange(at: m.end, opener: m.start - 1),
        let d = dayNumber(m.end + 1), d > day, isMonth(m.end + 2) == nil,
        !out.contains(where: { $0.start == m.end + 1 })
      {
        out.insert(
          DateMention(
            start: m.end + 1, end: m.end + 2, kind: .calendar(year: year, month: month, day: d),
            role: .point), at: k + 1)
      }
      k += 1
    }
    // "from 1 to 14 January", "between 1 and 14 January": the first day is in the same month.
    k = 0
    while k < out.count {
      let m = out[k]
      let joiner = m.start - 1
      if case .calendar(let year, let month, let day?) = m.kind, dayNumber(m.start) == day, joiner - 1 >= sentence.lowerBound,
        v.joinsRange(at: joiner, opener: joiner - 2),
        let d = dayNumber(joiner - 1), d < day, !out.contains(where: { $0.end > joiner - 1 && $0.start <= joiner - 1 })
      {
        out.insert(
          DateMention(
            start: joiner - 1, end: joiner, kind: .calendar(year: year, month: month, day: d), role: .point), at: k)
        k += 1
      }
      k += 1
    }
    // A weekday right before a calendar date states that date's weekday.
    var merged: [DateMention] = []
    for m in out {
      if case .calendar = m.kind, let prev = merged.last, case .weekday(let wd, _) = prev.kind,
        m.start - prev.end <= 1
      {
        var combined = m
        combined.start = prev.start
        combined.statedWeekday = wd
        merged[merged.count - 1] = combined
      } else {
        merged.append(m)
      }
    }
    // "In August alone, 112 patients left, compared with 1,000 in the same month last year":
    // the same month is the one the sentence named before, a year back.
    for k in merged.indices where sameMonthLastYear(merged[k].start) {
      for p in merged[..<k].reversed() {
        if case .calendar(let year, let month, nil) = p.kind {
          merged[k].kind =
            year.map { .calendar(year: $0 - 1, month: month, day: nil) }
            ?? .calendarYearsFromPublication(-1, month: month, day: nil)
          break
        }
      }
    }
    // Roles from the words before each date.
    for k in merged.indices {
      merged[k].role = role(of: merged[k], sentence: sentence)
    }
    // "from X to Y", "between X and Y" (also "between late May and early July"): a range.
    func isPartOfMonth(_ j: Int) -> Bool { v.isWord(j, v.w.early) || v.isWord(j, v.w.late) || v.isWord(j, v.w.mid) }
    for k in merged.indices.dropLast() {
      let a = merged[k]
      let b = merged[k + 1]
      let gap = b.start - a.end
      guard gap == 1 || (gap == 2 && isPartOfMonth(b.start - 1)) else { continue }
      let joiner = a.end
      let opener = isPartOfMonth(a.start - 1) ? a.start - 2 : a.start - 1
      // ("to", "until", a hyphen or "through" only after "from"; "and" after "between".)
      let isRange = v.joinsRange(at: joiner, opener: opener) && (a.role == .rangeStart || v.isWord(joiner, v.w.and))
      if isRange {
        merged[k].role = .rangeStart
        merged[k + 1].role = .rangeEnd
      }
    }
    for k in merged.indices where merged[k].role == .rangeStart {
      if k + 1 >= merged.count || merged[k + 1].role != .rangeEnd { merged[k].role = .start }
    }
    return merged
  }

  /// The month token `i` names: a capitalized month ("May", not the verb), or "mid-August".
  private func isMonth(_ i: Int) -> Int? {
    let v = view
    guard i < v.count, v.flags(i).contains(.month), v.tokens[i].flags.contains(.capitalized) || v.text(i).contains("-")
    else { return nil }
    return Int(v.info(i)!.number)
  }

  private func dayNumber(_ i: Int) -> Int? {
    let v = view
    guard v.isNumber(i), let d = v.digitValue(i), v.digitShape(i).digits <= 2, !v.digitShape(i).decimal,
      d >= 1, d <= 31
    else { return nil }
    return Int(d)
  }

  /// Whether one of the three words before `j` names an agreement or a period ("the
  /// ceasefire deal entered").
  private func agreementBefore(_ j: Int, sentence: Range<Int>) -> Bool {
    let v = view
    for k in max(sentence.lowerBound, j - 3)..<j {
      let id = v.tokens[k].word
      if id == v.w.ceasefire || id == v.w.truce || id == v.w.ceaseFire || id == v.w.deal
        || id == v.w.agreement || id == v.w.war
      {
        return true
      }
    }
    return false
  }

  /// "the first two weeks of January", "the first 10 days of March", "the second week of May",
  /// "the last week of December", "the end of January": a part of a month (or "the end of" a
  /// year), dated by the day it runs to (a range's end, codebook section 5, rule 1), so that
  /// "last week" there is no relative date.
  private func partOfMonth(at i: Int, end: Int) -> DateMention? {
    let v = view
    guard v.isWord(i, v.w.the) else { return nil }
    // "by the end of January", "the end of last month", "the end of 2024": its last day.
    if v.isWord(i + 1, v.w.end), v.isWord(i + 2, v.w.of), i + 3 < end {
      let named =
        isMonth(i + 3) != nil || v.isWord(i + 3, v.w.last) || v.isWord(i + 3, v.w.this) || v.tokens[i + 3].kind == .number
      guard named, let period = mention(at: i + 3, end: end) else { return nil }
      let month: DateMention.Kind
      switch period.kind {
      case .calendar(_, _, nil), .calendarYearsFromPublication(_, _, nil), .monthsFromPublication: month = period.kind
      case .year(let y): month = .calendar(year: y, month: 12, day: nil)
      case .yearsFromPublication(let n): month = .calendarYearsFromPublication(n, month: 12, day: nil)
      default: return nil
      }
      return DateMention(start: i, end: period.end, kind: .dayOfMonth(0, of: month), role: .point)
    }
    var j = i + 1
    let first = v.isWord(j, v.w.first)
    let last = v.isWord(j, v.w.last)
    let ordinal =
      v.isWord(j, in: v.w.ordinals) ? NamedWords.ordinalWords.firstIndex(of: v.text(j).lowercased()).map { $0 + 2 } : nil
    guard first || last || ordinal != nil else { return nil }
    j += 1
    var n = 1
    if let c = v.count(j, within: 1...31), first || last {
      n = c
      j += 1
    }
    let unit: Int
    if let days = v.daysPerUnit(at: j) {
      unit = days
    } else if v.isWord(j, v.w.half), n == 1, ordinal ?? 2 == 2 {
      unit = 15
    } else {
      return nil
    }
    guard v.isWord(j + 1, v.w.of), isMonth(j + 2) != nil, let month = mention(at: j + 2, end: end) else { return nil }
    switch month.kind {
    case .calendar(_, _, nil), .calendarYearsFromPublication(_, _, nil): break
    default: return nil
    }
    // ("the second half of May" runs to its end, as "the last week" does.)
    let day = last || (unit == 15 && ordinal != nil) ? 0 : first ? min(31, n * unit) : (ordinal ?? 1) * unit
    return DateMention(start: i, end: month.end, kind: .dayOfMonth(day, of: month.kind), role: .point)
  }

  /// Whether "the day before" (or "the previous day") at `i` ends its phrase: not "the day
  /// before the ceasefire".
  private func theDayBefore(_ i: Int, end: Int) -> Bool {
    let v = view
    guard i + 2 < end, v.isWord(i, v.w.the) else { return false }
    let phrase =
      (v.isWord(i + 1, v.w.day) && v.isWord(i + 2, v.w.before))
      || (v.isWord(i + 1, v.w.previous) && v.isWord(i + 2, v.w.day))
    return phrase && (i + 3 >= end || v.tokens[i + 3].kind == .punct)
  }

  /// The days "two days", "a week" or "3 weeks" at `i` count, when the word `word` ("ago",
  /// "earlier") follows them.
  private func days(at i: Int, end: Int, before word: Int32) -> Int? {
    let v = view
    guard i + 2 < end, v.isWord(i + 2, word), let n = smallCount(i), let unit = v.daysPerUnit(at: i + 1) else {
      return nil
    }
    return n * unit
  }

  /// A small count that can say how long ago: 1-60 in digits or words, or "a"/"an".
  private func smallCount(_ i: Int) -> Int? {
    let v = view
    if v.isWord(i, v.w.a) || v.isWord(i, v.w.an) { return 1 }
    return v.count(i, within: 1...60)
  }

  /// "last year" (-1) or "this year" (0) at `i`, after a day of a month.
  private func relativeYear(_ i: Int, end: Int) -> Int? {
    guard i + 1 < end, view.isWord(i + 1, view.w.year) else { return nil }
    if view.isWord(i, view.w.last) { return -1 }
    if view.isWord(i, view.w.this) { return 0 }
    return nil
  }

  private func mention(at i: Int, end: Int) -> DateMention? {
    let v = view
    // 2026-01-25
    if let y = view.year(i), v.isPunct(i + 1, "-"), v.isNumber(i + 2), v.isPunct(i + 3, "-"),
      v.isNumber(i + 4), v.glued(i + 1), v.glued(i + 2), v.glued(i + 3), v.glued(i + 4),
      let m = v.digitValue(i + 2), let d = v.digitValue(i + 4), i + 4 < end,
      // Checked before converting: Int(_:) traps on a double too large for it (found by
      // fuzzing: "2026-09-99999999999999999999").
      m >= 1, m <= 12, d >= 1, d <= 31
    {
      return DateMention(
        start: i, end: i + 5, kind: .calendar(year: y, month: Int(m), day: Int(d)), role: .point)
    }
    // Month first: "October 10", "Oct. 7, 2023", "February11, 2025", "May 2024", "in March"
    if let month = isMonth(i) {
      var k = i + 1
      if v.isPunct(k, "."), v.glued(k) { k += 1 }
      if let d = dayNumber(k), k < end {
        var stop = k + 1
        var year: Int? = nil
        if v.isPunct(stop, ","), let y = view.year(stop + 1), stop + 1 < end {
          year = y
          stop += 2
        } else if let y = view.year(stop), stop < end {
          year = y
          stop += 1
        } else if let years = relativeYear(stop, end: end) {
          return DateMention(
            start: i, end: stop + 2, kind: .calendarYearsFromPublication(years, month: month, day: d), role: .point)
        }
        return DateMention(
          start: i, end: stop, kind: .calendar(year: year, month: month, day: d), role: .point)
      }
      if let y = view.year(k), k < end {
        return DateMention(
          start: i, end: k + 1, kind: .calendar(year: y, month: month, day: nil), role: .point)
      }
      // "since mid-December last year", "in March this year"
      if let years = relativeYear(k, end: end) {
        return DateMention(
          start: i, end: k + 2, kind: .calendarYearsFromPublication(years, month: month, day: nil), role: .point)
      }
      // A bare month name only after a word that makes it a time ("in March", "early October").
      let before = i - 1
      if v.isWord(before, v.w.in_) || v.isWord(before, v.w.since) || v.isWord(before, v.w.early)
        || v.isWord(before, v.w.late) || v.isWord(before, v.w.mid) || v.isWord(before, v.w.during)
        || v.isWord(before, v.w.by) || v.isWord(before, v.w.until) || v.isWord(before, v.w.from)
        || v.isWord(before, v.w.last) || v.isWord(before, v.w.this) || v.isWord(before, v.w.of)
        || v.isPunct(before, "-") || v.isWord(before, v.w.between)
        // "between June and July", "from May 27 to July": the end of a range of months.
        || ((v.isWord(before, v.w.and) || v.isWord(before, v.w.to))
          && (isMonth(before - 1) != nil || (dayNumber(before - 1) != nil && isMonth(before - 2) != nil)))
      {
        return DateMention(
          start: i, end: i + 1, kind: .calendar(year: nil, month: month, day: nil), role: .point)
      }
      return nil
    }
    // Day first: "7 October 2023", "10 October"
    if let d = dayNumber(i), let month = isMonth(i + 1), i + 1 < end {
      var stop = i + 2
      var year: Int? = nil
      if let y = view.year(stop), stop < end {
        year = y
        stop += 1
      } else if let years = relativeYear(stop, end: end) {
        return DateMention(
          start: i, end: stop + 2, kind: .calendarYearsFromPublication(years, month: month, day: d), role: .point)
      }
      return DateMention(
        start: i, end: stop, kind: .calendar(year: year, month: month, day: d), role: .point)
    }
    // A year on its own after a preposition: "in 2024", "since 2007"
    if let y = view.year(i), !v.isPunct(i + 1, "-") || !v.glued(i + 1) {
      let before = i - 1
      if v.isWord(before, v.w.in_) || v.isWord(before, v.w.since) || v.isWord(before, v.w.during)
        || v.isWord(before, v.w.by) || v.isWord(before, v.w.until) || v.isWord(before, v.w.from)
        || v.isWord(before, v.w.early) || v.isWord(before, v.w.late) || v.isWord(before, v.w.mid)
        || v.isWord(before, v.w.of) || v.isWord(before, v.w.after) || v.isWord(before, v.w.before)
      {
        return DateMention(start: i, end: i + 1, kind: .year(y), role: .point)
      }
      // "Over 2024, at least 23,000 were killed", "throughout 2024." ("over 2000 people" is
      // a number: only a year that ends its phrase.)
      if v.isWord(before, v.w.over) || v.isWord(before, v.w.throughout), i + 1 >= end || v.tokens[i + 1].kind == .punct {
        return DateMention(start: i, end: i + 1, kind: .year(y), role: .point)
      }
      // A year that is the clause's subject or its complement: "2024 was the deadliest year
      // ..., with 124 killed", "2024 saw 124 journalists killed", "The deadliest year was
      // 2024, when 124 ... were killed".
      // (Opening its clause: after a sentence's start, a mark or a verb of saying; "some 2024
      // was spent" is an amount.)
      let opensClause =
        before < 0 || v.tokens[before].kind == .punct || v.flags(before).contains(.speech) || v.text(before) == "that"
      let subject = opensClause && i + 1 < end && (v.isWord(i + 1, v.w.was) || v.text(i + 1) == "saw")
      let complement =
        (v.isWord(before, v.w.was) || v.isWord(before, v.w.is_))
        && i + 2 < end && v.isPunct(i + 1, ",") && v.text(i + 2) == "when"
      if subject || complement {
        return DateMention(start: i, end: i + 1, kind: .year(y), role: .point)
      }
      return nil
    }
    // "a day earlier", "two weeks earlier", "the day before"
    if let n = days(at: i, end: end, before: v.w.earlier) {
      return DateMention(start: i, end: i + 3, kind: .daysFromAnother(-n, anchor: nil), role: .point)
    }
    if theDayBefore(i, end: end) {
      return DateMention(start: i, end: i + 3, kind: .daysFromAnother(-1, anchor: nil), role: .point)
    }
    // "two days ago", "3 weeks ago", "a week ago"
    if let n = days(at: i, end: end, before: v.w.ago) {
      return DateMention(start: i, end: i + 3, kind: .daysFromPublication(-n), role: .point)
    }
    guard v.tokens[i].kind == .word else { return nil }
    // "the same month last year": the publication's month, a year back.
    if sameMonthLastYear(i), i + 4 < end {
      return DateMention(start: i, end: i + 5, kind: .monthsFromPublication(-12), role: .point)
    }
    // "since the start of the year": the publication's year, as "this year" is ("since the
    // start of the month": its month).
    if startOfTheYearOrMonth(i), i + 1 < end {
      let kind: DateMention.Kind = v.isWord(i + 1, v.w.month) ? .monthsFromPublication(0) : .yearsFromPublication(0)
      return DateMention(start: i, end: i + 2, kind: kind, role: .point)
    }
    // "over the weekend", "last weekend", "this weekend": its Sunday, found like a weekday.
    if (v.isWord(i, v.w.the) || v.isWord(i, v.w.last) || v.isWord(i, v.w.this)), v.isWord(i + 1, v.w.weekend),
      i + 1 < end
    {
      return DateMention(
        start: i, end: i + 2, kind: .weekday(0, direction: v.isWord(i, v.w.last) ? -1 : 0), role: .point)
    }
    // Weekdays: "Saturday", "on Monday", "next Monday", "last Friday"
    if v.flags(i).contains(.weekday), v.tokens[i].flags.contains(.capitalized) {
      let wd = Int(v.info(i)!.number)
      var direction = 0
      var start = i
      if v.isWord(i - 1, v.w.next) {
        direction = 1
        start = i - 1
      } else if v.isWord(i - 1, v.w.last) {
        direction = -1
        start = i - 1
      }
      return DateMention(start: start, end: i + 1, kind: .weekday(wd, direction: direction), role: .point)
    }
    let id = v.tokens[i].word
    if id == v.w.yesterday {
      return DateMention(start: i, end: i + 1, kind: .daysFromPublication(-1), role: .point)
    }
    if id == v.w.today || id == v.w.tonight {
      return DateMention(start: i, end: i + 1, kind: .daysFromPublication(0), role: .point)
    }
    // "next week", "next month": ahead of publication.
    if id == v.w.next, i + 1 < end {
      if v.isWord(i + 1, v.w.week) {
        return DateMention(start: i, end: i + 2, kind: .daysFromPublication(7), role: .point)
      }
      if v.isWord(i + 1, v.w.month) {
        return DateMention(start: i, end: i + 2, kind: .monthsFromPublication(1), role: .point)
      }
    }
    // ("in the previous week": the week before publication, as "last week".)
    let previous = id == v.w.previous && v.isWord(i - 1, v.w.the)
    if id == v.w.last || id == v.w.this || previous {
      let next = i + 1
      let sign = id == v.w.this ? 0 : -1
      if v.isWord(next, v.w.night) {
        return DateMention(start: i, end: i + 2, kind: .daysFromPublication(sign == 0 ? 0 : -1), role: .point)
      }
      if v.isWord(next, v.w.morning) || v.isWord(next, v.w.evening) || v.isWord(next, v.w.afternoon) {
        return DateMention(start: i, end: i + 2, kind: .daysFromPublication(0), role: .point)
      }
      if v.isWord(next, v.w.week) {
        return DateMention(start: i, end: i + 2, kind: .daysFromPublication(sign * 7), role: .point)
      }
      if v.isWord(next, v.w.month) {
        return DateMention(start: i, end: i + 2, kind: .monthsFromPublication(sign), role: .point)
      }
      if v.isWord(next, v.w.year) {
        return DateMention(start: i, end: i + 2, kind: .yearsFromPublication(sign), role: .point)
      }
    }
    return nil
  }

  /// Whether token `i` opens "the same month last year".
  private func sameMonthLastYear(_ i: Int) -> Bool {
    let v = view
    return v.isWord(i, v.w.the) && v.isWord(i + 1, v.w.same) && v.isWord(i + 2, v.w.month) && v.isWord(i + 3, v.w.last)
      && v.isWord(i + 4, v.w.year)
  }

  /// "the start of the year", "the beginning of the month": the publication's year or month.
  private func startOfTheYearOrMonth(_ i: Int) -> Bool {
    let v = view
    return v.isWord(i, v.w.the) && (v.isWord(i + 1, v.w.year) || v.isWord(i + 1, v.w.month)) && v.isWord(i - 1, v.w.of)
      && (v.isWord(i - 2, v.w.start) || v.isWord(i - 2, v.w.beginning))
  }

  /// The role a date plays, from the words before it.
  private func role(of m: DateMention, sentence: Range<Int>) -> DateMention.Role {
    let v = view
    // "from Sunday's strikes": a day named as the event's own is the event's date.
    if v.isWord(m.end, v.w.s) { return .point }
    var k = m.start - 1
    // Skip "on", "in", "early", "late", "the", "earlier"
    while k >= sentence.lowerBound,
      v.isWord(k, v.w.on) || v.isWord(k, v.w.in_) || v.isWord(k, v.w.early)
        || v.isWord(k, v.w.late) || v.isWord(k, v.w.mid) || v.isWord(k, v.w.the)
        || v.isWord(k, v.w.earlier) || v.isPunct(k, "-")
    {
      k -= 1
    }
    guard k >= sentence.lowerBound else { return .point }
    if v.isWord(k, v.w.since) { return v.followsComparing(k) ? .other : .start }
    if v.isWord(k, v.w.after) { return .after }
    // "Since the crossing closed in May 2024": the date of a since-clause starts a period
    // ("the deadliest day since the ceasefire took hold in January" dates nothing).
    var back = k
    while back >= sentence.lowerBound, k - back < 8, v.tokens[back].kind == .word {
      if v.isWord(back, v.w.since) { return v.followsComparing(back) ? .other : .start }
      back -= 1
    }
    if v.isWord(k, v.w.from) { return .rangeStart }
    if v.isWord(k, v.w.before) { return .other }
    if v.isWord(k, v.w.of), v.isWord(k - 1, v.w.as_) { return .asOf }
    if v.isWord(k, v.w.by) || v.isWord(k, v.w.until) || v.isWord(k, v.w.through)
      || v.isWord(k, v.w.till)
    {
      return .asOf
    }
    // "began on", "took effect in", "entered on", "came into force on", "signed on"
    var j = k
    var looked = 0
    while j >= sentence.lowerBound, looked < 3 {
      let id = v.tokens[j].word
      // "entered" only when an agreement enters ("the ceasefire deal entered on January 19",
      // "entered into force"): "trucks entered on Sunday" dates the trucks.
      if id == v.w.began || id == v.w.begun || id == v.w.started || id == v.w.effect
        || (id == v.w.entered && (v.isWord(j + 1, v.w.into) || agreementBefore(j, sentence: sentence)))
        || id == v.w.force || id == v.w.signed || id == v.w.erupted
        || id == v.w.launched || (id == v.w.out && v.isWord(j - 1, v.w.broke))
      {
        return .eventStart
      }
      if v.tokens[j].kind != .word { break }
      j -= 1
      looked += 1
    }
    return .point
  }
}

/// Resolves date mentions against the publication date (codebook section 5).
struct DateResolver {
  let published: CivilDate?

  /// The date a mention stands for. `lookAhead` is true for a figure in the future tense,
  /// which takes the next such weekday rather than the last. Returns the date and, when the
  /// stated weekday contradicts the calendar date, a warning.
  func resolve(_ m: DateMention, lookAhead: Bool) -> (date: ReportedDate?, warning: String?) {
    switch m.kind {
    case .calendarYearsFromPublication(let n, let month, let day):
      guard let p = published else { return (nil, nil) }
      return calendar(p.year + n, month, day, m, lookAhead: lookAhead)
    case .calendar(let year, let month, let day):
      guard let y = year ?? inferYear(month: month, day: day, lookAhead: lookAhead) else {
        return (nil, nil)
      }
      return calendar(y, month, day, m, lookAhead: lookAhead)
    case .year(let y):
      guard let d = CivilDate(year: y, month: 1, day: 1) else { return (nil, nil) }
      return (ReportedDate(d, precision: .year), nil)
    case .weekday(let wd, let direction):
      return (weekday(wd, direction: direction, lookAhead: lookAhead).map { ReportedDate($0) }, nil)
    case .daysFromPublication(let n):
      return (published.map { ReportedDate($0.adding(days: n)) }, nil)
    case .dayOfMonth(let n, let month):
      let base = resolve(DateMention(start: m.start, end: m.end, kind: month, role: .point), lookAhead: lookAhead)
      guard let d = base.date, d.precision == .month else { return (nil, nil) }
      let days = CivilDate.daysIn(month: d.day.month, year: d.day.year)
      let day = n == 0 ? days : min(n, days)
      return (CivilDate(year: d.day.year, month: d.day.month, day: day).map { ReportedDate($0) }, nil)
    case .daysFromAnother(let n, let anchor):
      guard let anchor else { return (published.map { ReportedDate($0.adding(days: n)) }, nil) }
      let base = resolve(DateMention(start: m.start, end: m.end, kind: anchor, role: .point), lookAhead: lookAhead)
      // (Days before a month or a year name no day.)
      guard let d = base.date, d.precision == .day else { return (nil, nil) }
      return (ReportedDate(d.day.adding(days: n)), nil)
    case .monthsFromPublication(let n):
      guard let p = published else { return (nil, nil) }
      var y = p.year
      var mo = p.month + n
      while mo < 1 {
        mo += 12
        y -= 1
      }
      return (CivilDate(year: y, month: mo, day: 1).map { ReportedDate($0, precision: .month) }, nil)
    case .yearsFromPublication(let n):
      guard let p = published else { return (nil, nil) }
      return (CivilDate(year: p.year + n, month: 1, day: 1).map { ReportedDate($0, precision: .year) }, nil)
    }
  }

  /// A day (or, with no day, a month) of year `y`, checked against a weekday the text states.
  private func calendar(
    _ y: Int, _ month: Int, _ day: Int?, _ m: DateMention, lookAhead: Bool
  ) -> (date: ReportedDate?, warning: String?) {
    guard let d = CivilDate(year: y, month: month, day: day ?? 1) else { return (nil, nil) }
    let date = ReportedDate(d, precision: day == nil ? .month : .day)
    if let wd = m.statedWeekday, day != nil, d.weekday != wd {
      let name = CivilDate.weekdayNames[wd]
      guard let resolved = weekday(wd, direction: 0, lookAhead: lookAhead) else {
        return (date, "the weekday \(name) contradicts \(d), a \(CivilDate.weekdayNames[d.weekday])")
      }
      return (
        ReportedDate(resolved),
        "the weekday \(name) contradicts \(d), a \(CivilDate.weekdayNames[d.weekday]); resolved to the \(name) nearest publication, \(resolved)"
      )
    }
    return (date, nil)
  }

  /// The most recent such weekday on or before publication, or for the future tense (or
  /// "next Monday") the next one on or after it.
  func weekday(_ wd: Int, direction: Int, lookAhead: Bool) -> CivilDate? {
    guard let p = published else { return nil }
    if direction > 0 || (direction == 0 && lookAhead) {
      var delta = (wd - p.weekday + 7) % 7
      if direction > 0 && delta == 0 { delta = 7 }
      return p.adding(days: delta)
    }
    var delta = (p.weekday - wd + 7) % 7
    if direction < 0 && delta == 0 { delta = 7 }
    return p.adding(days: -delta)
  }

  /// A date written without its year is in the publication's year, unless that puts it more
  /// than a month after publication in a past-tense report (a month alone, once it has not yet
  /// begun): then it is the year before. Even
  /// a plan is not dated more than half a year ahead ("said on Nov. 3 it had approved" in a
  /// February article is the November before), nor half a year back ("will reopen on
  /// January 5" in a December article is the next January).
  func inferYear(month: Int, day: Int?, lookAhead: Bool) -> Int? {
    guard let p = published else { return nil }
    guard let d = CivilDate(year: p.year, month: month, day: min(day ?? 1, 28)) else { return nil }
    let ahead = d.dayNumber - p.dayNumber
    // ("The crossing was last opened in February" in a January article: a month not yet begun
    // is last year's, unless the figure looks ahead.)
    if ahead > 183 || (!lookAhead && ahead > (day == nil ? 0 : 31)) { return p.year - 1 }
    if lookAhead && ahead < -183 { return p.year + 1 }
    return p.year
  }
}
