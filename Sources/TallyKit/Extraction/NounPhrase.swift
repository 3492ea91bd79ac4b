/// Reads what a number counts from the words after it: "16,500 severely ill or injured
/// Palestinians", "dozens of foreign passport holders", "73 of these Palestinians",
/// "seven of them". The counted noun is the last counted-noun word before the phrase ends (a
/// verb, a preposition, punctuation or another number), so adjectives and participles in
/// front of it ("injured Palestinians") describe it without being counted.
struct NounPhraseReader {
  let view: TextView
  /// How many words a noun phrase may run to.
  var maxWords = 6
  /// Words for a part of a place, before its name: "northern Gaza's population".
  static let regions: Set<String> = ["northern", "southern", "eastern", "western", "central"]

  /// Reads the noun phrase after `q`, up to `limit` (the next number's mention or the end of
  /// the sentence).
  func read(_ q: inout Quantity, sentence: Range<Int>, limit: Int) {
    let v = view
    let end = min(sentence.upperBound, limit)
    var k = q.spanEnd
    // "Of the 183 Palestinians ..., 111 were": a part of the first number; "Of the prisoners,
    // 18 were ... and 111 had been ...": parts of the prisoners counted before.
    var opening: Int? = nil
    // The first word after "of the" in a part ("Two of the injured"), if any.
    var wholeStart: Int? = nil
    switch openingWhole(q, sentence: sentence) {
    case .number:
      q.partitive = true
      q.partOfFirst = true
    case .noun(let n):
      q.partitive = true
      q.partOfOpening = true
      q.openingNoun = v.nounClass(n)
      opening = n
    case .pronoun:
      q.partitive = true
      q.partOfOpening = true
    case nil: break
    }
    // A rate right after the number: "600 a day", "72 per day", "50 daily"; or right before
    // it: "Each day up to 50 patients may leave", "Every week, 30 trucks".
    q.per = view.rate(at: k, end: end)?.rate ?? rateBefore(q.spanStart, sentence: sentence)
    // "including 250 serving long sentences", "among them 250 serving life terms": in a
    // breakdown, a verb in -ing right after the number is the predicate of the people the
    // whole counts, not an adjective (outside one, "four operating theatres" are theatres).
    let ingWord =
      k < end && v.tokens[k].kind == .word && v.tokens[k].word < 0 && v.text(k).lowercased().hasSuffix("ing")
    let breakdown =
      v.isWord(q.spanStart - 1, v.w.including)
      || (v.isWord(q.spanStart - 2, v.w.among)
        && (v.isWord(q.spanStart - 1, v.w.them) || v.isWord(q.spanStart - 1, v.w.whom)))
    if ingWord, breakdown {
      q.elliptical = true
      q.phraseEnd = k
      return
    }
    // "bringing to eight the number of deceased captives handed back": the counted noun
    // follows "the number of" (or "the total of").
    if k + 3 < end, v.isWord(k, v.w.the), v.isWord(k + 1, v.w.number) || v.isWord(k + 1, v.w.total),
      v.isWord(k + 2, v.w.of), !v.isNumber(k + 3), !v.flags(k + 3).contains(.numberWord)
    {
      k += 3
    }
    // "of them", "of these", "of those", "of whom", "of the", "of these Palestinians"
    if v.isWord(k, v.w.of) {
      let next = k + 1
      if v.flags(next).contains(.pronoun) {
        q.partitive = true
        k = next + 1
        if !(next < end && (v.isWord(next, v.w.these) || v.isWord(next, v.w.those))
          && v.nounClass(next + 1) != .unknown)
        {
          q.elliptical = true
          q.phraseEnd = k
          // "33 captives, eight of them dead": a part counted as dead.
          if k < end, v.flags(k).contains(.dead) { q.dead = true }
          return
        }
      } else if v.flags(next).contains(.determiner) || isPossessiveName(next) || q.isVague
        || q.value >= 1_000_000 || q.isRatio
      {
        // "73 of the prisoners": a part of people counted before ("90 per cent of the
        // population", "70 per cent of buildings" are shares of what follows, not parts of a
        // figure).
        if !q.isVague && !q.isRatio && q.value < 1_000_000 { q.partitive = true }
        k = next
        if v.flags(k).contains(.determiner) {
          k += 1
          // "nine in ten of the strip's 2.1 million"
          if k + 1 < sentence.upperBound, v.tokens[k].kind == .word, v.isWord(k + 1, v.w.s) { k += 2 }
        } else if isPossessiveName(k) {
          k += 2  // "16 of Gaza's 36 hospitals"
        } else if k + 1 < sentence.upperBound, v.tokens[k].kind == .word,
          NounPhraseReader.regions.contains(v.text(k).lowercased()), isPossessiveName(k + 1)
        {
          k += 3  // "two-thirds of northern Gaza's population"
        }
        wholeStart = k
        // "82 per cent of Gaza is under displacement orders" ("of the Gaza Strip was"): a share
        // of a named place with a singular verb is a share of land, not of people.
        if q.isRatio {
          var e = k
          while e < min(sentence.upperBound, k + 4), v.tokens[e].kind == .word,
            v.tokens[e].flags.contains(.capitalized), v.nounClass(e) == .unknown
          {
            e += 1
          }
          // (Or the end of the clause: "it now controls about 40 per cent of Gaza City"; or a
          // place it lies in: "86 per cent of the Gaza Strip within militarized zones".)
          if e > k,
            v.isWord(e, v.w.is_) || v.isWord(e, v.w.was) || v.isWord(e, v.w.within) || v.isWord(e, v.w.under)
              || e >= sentence.upperBound || v.tokens[e].kind == .punct
          {
            q.noun = .things
            q.phraseEnd = e
            return
          }
          // ("86% of Gaza's territory": a share of land.)
          if v.isWord(k, in: v.w.places), !v.isWord(k + 1, v.w.s) {
            q.noun = .things
            q.phraseEnd = k + 1
            return
          }
        }
        // "eight of the 26 hostages": a part of the number that follows, which names what
        // both count; not a part of a figure before.
        if k < sentence.upperBound, v.isNumeral(k) {
          q.partitive = false
          if let j = (k + 1..<min(sentence.upperBound, k + 5)).first(where: { v.nounClass($0) != .unknown }),
            let info = v.info(j)
          {
            q.counts(info)
            // ("25 of the 28 deceased hostages": the whole's "deceased" describes the part.)
            if q.noun == .bodies || (k + 1..<j).contains(where: { v.flags($0).contains(.dead) }) { q.dead = true }
          }
          q.phraseEnd = k
          return
        }
      }
    }
    var words = 0
    var lastNoun: Int? = nil
    var nounClasses: UInt32 = 0  // one bit per noun class seen
    var nationality: GroupName? = nil
    var medical = false
    while k < end, words < maxWords {
      let t = v.tokens[k]
      // Punctuation ends the phrase (inner hyphens and apostrophes are inside word tokens).
      if t.kind != .word { break }
      if t.word == v.w.s { break }
      let info = v.info(k)
      let flags = info?.flags ?? []
      // A time ends the phrase: "freed 369 prisoners hours later" counts prisoners, not hours,
      // and "seven in the morning and 13 a few hours later" no hours.
      if flags.contains(.timeUnit) { break }
      // After the counted noun only "and"/"or" and more nouns go on: "people holding
      // referrals" counts people.
      if lastNoun != nil, (info?.nounClass ?? NounClass.unknown) == .unknown, !flags.contains(.conjunction),
        t.word != v.w.and, t.word != v.w.or
      {
        break
      }
      // "90 per cent of the population remains displaced": "remains" after a noun for people
      // is their verb, not the dead ("hostage remains", "the remains of" are the dead).
      if let n = lastNoun, n == k - 1, flags.contains(.auxiliary), v.nounClass(n) == .people, !v.isWord(k + 1, v.w.of) {
        break
      }
      if let info, info.nounClass != .unknown, !(info.singular && q.value != 1 && !info.flags.contains(.nationality)) {
        // ("four Israeli female soldiers": one describing word may stand between.)
        let describing =
          k + 2 < end && v.tokens[k + 1].kind == .word && v.nounClass(k + 1) == .unknown && v.info(k + 1)?.flags.isEmpty ?? true
          && v.tokens[k + 2].kind == .word && v.nounClass(k + 2) != .unknown
        if flags.contains(.nationality) && k + 1 < end && v.tokens[k + 1].kind == .word
          && (v.nounClass(k + 1) != .unknown || describing)
        {
          // "Palestinian patients": the adjective names the group, the noun is counted.
          nationality = info.group
        } else {
          // "four female soldiers", "women journalists": a noun right after another heads the
          // compound; only nouns joined by "and" or "or" make a mixed list.
          if lastNoun == k - 1 { nounClasses = 0 }
          lastNoun = k
          nounClasses |= 1 << UInt32(info.nounClass.rawValue)
        }
      } else if flags.contains(.nationality) {
        nationality = info?.group
      }
      if flags.contains(.dead) { q.dead = true }
      if flags.contains(.living) { q.alive = true }
      if lastNoun == nil, flags.contains(.medical) { medical = true }
      if flags.contains(.phraseEnd) && (info?.nounClass ?? NounClass.unknown) == .unknown { break }
      if flags.contains(.conjunction) || t.word == v.w.and || t.word == v.w.or {
        // "children and adults" goes on; "23 Israeli and three foreign hostages" stops.
        if v.isNumeral(k + 1)
          || v.flags(k + 1).contains(.determiner) || v.flags(k + 1).contains(.phraseEnd)
        {
          break
        }
      }
      words += 1
      k += 1
    }
    if lastNoun == nil, let n = opening, let info = v.info(n) {
      // An elliptical part counts what the opening phrase names.
      q.counts(info)
      q.namedByOpening = true
    }
    if let n = lastNoun, ingWord, n > q.spanEnd + 1, v.info(n)?.nounClass == .things {
      // "Among those released were 18 serving life sentences": a verb in -ing right after the
      // number with its object ("four operating theatres" has the noun right after it).
      q.elliptical = true
      q.phraseEnd = q.spanEnd
    } else if let n = lastNoun, let info = v.info(n) {
      // Words after the counted noun belong to the predicate ("28 companions crossed ...").
      q.phraseEnd = n + 1
      q.nounToken = n
      q.counts(info)
      if q.noun == .bodies { q.dead = true }
      // "two more hostages' remains", "a hostage's body": the remains of those counted.
      if v.isPunct(n + 1, "'") || v.isWord(n + 1, v.w.s), v.nounClass(n + 2) == .bodies { q.dead = true }
    } else if let n = labelNoun(before: q.spanStart, sentence: sentence), let info = v.info(n) {
      // "Patients waiting: 12,000+": a fact-box line names what it counts before its colon.
      q.counts(info)
      q.phraseEnd = q.spanEnd
    } else if opening == nil, isUncountedNoun(at: q.spanEnd, end: end) {
      // "At least 25 bakeries have closed": a noun the lexicon does not know, as the subject
      // of a verb, counts things, not people.
      q.noun = .things
      q.phraseEnd = q.spanEnd + 1
    } else if q.partitive, let w = wholeStart, w < end, v.tokens[w].kind == .word {
      // "Two of the injured later succumbed": an adjective standing for people ends the
      // phrase; the predicate follows it.
      q.elliptical = true
      q.phraseEnd = w + 1
      // "More than 20 of the dead were children": a counted noun after "were" that ends the
      // clause names the part's group (what it counts and its indicator are its whole's).
      if let n = copularNoun(after: q.phraseEnd, end: end), let info = v.info(n) {
        q.group = info.group
        q.groupFromPredicate = true
      }
    } else {
      // No counted noun: the words read were the predicate ("120 wounded in ..."), so the
      // phrase ends at the number.
      q.elliptical = true
      q.phraseEnd = q.spanEnd
      // "Of those who left, 410 were patients and 620 their companions": a counted noun after
      // "were" that ends its clause says what the number counts.
      // (For a part, "of whom about 5,000 are children", only its group: what it counts and
      // its indicator are its whole's.)
      if let n = copularNoun(after: q.spanEnd, end: end), let info = v.info(n) {
        let part =
          q.partitive || v.isWord(q.spanStart - 1, v.w.whom) || v.isWord(q.spanStart - 1, v.w.them)
          || v.isWord(q.spanStart - 1, v.w.including)
        if part {
          q.group = info.group
        } else {
          q.counts(info)
          q.nounToken = n
        }
        q.groupFromPredicate = true
      } else if let n = wholeNounBeforeOutOf(q, sentence: sentence), let info = v.info(n) {
        // "Half a dozen hospitals still function, out of 36 before the war": the whole counts
        // what its part counted.
        q.counts(info)
      } else if let (n, dead) = totalNoun(before: q.spanStart, sentence: sentence), let info = v.info(n) {
        // "The number of journalists killed in the war has reached 200": the total named
        // before the number says what it counts ("the number of deceased hostages returned
        // ... to 17": and whether they are dead).
        q.counts(info)
        if dead { q.dead = true }
      } else if let n = subjectNoun(before: q, sentence: sentence), let info = v.info(n) {
        q.counts(info)
      }
    }
    // "Of the 51 missions planned, 30 were denied outright and 12 impeded": a number with no
    // noun of its own, after an opening whole that counts things, counts those things.
    if q.noun == .unknown, thingsInOpeningWhole(before: q.spanStart, sentence: sentence) {
      q.noun = .things
    }
    // "Israeli civilians and soldiers", "patients and companions": a mixed list counts people
    // (a total of patients and companions is a crossing total, not either part).
    if nounClasses.nonzeroBitCount > 1 {
      q.group = nationality ?? .people
      q.noun = .people
      let companions: UInt32 = 1 << UInt32(NounClass.companions.rawValue)
      let patients: UInt32 = 1 << UInt32(NounClass.patients.rawValue) | 1 << UInt32(NounClass.children.rawValue)
      q.patientsAndCompanions = nounClasses & companions != 0 && nounClasses & patients != 0
    }
    // "18 were serving life sentences, 54 long sentences": a count of prison terms counts the
    // prisoners serving them.
    if let n = q.nounToken, v.isWord(n, v.w.sentences) || v.isWord(n, v.w.terms),
      v.isWord(n - 1, v.w.life) || v.isWord(n - 1, v.w.long) || v.isWord(n - 1, v.w.lengthy)
    {
      q.counts(v.vocabulary.info[Int(v.w.prisoners)])
    }
    // "their 24 family members": relatives, as companions are.
    if let n = q.nounToken, v.isWord(n, v.w.members), v.isWord(n - 1, v.w.family) {
      q.noun = .companions
      q.group = .companions
    }
    // "sick and wounded children", "seriously ill Palestinians": people counted as patients.
    if medical, q.noun == .children || q.noun == .people || q.noun == .nationals {
      q.noun = .patients
    }
    if let nationality {
      q.nationality = nationality
      // ("five Thai workers" are Thais, not aid workers, as "Palestinian aid workers" are
      // Palestinians.)
      if q.noun == .people || q.noun == .unknown || q.noun == .nationals || q.noun == .workers {
        q.group = nationality
        if q.noun == .unknown { q.noun = .nationals }
      }
    }
    // "Palestinians from Israel's Ofer prison", "Thousands still in Israeli prisons": people
    // counted as prisoners.
    if q.noun == .nationals || q.noun == .people || q.noun == .unknown {
      var j = k
      while j < min(end, k + 6) {
        let id = v.tokens[j].word
        if id == v.w.prison || id == v.w.prisons || id == v.w.jail || id == v.w.jails
          || id == v.w.detention
        {
          q.noun = .prisoners
          break
        }
        j += 1
      }
    }
    if q.per == nil { q.per = view.rate(at: k, end: end)?.rate }
    // "600 trucks of aid a day", "120 trucks of humanitarian aid a day": past what the trucks
    // carry (up to two words after "of").
    if q.per == nil, q.noun == .trucks || q.noun == .convoys, view.isWord(k, view.w.of) {
      for j in (k + 2)...(k + 3) where j < end && !(k + 1..<j).contains(where: { view.tokens[$0].kind != .word }) {
        if let r = view.rate(at: j, end: end) {
          q.per = r.rate
          break
        }
      }
    }
    // A rate closing the predicate: "some 500 trucks entered Gaza daily", "... each day".
    if q.per == nil { q.per = closingRate(after: k, end: end) }
    // A fact-box line's label may give the rate: "Aid trucks entering daily (average): 600+".
    // (The colon may lie before the sentence's first token.)
    if q.per == nil, view.isPunct(q.spanStart - 1, ":"), q.spanStart - 1 > sentence.lowerBound,
      q.spanStart - 1 - sentence.lowerBound <= 12
    {
      let colon = q.spanStart - 1
      for j in sentence.lowerBound..<colon {
        if let r = view.rate(at: j, end: colon) {
          q.per = r.rate
          break
        }
      }
    }
  }

  /// "each day" or "every week" (a comma may follow) right before the figure's first word; or
  /// "a daily average of".
  private func rateBefore(_ start: Int, sentence: Range<Int>) -> Rate? {
    let v = view
    // (Or "put its daily average at 89".)
    if v.isWord(start - 1, v.w.of) || v.isWord(start - 1, v.w.at), v.isWord(start - 2, v.w.average) {
      if v.isWord(start - 3, v.w.daily) { return .day }
      if v.isWord(start - 3, v.w.weekly) { return .week }
    }
    let last = v.isPunct(start - 1, ",") ? start - 2 : start - 1
    guard last - 1 >= sentence.lowerBound, v.isWord(last - 1, v.w.each) || v.isWord(last - 1, v.w.every)
    else { return nil }
    return v.isWord(last, v.w.day) ? .day : v.isWord(last, v.w.week) ? .week : nil
  }

  /// A rate that ends the clause after the noun phrase ("entered Gaza daily", "crossed each
  /// day."), or stands before its time phrase ("came in daily during the last week"), within
  /// ten words ("trucks of humanitarian aid will be allowed into Gaza every day") and before
  /// any punctuation; "daily strikes" or "a day of strikes", which go on, are not rates.
  private func closingRate(after k: Int, end: Int) -> Rate? {
    let v = view
    var j = k
    while j < min(end, k + 10), v.tokens[j].kind != .punct {
      if let (r, words) = view.rate(at: j, end: end) {
        let after = j + words
        // ("each day of the pause" is a rate; "in a day of strikes" is not.)
        let ofPeriod = v.isWord(after, v.w.of) && (v.isWord(j, v.w.each) || v.isWord(j, v.w.every))
        // ("allowed out each day at first"; not "killed 40 in a day at the market".)
        let atFirst = v.isWord(after, v.w.at) && v.isWord(after + 1, v.w.first)
        // ("entered each day on average in October".)
        let onAverage = v.isWord(after, v.w.on) && v.isWord(after + 1, v.w.average)
        return after >= end || v.tokens[after].kind == .punct || v.isWord(after, in: v.w.afterRate) || ofPeriod
          || atFirst || onAverage ? r : nil
      }
      j += 1
    }
    return nil
  }

  /// What a sentence's opening "Of the ..." (or "Among the ...") makes this number a part of.
  enum OpeningWhole {
    /// "Of the 183 Palestinians to be released on Saturday, 111 were taken ...": the number
    /// right after the comma is a part of the sentence's first figure.
    case number
    /// "Of the prisoners, 18 were serving life terms and 111 had been detained ...": every
    /// number after the comma is a part of the people the phrase names (the token of its
    /// counted noun), counted in an earlier sentence.
    case noun(Int)
    /// "Of them, 18 were serving life terms": every number after the comma is a part of the
    /// figure before, as in "18 of them".
    case pronoun
  }

  /// The noun at `k + 1` (or `k + 2`, after a determiner) when token `k` is "is", "are",
  /// "was" or "were" and the noun, one that counts people, ends its clause (punctuation,
  /// "and" or the end).
  private func copularNoun(after k: Int, end: Int) -> Int? {
    let v = view
    guard k + 1 < end, v.isWord(k, v.w.were) || v.isWord(k, v.w.are) || v.isWord(k, v.w.was) || v.isWord(k, v.w.is_)
    else { return nil }
    let n = v.flags(k + 1).contains(.determiner) ? k + 2 : k + 1
    let c = v.nounClass(n)
    guard n < end, c != .unknown, c != .things, c != .actors,
      n + 1 >= end || v.tokens[n + 1].kind == .punct || v.isWord(n + 1, v.w.and)
    else { return nil }
    return n
  }

  private func openingWhole(_ q: Quantity, sentence: Range<Int>) -> OpeningWhole? {
    let v = view
    var s = sentence.lowerBound
    // "Most of them, 1,718, had been detained": a quantifier before the opening "of".
    if v.isWord(s, in: v.w.quantifiers), v.isWord(s + 1, v.w.of) { s += 1 }
    // "Among them were 20 children", "They included 45 foreign nationals and 38 students".
    if let lead = v.partsOfTheWholeBefore(sentence), lead <= q.spanStart {
      // ("Among the patients were 23 children": the opening names the whole's people.)
      // ("The patients, who included 47 children,": so does the subject before "who".)
      let named =
        v.isWord(s, v.w.among) || v.isWord(s, v.w.the) ? (s + 1..<lead).last { v.nounClass($0) != .unknown } : nil
      return named.map { .noun($0) } ?? .pronoun
    }
    guard v.isWord(s, v.w.of) || v.isWord(s, v.w.among) else { return nil }
    var k = s + 1
    // ("Most of them - around 260 - worked for UNRWA": a dash may set the number apart.)
    if v.flags(k).contains(.pronoun), v.isPunct(k + 1, ",") || v.isPunct(k + 1, "-"), k + 1 < q.spanStart {
      return .pronoun
    }
    // "Of those freed, 97 were deported", "Of those released on Saturday, 40 ...": a pronoun
    // and a few words that tell what happened to them, with no number. (Not "Of those who
    // left,", which names its people by a clause of their own, read as the noun phrase's.)
    if v.isWord(k, v.w.those), !v.isWord(k + 1, v.w.who), let comma = (k + 2..<max(k + 2, min(q.spanStart, k + 6))).first(where: { v.isPunct($0, ",") }),
      !(k + 1..<comma).contains(where: { v.isNumeral($0) || v.tokens[$0].kind != .word })
    {
      return .pronoun
    }
    guard v.flags(k).contains(.determiner) || v.isNumeral(k)
    else { return nil }
    if v.flags(k).contains(.determiner) { k += 1 }
    if k < q.spanStart - 1 && v.isNumeral(k) {
      return v.isPunct(q.spanStart - 1, ",") || afterReportingClause(q.spanStart, from: k) ? .number : nil
    }
    // A few words and a comma, with a counted noun among them and no number.
    let first = k
    var noun: Int? = nil
    while k < q.spanStart, k - s <= 6, v.tokens[k].kind == .word, !v.isNumber(k) {
      if v.nounClass(k) != .unknown { noun = k }
      k += 1
    }
    guard k < q.spanStart, v.isPunct(k, ",") else { return nil }
    guard let noun else {
      // "Among the released, 36 had been serving life terms": people named by what befell
      // them refer back, as "Of those released" does.
      let participle =
        k - first <= 3 && !v.tokens[first].flags.contains(.capitalized) && v.text(first).hasSuffix("ed")
      return participle ? .pronoun : nil
    }
    return .noun(noun)
  }

  /// ", Israel believes 20 are alive", ", officials say 20": whether up to four words before
  /// `start`, after a comma past `from`, end in a verb of saying or believing.
  private func afterReportingClause(_ start: Int, from: Int) -> Bool {
    let v = view
    guard v.flags(start - 1).contains(.speech) || v.isWord(start - 1, in: v.w.beliefs) else { return false }
    var j = start - 1
    while j > from, start - j <= 4, v.tokens[j].kind == .word { j -= 1 }
    return j > from && v.isPunct(j, ",")
  }

  /// The counted noun of "the number|total of X" (or "the toll|tally|number among X": "The
  /// death toll among journalists stood at 211") within the twelve words before `start`, with
  /// no other number between, and whether a word before it describes the dead ("the number of
  /// deceased hostages").
  private func totalNoun(before start: Int, sentence: Range<Int>) -> (noun: Int, dead: Bool)? {
    let v = view
    var j = start - 1
    // (A year between is a date's: "The number of journalists killed in Gaza since October
    // 2023 has risen to at least 192".)
    while j > sentence.lowerBound, start - j <= 16 {
      if v.isNumeral(j) && v.year(j) == nil { return nil }
      if (v.isWord(j, v.w.of) && (v.isWord(j - 1, v.w.number) || v.isWord(j - 1, v.w.total)))
        || (v.isWord(j, v.w.among) && (v.isWord(j - 1, v.w.toll) || v.isWord(j - 1, v.w.tally) || v.isWord(j - 1, v.w.number)))
      {
        for n in j + 1..<min(start, j + 4) where v.nounClass(n) != .unknown && v.nounClass(n) != .things {
          return (n, (j + 1..<n).contains { v.flags($0).contains(.dead) })
        }
        return nil
      }
      j -= 1
    }
    return nil
  }

  /// The counted noun of the clause's subject when the number comes right after a verb of
  /// passing or counting ("Trucks carrying flour topped 150", "Aid trucks entering Gaza
  /// exceeded 600", "The dead numbered 45"): the first counted noun of the eight words before
  /// the verb, back to the sentence's start or a punctuation mark, with no number between.
  private func subjectNoun(before q: Quantity, sentence: Range<Int>) -> Int? {
    let v = view
    // The verb is the mention's qualifier ("topped 150") or the word before it ("numbered 45").
    let verb = v.isWord(q.spanStart, in: v.w.countingVerbs) ? q.spanStart : q.spanStart - 1
    guard verb < q.numberStart, v.isWord(verb, in: v.w.countingVerbs) else { return nil }
    var found: Int? = nil
    var j = verb - 1
    while j >= sentence.lowerBound, verb - j <= 8, v.tokens[j].kind == .word {
      let c = v.nounClass(j)
      if c != .unknown && c != .things && c != .actors { found = j }
      j -= 1
    }
    return found
  }

  /// Whether the sentence opens with a whole that counts things ("Of the 51 missions
  /// planned,"), ending with a comma before `start`: the first noun the lexicon knows after its
  /// number counts things.
  private func thingsInOpeningWhole(before start: Int, sentence: Range<Int>) -> Bool {
    let v = view
    let a = sentence.lowerBound
    guard v.isWord(a, v.w.of), let n = (a + 1..<min(start, a + 3)).first(where: v.isNumeral),
      let comma = (n + 1..<start).first(where: { v.isPunct($0, ",") })
    else { return false }
    let noun = (n + 1..<comma).first { v.tokens[$0].kind == .word && v.nounClass($0) != .unknown }
    return noun.map { v.nounClass($0) == .things } ?? false
  }

  /// The noun of the part before "out of N" in its clause ("Half a dozen hospitals still
  /// function, out of 36", "Three patients, out of 40 on the list"): a noun the lexicon
  /// knows (counted or not) right after a number, within ten words back.
  private func wholeNounBeforeOutOf(_ q: Quantity, sentence: Range<Int>) -> Int? {
    let v = view
    let of = q.spanStart - 1
    guard of - 1 > sentence.lowerBound, v.isWord(of, v.w.of), v.isWord(of - 1, v.w.out) else { return nil }
    var j = of - 2
    while j > sentence.lowerBound, of - j <= 10 {
      if v.tokens[j].kind == .word, v.nounClass(j) != .unknown,
        v.isNumeral(j - 1) || !v.flags(j - 1).isDisjoint(with: [.vague, .scale])
      {
        return j
      }
      j -= 1
    }
    return nil
  }

  /// The counted noun of a label ending in a colon right before the number ("Patients
  /// waiting: 12,000"), within four words.
  private func labelNoun(before start: Int, sentence: Range<Int>) -> Int? {
    let v = view
    guard v.isPunct(start - 1, ":") else { return nil }
    var j = start - 2
    // ("Israeli raids in Gaza: hundreds detained": an adjective of nationality before another
    // word describes that word; it names no one counted.)
    func describes(_ k: Int) -> Bool {
      v.flags(k).contains(.nationality) && v.info(k)?.singular == true && v.tokens[k + 1].kind == .word
    }
    while j >= sentence.lowerBound, start - 2 - j < 4, v.tokens[j].kind == .word {
      if v.nounClass(j) != .unknown, !describes(j) {
        // ("People sheltering in UNRWA facilities: around 110,000": a thing named after the
        // people counted is where they are.)
        if v.nounClass(j) == .things,
          let people = (max(sentence.lowerBound, start - 14)..<j).first(where: { k in
            v.tokens[k].kind == .word && !describes(k) && ![.unknown, .things].contains(v.nounClass(k))
          })
        {
          return people
        }
        return j
      }
      j -= 1
    }
    // A label that is its line, up to 12 tokens: its first counted noun outside brackets
    // ("- Hostages still held in Gaza: 59", "Aid trucks entered since 19 January: 4,200",
    // "Israelis killed (7 October 2023 attack): about 1,200").
    // (Found by fuzzing: the colon may lie before the sentence's first token.)
    guard start - 1 > sentence.lowerBound, start - 1 - sentence.lowerBound <= 12 else { return nil }
    var depth = 0
    for k in sentence.lowerBound..<(start - 1) {
      if v.isPunct(k, "(") { depth += 1 }
      if v.isPunct(k, ")") { depth = max(0, depth - 1) }
      if depth == 0, v.tokens[k].kind == .word, !describes(k), ![.unknown, .things].contains(v.nounClass(k)) { return k }
    }
    return nil
  }

  /// A capitalised name and its "'s": "Gaza's".
  private func isPossessiveName(_ k: Int) -> Bool {
    k + 1 < view.count && view.tokens[k].kind == .word && view.tokens[k].flags.contains(.capitalized)
      && view.isWord(k + 1, view.w.s)
  }

  /// A lower-case word the lexicon does not know, not a participle, followed by an auxiliary
  /// ("bakeries have", "tents were"): a noun, and one that counts no people. Capitalised
  /// words are left alone: they may be demonyms the lexicon lacks ("12 Nepalis were").
  private func isUncountedNoun(at i: Int, end: Int) -> Bool {
    let v = view
    guard i + 1 < end, v.tokens[i].kind == .word, v.tokens[i].word < 0,
      !v.tokens[i].flags.contains(.capitalized), !v.tokens[i].flags.contains(.allCaps),
      !v.tokens[i].flags.contains(.hyphenated), v.flags(i + 1).contains(.auxiliary)
    else { return false }
    let text = v.text(i).lowercased()
    return !text.hasSuffix("ed") && !text.hasSuffix("ing")
  }


}

extension Quantity {
  /// Counts what the noun `info` names: its class and group, and for a nationality noun
  /// ("Palestinians") the nationality too.
  mutating func counts(_ info: WordInfo) {
    noun = info.nounClass
    group = info.group
    if info.nounClass == .nationals { nationality = info.group }
  }

  /// Counts what `other` counts ("eight of the 26 hostages", "the 33" referring back): its
  /// noun, group and nationality, and the dead when it counts the dead.
  mutating func countsLike(_ other: Quantity) {
    noun = other.noun
    group = other.group
    nationality = other.nationality
    dead = dead || other.dead
  }
}
