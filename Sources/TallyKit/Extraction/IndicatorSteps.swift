/// Step 6 of docs/extraction.md, "Indicator": which cue of a sentence says what a figure
/// counts. Each numbered step there is one method here (`step1CueBefore` ...
/// `step11WhatTheNounImplies`), tried in that order; the first that answers wins. Before the
/// steps, `links` reads how a figure stands to the figures before it (a list item, a part,
/// a clause of its own), which several steps and the modality use.

/// What the indicator steps know of the sentence being coded.
struct SentenceCues {
  /// The sentence's index in the document, and its tokens.
  let index: Int
  let range: Range<Int>
  let quantities: [Quantity]
  /// The sentence's cues, in order.
  let cues: [CueMatch]
  /// For each figure, the cue that ends right before its number (step 1), if any.
  let claims: [Int?]
  /// For each cue, whether some figure's number claims it.
  let claimed: [Bool]
  let hints: IndicatorRules.Hints
}

/// How a figure stands to the figures before it in its sentence.
struct FigureLinks {
  /// Joined to the figure before by "and", "or", "plus" or a comma: "19 patients and 28
  /// companions".
  var coordinated = false
  /// Starts a clause of its own after an item with a verb of its own: "killed 40 people, and
  /// 2 children died of hunger".
  var ownClause = false
  /// A list item, or a number right after "and".
  var listed = false
  /// The indicator of the whole the figure is a part of: "including 1,400", "seven of them".
  var whole: Indicator? = nil
  /// The other side of an exchange: "in exchange for 183".
  var exchange = false
  /// "A further 111", "another 38", "an additional 20": one more item after the figure
  /// before, here or in the sentence before.
  var continues = false
  /// "Hamas released 3 hostages and Israel 183 prisoners": a clause that leaves out the verb
  /// of the figure before, with a name of its own for its subject.
  var gapped = false
  /// "would free 10 living hostages and return 18 bodies": the figure's verb is joined by
  /// "and" to the noun phrase of the figure before, and so shares its subject and its plan.
  var joinedVerb = false
}

extension DocumentRun {
  // MARK: Links

  /// How figure `k` of the sentence stands to those before it. Where its own words leave them
  /// open, `q` takes the counted noun, group and the dead from the figure it continues.
  /// `wholes` holds the wholes of the figures before it.
  func links(
    of q: inout Quantity, at k: Int, in s: SentenceCues, coded: [CodedFigure], wholes: [Indicator?]
  ) -> FigureLinks {
    var l = FigureLinks()
    let prev: Quantity? = k > 0 ? s.quantities[k - 1] : nil
    l.coordinated = (prev.map { isCoordinated($0, q) } ?? false) && !endsBreakdown(at: k, s)
    // "returned the remains of nine hostages, and 19 are still held", "killed 40 people, and
    // 2 children died of hunger": after an item with a verb of its own before it, an item
    // whose noun phrase is followed by an auxiliary or a cue verb starts a clause of its own.
    // ("the remains of 23 Israeli and three foreign hostages have been handed over" is one
    // list with one verb.)
    // ("12 people returned to Gaza and five patients, each with two relatives, left for
    // Egypt": the verb may follow a companion aside.)
    let verbAt = companionAsideEnd(after: k, s) ?? q.phraseEnd
    l.ownClause =
      k > 0 && s.claims[k - 1] != nil && verbAt < s.range.upperBound
      && (view.flags(verbAt).contains(.auxiliary)
        || (!q.elliptical && s.cues.contains { $0.start == verbAt && $0.event != .ignore }))
    // ("received 50 bodies and 150 wounded": the wounded are no bodies.)
    let ownInjury = s.cues.contains { $0.start == q.spanEnd && $0.event == .injure }
    let before = q.spanStart - 1
    l.continues = view.moreOfWords(before: q.spanStart) > 0
    // ("50 patients crossed along with 61 companions, and another 37 were to follow": more of
    // those who travel after a companion aside are more of the travellers, found below.)
    if l.coordinated, let p = prev, !(p.noun == .bodies && ownInjury), !(l.continues && isCompanionAside(p)) {
      if p.dead && !l.ownClause && !q.alive { q.dead = true }
      if q.elliptical || q.noun == .unknown {
        q.noun = p.noun
        q.group = q.group ?? p.group
      }
    }
    // An elliptical count ("50 permitted to enter") counts what the figure before it counted.
    // Its group too when that figure is in the same sentence or it is a part of it ("injured
    // over 171,000"); otherwise the group is left to the indicator ("A further 38 failed ..."
    // counts people).
    if q.noun == .unknown {
      var antecedent = q.partitive ? partitiveAntecedent(q, k, s) : lastCounted(k, s.quantities)
      // ("... facilitated the release of the hostages in two groups, seven in the morning and
      // 13 a few hours later": people the sentence names before the number, with no figure
      // between, are nearer than an earlier sentence's figure.)
      if !q.partitive, antecedent.map({ !$0.1 }) ?? true, let named = peopleNamedBefore(q, k, s) {
        var a = Quantity(numberStart: named, numberEnd: named, spanStart: named, spanEnd: named, value: 0)
        if let info = view.info(named) { a.counts(info) }
        antecedent = (a, true)
      }
      // A share ("90 per cent of the population") or a fact-box value ("...: 78") counts
      // what its own words say, never the trucks or prisoners of an earlier sentence.
      // Nor does a number whose own verb only people undergo count trucks or convoys ("Some
      // 200 aid trucks entered ... At least 20 were killed").
      let peopleVerb = s.cues.contains { c in
        isVerb(c, of: k, s) && ![.enter, .exit, .returnTo, .bothWays, .denied].contains(c.event)
      }
      // Nor a total its own sentence names ("The strikes brought the number of dead to 300"
      // after a sentence about trucks).
      let namedTotal =
        view.isWord(q.spanStart - 1, w.to)
        && (max(s.range.lowerBound, q.spanStart - 12)..<q.spanStart).contains { j in
          view.isWord(j, w.number) || view.isWord(j, w.total) || view.isWord(j, w.toll)
        }
      // Nor what the number is said to measure ("organisers estimated the crowd at 100,000"
      // after a sentence about hostages; "the toll at 50" and "the number at" still borrow).
      let b = q.spanStart
      let measuredThing =
        b - 2 >= s.range.lowerBound && view.isWord(b - 1, w.at) && view.tokens[b - 2].kind == .word
        && view.nounClass(b - 2) == .unknown
        && view.flags(b - 3).contains(.determiner) && !view.isWord(b - 2, in: w.figureNouns) && !isTotalWord(b - 2)
      // Nor does a number its own cue counts as killed take the bodies of another sentence
      // ("Crews recovered 582 bodies. The death toll stands at 69,733": the toll counts the
      // dead, not bodies recovered).
      let ownKilling = s.cues.contains { c in
        c.event == .kill && c.end <= q.spanStart && !s.quantities[..<k].contains { $0.spanStart >= c.end }
      }
      if let (a, sameSentence) = antecedent,
        sameSentence || !(q.isRatio || view.isPunct(q.spanStart - 1, ":") || namedTotal || measuredThing),
        !(peopleVerb && (a.noun == .trucks || a.noun == .convoys)), !(ownInjury && a.noun == .bodies),
        !(ownKilling && !sameSentence && a.noun == .bodies)
      {
        q.noun = a.noun
        if sameSentence || q.partitive {
          q.group = q.group ?? a.group
          q.nationality = q.nationality ?? a.nationality
          // "the bodies of 15 Palestinians; 195 have been returned so far": the dead.
          if a.dead && !q.alive { q.dead = true }
        }
      }
    }
    // "the bodies of four more hostages ... Twenty others remain in Gaza": "others" are more
    // of what the figure before counted.
    // "killed 509 Palestinians and wounded more than 1,400 others": and are of the same group.
    if let n = q.nounToken, view.isWord(n, w.others), let (a, _) = lastCounted(k, s.quantities) {
      if ![.unknown, .people, .things].contains(a.noun) { q.noun = a.noun }
      if a.noun != .things, !a.groupFromPredicate, q.group == nil || q.group == .people, let g = a.group ?? a.nationality,
        g != .people
      {
        q.group = g
      }
    }
    // A list item or an "and" after a part is a part of the same whole ("Among them were 445
    // men detained in Gaza during the war and 151 people serving long sentences").
    l.listed = l.coordinated || view.isWord(q.spanStart - 1, w.and)
    // ("Of them, 97 were deported and 445 had been detained": every part after an opening
    // whole has the first part's whole, when one was found, not the number before it.)
    l.whole = (q.partOfOpening && k > 0 && s.quantities[0].partOfOpening ? wholes[0] : nil) ?? partOf(q, k, coded, s)
    if l.whole == nil, k > 0, l.listed { l.whole = wholes[k - 1] }
    l.exchange = s.claims[k].map { isExchange(s.cues[$0]) } ?? false
    if let p = prev, let c = s.claims[k], c < s.cues.count {
      let verb = s.cues[c].start
      l.joinedVerb = verb < q.spanStart && view.isWord(verb - 1, w.and) && verb - 1 == p.phraseEnd
    }
    l.gapped =
      k > 0 && s.claims[k - 1] != nil && view.isWord(before - 1, w.and) && view.tokens[before].kind == .word
      && view.tokens[before].flags.contains(.capitalized) && view.nounClass(before) == .unknown
      && !view.flags(before).contains(.nationality)
    return l
  }

  // MARK: The steps

  /// The indicator of figure `k` (`q`, linked by `links`), and whether it joined a release as
  /// a part told by how its people came to be held (it then shares the release's plan). A
  /// running total compared with the figure before takes that figure's rate (`q.per`).
  mutating func indicator(
    of q: inout Quantity, at k: Int, in s: SentenceCues, _ links: FigureLinks, coded: [CodedFigure]
  ) -> (indicator: Indicator, joinsRelease: Bool) {
    // "nine in ten of the strip's 2.1 million people had been forced from their homes": the
    // whole a share is taken of is a population, and the predicate is the share's.
    if k > 0, s.quantities[k - 1].isRatio, partOfNext(s.quantities[k - 1], k - 1, s) {
      // ("Children accounted for one in three of the 4,700 patients medically evacuated": when
      // the share is the object of "accounted for" or "made up", a participle right after the
      // whole's noun describes the whole, whatever follows; "Half of the 600 trucks entered"
      // is the share's verb.)
      let beforeShare = s.quantities[k - 1].spanStart - 1
      let shareIsObject = view.isWord(beforeShare, w.for_) || view.isWord(beforeShare, w.up)
      return (step1CueBefore(q, k, s) ?? describingParticiple(q, s, mainVerbAfter: !shareIsObject) ?? .other, false)
    }
    var indicator =
      wholeOfAPartReferringBack(q, k, s) ?? step0FrontedWholeReferringBack(q, k, s) ?? step1CueBefore(q, k, s)
      ?? step2SharedVerb(q, k, s, links) ?? step3Predicate(q, k, s) ?? step4ClausePredicate(q, k, s)
    // The end of step 4: a part of a release, or an item listed after one, told by how its
    // people came to be held ("Of the prisoners freed, 111 had been detained in Gaza", "free
    // 250 prisoners plus 1,700 Gazans detained after October 7"): released, like the whole.
    let previous = k > 0 ? coded.last?.indicator : output.last?.indicator
    // (An item whose verb comes after an auxiliary tells a state, not how its people came to
    // be held: "Hamas released 3 hostages, and 19 are still held".)
    let stateClause = links.ownClause && view.flags(q.phraseEnd).contains(.auxiliary)
    let release =
      links.whole ?? (links.listed && !stateClause ? coded.last?.indicator : links.continues ? previous : nil)
    var joinsRelease = false
    if let own = indicator, [.detained, .prisonersHeld, .hostagesHeld].contains(own),
      release == .prisonersReleased || release == .hostagesReleased
    {
      indicator = release
      joinsRelease = links.whole == nil
    }
    // "Eleven more people died of malnutrition ..., raising the total of such deaths to 300":
    // deaths "such" as those before are no killing when those were none.
    if indicator == .killed, let c = s.claims[k], s.cues[c].event == .kill, view.isWord(s.cues[c].start - 1, w.such),
      previous == .other
    {
      indicator = .other
    }
    // "147 people have died of malnutrition ... Nine of them died in the past 24 hours": a
    // part "of them" that only "died" died as its whole did (of hunger, or awaiting
    // evacuation), not by violence.
    if indicator == .killed, q.partitive, isPartOfThem(q),
      case let verb = pastAuxiliaries(from: q.phraseEnd, before: s.range.upperBound), verb < s.range.upperBound,
      ["died", "die", "dies", "dying"].contains(view.text(verb).lowercased()),
      let whole = k > 0 ? coded[k - 1].indicator : output.last?.indicator,
      whole == .other || whole == .diedAwaitingEvacuation
    {
      indicator = whole
    }
    // "1,092 patients died while waiting to be evacuated. Among the dead were 140 children":
    // the dead of an opening are the deaths the whole counted.
    if indicator == .killed, q.partOfOpening, let c = s.claims[k], s.cues[c].start < s.quantities[0].spanStart,
      let i = wholeBeforeSentence(q, k), output[i].indicator == .diedAwaitingEvacuation
    {
      indicator = .diedAwaitingEvacuation
    }
    if indicator == nil { indicator = step5Whole(&q, k, s, links, coded) }
    if indicator == nil { indicator = step6PreviousItem(q, k, links, s, coded) }
    // "The army said about 350,000 had fled. The UN's estimate was lower, at around 200,000":
    // another's estimate of the figure before, with no noun or cue of its own, is what it was
    // (before a cue to its left: "64 were refused exit, a figure officials put at closer to
    // 100").
    if indicator == nil, q.elliptical || q.noun == .unknown || q.noun == .people, let p = previous, p != .other,
      estimatesAnother(q, s)
    {
      indicator = p
    }
    if indicator == nil { indicator = step7CueLeft(q, k, s) }
    if indicator == nil { indicator = step8DescribingWords(q, k, s) }
    if indicator == nil { indicator = step9NearestCue(q, k, s) }
    // "Egypt let 118 people cross on Thursday. They included 45 foreign nationals and 38
    // students": parts after an opening that refers back, with no cue of their own, count
    // what the last figure before their sentence counted, when it is larger.
    if indicator == nil, q.partOfOpening, let i = wholeBeforeSentence(q, k) {
      let whole = output[i]
      if whole.indicator != .other, q.isRatio || (whole.value ?? 0) > q.value { indicator = whole.indicator }
    }
    // "Twelve children were flown to Jordan. A further 29 are expected next week": more of the
    // figure before, with no verb of its own, are what it was.
    // (Past a companion aside: "50 patients left along with 61 companions, and another 37
    // were expected to follow" are more patients.)
    if indicator == nil, links.continues,
      let p = k > 1 && isCompanionAside(s.quantities[k - 1]) ? coded[k - 2].indicator : previous, p != .other,
      hasNoVerb(after: q, s)
    {
      indicator = p
    }
    // "The ICRC took custody of four hostages ... The four have crossed into Israel": a
    // reference back with no cue that codes it is what the figure it names again was.
    if indicator == nil { indicator = referredIndicator(q) }
    if indicator == nil { indicator = step10NeighbourSentence(q, s) }
    var found = step11WhatTheNounImplies(indicator, q, k, s)
    // "Nasser Hospital received the bodies of 15 Palestinians returned by Israel": the dead a
    // hospital takes in from a handover told right after them are remains returned.
    if found == .killed, s.cues.contains(where: { $0.event == .hospital && $0.end <= q.spanStart }),
      let handover = s.cues.first(where: { c in
        (c.event == .returnTo || c.event == .release) && c.start >= q.phraseEnd && c.start <= q.phraseEnd + 1
      }),
      IndicatorRules.decide(handover.event, noun: q.noun, dead: q.dead, nationality: q.nationality, hints: s.hints)
        == .remainsReturned
    {
      found = .remainsReturned
    }
    // "Around 600 trucks a day have entered ..., while some 300,000 people have walked back to
    // the north": a return inside the Strip is no crossing, whatever verb it shares (the
    // people's own words may still code it: "displaced Palestinians have returned to northern
    // Gaza" are displaced).
    if found == .crossedIn, returnsInsideTheStrip(after: q, s) { found = .other }
    // "handed over in two groups, the first seven at around 8am and the remaining 13 a few
    // hours later": the rest of a release told in parts is released too, not held.
    if found == .hostagesHeld || found == .prisonersHeld, k > 0, view.isFormOfRemain(q.spanStart - 1),
      view.isWord(q.spanStart - 2, w.the), view.isWord(q.spanStart - 3, w.and),
      let last = coded.last?.indicator, last == .hostagesReleased || last == .prisonersReleased
    {
      found = last
    }
    // "Up to 450,000 people have fled Rafah ... The agency said roughly 100,000 had left in the
    // first two days": people who "left" no place named, right after displacement was told,
    // left where the displacement was, not Gaza.
    if found == .crossedOut, leavesNoPlace(q, s), let last = output.last, last.indicator == .displaced {
      found = .displaced
    }
    // "A further 33 are to be freed, eight of whom are dead": a dead part of a hostage figure
    // is left to its whole, as in "33 hostages ..., eight of whom are dead" (`decide`), also
    // when the whole names no hostages itself.
    if found == .killed, q.partitive, let p = previous, [.hostagesReleased, .hostagesHeld].contains(p),
      s.cues.contains(where: { c in
        c.event == .kill && c.start >= q.phraseEnd && c.start <= q.phraseEnd + 4 && view.flags(c.start).contains(.dead)
      })
    {
      // ("15 have been released, and eight of the remaining 18 are dead": the dead among the
      // hostages who remain are still held, whatever the figure before was.)
      let ofTheRemaining = view.afterOf(q.spanEnd).map { n in view.isFormOfRemain(n - 1) && view.isNumeral(n) } ?? false
      found = ofTheRemaining ? .hostagesHeld : p
    }
    // "16 people had died of malnutrition ..., bringing the toll since the war began to 197":
    // a total that deaths which are no killing raise counts such deaths.
    if found == .killed, k > 0, previous == .other, bringsTotal(to: q, after: s.quantities[k - 1]),
      s.cues.contains(where: { $0.event == .otherDeath && $0.end <= q.spanStart })
    {
      found = .other
    }
    // "More than 6,000 trucks loaded with aid are waiting in Egypt to enter Gaza": trucks that
    // wait, queue or are stuck have not entered, and fit no indicator.
    if found == .aidTrucks, waits(after: q, s) { found = .other }
    // "Egypt received 389 patients and companions": a total that mixes patients and their
    // companions is a crossing total, however it is told.
    if found == .medevacCompleted, q.patientsAndCompanions { return (.crossedOut, joinsRelease) }
    return (found, joinsRelease)
  }

  /// Whether a word of waiting ("waiting", "queued", "stuck", "stranded") comes within six
  /// words after `q`'s noun phrase, in its clause, with no verb of entering or leaving before
  /// it, and no word within ten of what happens once trucks are in ("waiting to be collected
  /// on the Gaza side", unloaded, distributed, picked up).
  private func waits(after q: Quantity, _ s: SentenceCues) -> Bool {
    let end = min(s.range.upperBound, q.phraseEnd + 6)
    var j = q.phraseEnd
    var waiting = false
    while j < min(s.range.upperBound, q.phraseEnd + 10), view.tokens[j].kind == .word {
      // ("waiting ... to enter": a verb of entering after the waiting is what they wait for.)
      if !waiting, s.cues.contains(where: { $0.start == j && [.enter, .exit, .bothWays].contains($0.event) }) {
        return false
      }
      let t = view.text(j).lowercased()
      if t.hasPrefix("collect") || t.hasPrefix("unload") || t.hasPrefix("distribut") || t == "picked" { return false }
      if j < end, t.hasPrefix("wait") || t.hasPrefix("queu") || t == "stuck" || t == "stranded" { waiting = true }
      j += 1
    }
    return waiting
  }

  /// Whether `q`, which names no people of its own ("100,000", "100,000 people"), "left" (or
  /// "fled") right after its noun phrase with no place after the verb: punctuation, the end or
  /// a time ("in the first two days") follows it.
  private func leavesNoPlace(_ q: Quantity, _ s: SentenceCues) -> Bool {
    guard q.noun == .unknown || q.noun == .people,
      let c = s.cues.first(where: { $0.event == .exit && $0.start >= q.phraseEnd && $0.start <= q.phraseEnd + 2 }),
      c.end == c.start + 1, view.text(c.start).lowercased() == "left" || view.text(c.start).lowercased() == "fled"
    else { return false }
    let next = c.end
    return next >= s.range.upperBound || view.tokens[next].kind == .punct || view.isWord(next, w.in_)
      || view.isWord(next, w.during) || view.isWord(next, w.over) || view.isWord(next, w.since)
  }

  /// Whether the predicate after `q` returns its people inside the Strip: "back" or a verb of
  /// return, then within three words a direction ("walked back to the north", "returned to
  /// northern Gaza"), before any punctuation.
  private func returnsInsideTheStrip(after q: Quantity, _ s: SentenceCues) -> Bool {
    var j = q.phraseEnd
    while j < min(s.range.upperBound, q.phraseEnd + 8), view.tokens[j].kind == .word {
      if view.isWord(j, w.back) || view.isWord(j, in: w.returns) {
        return (j + 1..<min(s.range.upperBound, j + 4)).contains { view.isWord($0, in: w.insideDirections) }
      }
      j += 1
    }
    return false
  }

  /// "250 had been serving sentences ... Some 154 of the 250 were expected to be sent into
  /// exile": the whole after a part's "of (the)" that names an earlier figure again takes its
  /// indicator; the predicate after it is the part's.
  private func wholeOfAPartReferringBack(_ q: Quantity, _ k: Int, _ s: SentenceCues) -> Indicator? {
    guard k > 0, view.afterOf(s.quantities[k - 1].spanEnd) == q.spanStart else { return nil }
    return referredIndicator(q)
  }

  /// 0. "Israel freed 369 prisoners. Of the 369, 333 had been detained in Gaza": a sentence
  /// that opens with a whole referring back to an earlier figure ("Of the 369," "Of the 369
  /// prisoners,", no cue of its own before the comma) names that figure again, and takes its
  /// indicator; the sentence's predicate is the part's.
  private func step0FrontedWholeReferringBack(_ q: Quantity, _ k: Int, _ s: SentenceCues) -> Indicator? {
    guard k == 0, q.spanStart - 2 == s.range.lowerBound, view.isWord(q.spanStart - 2, w.of),
      view.isPunct(q.phraseEnd, ","), !s.cues.contains(where: { $0.start >= q.spanStart && $0.start < q.phraseEnd })
    else { return nil }
    return referredIndicator(q)
  }

  /// The indicator of the earlier figure that `q` refers back to (`looksBack`: "the 369",
  /// "the three men"): the last figure of the same value in the five sentences before that
  /// counts what `q` counts, or anyone when `q` names only people. Nil if none, or if it is
  /// `other`.
  func referredIndicator(_ q: Quantity) -> Indicator? {
    guard looksBack(q) else { return nil }
    let anyone = q.noun == .unknown || q.noun == .people
    guard let i = recentFigure(within: 5, where: { p in p.value == q.value && (anyone || p.noun == q.noun) }),
      output[i].indicator != .other
    else { return nil }
    return output[i].indicator
  }

  /// 1. The cue right before the number: "killed at least 509", "in exchange for 183"; else
  /// a cue whose words wrap the number: "Egypt received 45 patients from Gaza", "leaving the
  /// remains of 24 others in Gaza".
  private func step1CueBefore(_ q: Quantity, _ k: Int, _ s: SentenceCues) -> Indicator? {
    if let c = s.claims[k], leavesBehind(s.cues[c], q) {
      return step3Predicate(q, k, s) ?? step4ClausePredicate(q, k, s) ?? .other
    }
    if let c = s.claims[k], !describes(s.cues[c], q), let found = decide(s.cues[c], for: q, s) { return found }
    for c in s.cues where c.start < q.spanStart && c.end > q.numberEnd {
      if let found = decide(c, for: q, s) { return found }
    }
    return nil
  }

  /// 2. A verb shared with the list item before: "return 20 hostages and the bodies of 28",
  /// also across a gapped clause: "Hamas released 3 hostages and Israel 183 prisoners";
  /// not by a part of it (in "released 90 prisoners, and 12 of them were deported" the 12
  /// have a predicate of their own), nor by a clause of its own ("and 19 are still held").
  private func step2SharedVerb(_ q: Quantity, _ k: Int, _ s: SentenceCues, _ l: FigureLinks) -> Indicator? {
    guard l.coordinated || l.gapped, !q.partitive, !l.ownClause, let c = s.claims[k - 1] else { return nil }
    // "took in 14 bodies and dozens of wounded": an item that names its people by a wound or
    // a death after "of" is what those words say (step 3).
    if view.isWord(q.spanEnd, w.of),
      s.cues.contains(where: { $0.start == q.spanEnd + 1 && ($0.event == .injure || $0.event == .kill) })
    {
      return nil
    }
    return decide(s.cues[c], for: q, s)
  }

  /// 3. The predicate after the noun phrase, up to the next number: "235 patients have been
  /// evacuated".
  /// A breakdown by age or nationality shares its whole's predicate as one of the whole's
  /// people: in "Fifty patients, among them 30 children, crossed into Egypt" the children are
  /// patients, evacuated like them (not people crossing out).
  private func step3Predicate(_ q: Quantity, _ k: Int, _ s: SentenceCues) -> Indicator? {
    guard k > 0, isBreakdown(q), [.unknown, .people, .children, .nationals].contains(q.noun) else {
      return predicate(after: k, for: q, s)
    }
    var asWhole = q
    asWhole.noun = s.quantities[k - 1].noun
    return predicate(after: k, for: asWhole, s)
  }

  /// The predicate after figure `i`'s noun phrase, up to the next number, for `q` (steps 3
  /// and 4). A specific event (a need, an evacuation, both directions) wins over a nearer
  /// death, injury or movement.
  private func predicate(after i: Int, for q: Quantity, _ s: SentenceCues) -> Indicator? {
    let p = s.quantities[i]
    let limit = i + 1 < s.quantities.count ? s.quantities[i + 1].spanStart : s.range.upperBound
    // Where the predicate may start: after the noun phrase, or past the dash that closes a
    // breakdown set off by dashes ("16,500 people - including 4,000 children - on a waiting
    // list").
    let phraseEnd =
      isBreakdown(p) && view.isPunct(p.spanStart - 2, "-") && view.isPunct(p.phraseEnd, "-") ? p.phraseEnd + 1 : p.phraseEnd
    var stop = view.clauseEnd(from: phraseEnd, limit: min(limit, phraseEnd + 15))
    // "300 injured people, the ministry said, adding that many remain under the rubble": the
    // speech verb that names a source ends the figure's clause ("according to" and "said to
    // be" do not).
    if let said = (phraseEnd..<max(phraseEnd, stop)).first(where: {
      view.flags($0).contains(.speech) && !view.isWord($0, w.according) && !view.isWord($0 + 1, w.to)
    }) {
      stop = said
    }
    // "16 people had died of malnutrition, 4 of them children, bringing the toll to 197": a
    // verb that raises a total after a comma opens the total's clause ("children brought out
    // on stretchers" is the children's verb).
    if let raising = (phraseEnd..<max(phraseEnd, stop)).first(where: raisesATotal) {
      stop = raising
    }
    var first: Indicator? = nil
    // A specific cue right after the noun phrase may be a participle that describes the
    // people: "about 70 prisoners freed in the exchanges had been exiled abroad". A specific
    // verb after an auxiliary is then the predicate.
    var participle: Indicator? = nil
    var describedAtPhraseEnd = false
    // "50 people a day who left during the war will be allowed back in": past a relative
    // clause that opens right after the noun phrase (or its rate), the next cue not joined to
    // the clause's own by "and", "or" or a comma is the figure's predicate (not a state,
    // "remain", which may say where the clause's people are).
    let who = (phraseEnd..<max(phraseEnd, min(stop, phraseEnd + 3))).first { j in
      view.isWord(j, w.who) && !view.tokens[j].flags.contains(.allCaps)
    }
    var firstStart = -1
    // A cue right after the noun phrase (or its auxiliary) is its verb even when the next
    // number claims it too: "5 patients left with 10 companions", "four soldiers were
    // exchanged for 200 prisoners".
    let verbStart = view.flags(phraseEnd).contains(.auxiliary) ? phraseEnd + 1 : phraseEnd
    for (ci, c) in s.cues.enumerated()
    where c.start >= phraseEnd && c.start < stop && (!s.claimed[ci] || c.start == phraseEnd || c.start == verbStart)
      && !inBreakdown(c)
    {
      // "67 people were killed in strikes that accompanied the operation": a cue of a relative
      // clause on another noun, after the figure's own verb, says nothing of its people.
      if first != nil, view.isWord(c.start - 1, w.that) || view.isWord(c.start - 1, w.which) { continue }
      guard let ind = decide(c, for: q, s) else { continue }
      // "1,800 Gazans detained during the war remain in Israeli prisons": after a cue right
      // after the noun phrase (a participle that describes the people), a verb that holds
      // ("remain", "remains") is the predicate.
      if c.event == .hold, c.start > phraseEnd, view.flags(c.start).contains(.auxiliary),
        participle != nil || describedAtPhraseEnd
      {
        return ind
      }
      // ("97 of those freed would be sent abroad": "be" too.)
      let afterAuxiliary =
        view.flags(c.start - 1).contains(.auxiliary) || view.isWord(c.start - 1, w.been) || view.isWord(c.start - 1, w.be)
      if participle != nil {
        // ("1,092 patients died ... while waiting to be evacuated": an infinitive completes
        // the participle's phrase; it is no verb of the people's.)
        let infinitive = view.isWord(c.start - 1, w.to) || (view.isWord(c.start - 1, w.be) && view.isWord(c.start - 2, w.to))
        if afterAuxiliary && c.event.isSpecific && !infinitive { return ind }
        continue
      }
      // "Some 21 wounded crossed into Egypt", "21 more wounded had crossed": the wounded named
      // right after the number (and "more") who then cross are patients, evacuated.
      let wounded = describedAtPhraseEnd || (firstStart == phraseEnd + 1 && view.isWord(phraseEnd, w.more))
      if wounded, first == .injured, c.event == .exit, view.text(c.start).lowercased().hasPrefix("cross"),
        c.start == firstStart + 1 || (c.start == firstStart + 2 && afterAuxiliary)
      {
        var patients = q
        patients.noun = .patients
        return decide(c, for: patients, s) ?? ind
      }
      // "All 20 living hostages held in Gaza were returned to Israel": after a participle
      // right after the noun phrase (not a verb of its own, "remain"), a verb after an
      // auxiliary is the predicate.
      if describedAtPhraseEnd, c.start > firstStart, afterAuxiliary, !view.flags(firstStart).contains(.auxiliary) {
        return ind
      }
      // "Thousands of people gathered in Ramallah to welcome the freed prisoners": a crowd
      // that gathers is the people's verb, whatever the clause then tells of others.
      if first == nil, c.event == .gather { return ind }
      if c.event.isSpecific {
        if c.start > phraseEnd { return ind }
        participle = ind
        continue
      }
      if first == nil {
        first = ind
        firstStart = c.start
        describedAtPhraseEnd = c.start == phraseEnd
      } else if let who, firstStart > who, c.start > firstStart, c.event != .hold, !view.isWord(c.start - 1, w.and),
        !view.isWord(c.start - 1, w.or), !view.isPunct(c.start - 1, ",")
      {
        return ind
      }
    }
    return participle ?? first
  }

  /// "The UN's estimate was lower, at around 200,000", "its count stood at 3,100", "The UN put
  /// the number at 190,000": a number after "at" in a clause whose subject or object is an
  /// estimate, a count or "the number" (within eight words).
  private func estimatesAnother(_ q: Quantity, _ s: SentenceCues) -> Bool {
    // "The UN counted fewer: 1,025 by its own tally": a number given by another's count.
    // (The figure may end its sentence, whose next sentence opens with "By": found by fuzzing.)
    if view.isWord(q.phraseEnd, w.by), q.phraseEnd < s.range.upperBound,
      (q.phraseEnd + 1..<min(s.range.upperBound, q.phraseEnd + 4)).contains(where: {
        view.isWord($0, in: w.figureNouns) || view.isWord($0, in: w.estimates)
      })
    {
      return true
    }
    guard view.isWord(q.spanStart - 1, w.at) else { return false }
    var j = q.spanStart - 2
    while j >= s.range.lowerBound, q.spanStart - j <= 8 {
      if view.isNumeral(j) { return false }
      if view.isWord(j, in: w.estimates) || view.isWord(j, in: w.figureNouns) || view.isWord(j, w.number) { return true }
      j -= 1
    }
    return false
  }

  /// "29 are expected next week", "30 more on Friday": whether `q`'s clause goes on with no
  /// verb of its own (past auxiliaries and a word of expectation, only a time phrase or the end).
  private func hasNoVerb(after q: Quantity, _ s: SentenceCues) -> Bool {
    let end = s.range.upperBound
    var p = pastAuxiliaries(from: q.phraseEnd, before: end)
    if p < end, view.flags(p).contains(.future), !view.isWord(p + 1, w.to) { p += 1 }
    // "Another 37 were expected to follow on Sunday", "more will follow": a verb that says
    // only that they do as those before did is none of their own.
    if p + 2 < end, view.flags(p).contains(.future), view.isWord(p + 1, w.to), view.isWord(p + 2, in: w.follows) {
      p += 2
    }
    if p < end, view.isWord(p, in: w.follows) { p += 1 }
    return p >= end || view.tokens[p].kind == .punct || view.isWord(p, w.next) || view.isWord(p, w.on)
      || view.isWord(p, w.in_) || view.isWord(p, w.this) || view.isWord(p, w.later) || view.isWord(p, w.by)
  }

  /// "400 Palestinians, including the wounded, would be allowed to leave": a cue in a
  /// breakdown without a number describes part of the people; it is no predicate.
  private func inBreakdown(_ c: CueMatch) -> Bool {
    var k = c.start - 1
    if view.flags(k).contains(.determiner) { k -= 1 }
    return view.isWord(k, w.including) || (view.isWord(k, w.them) && view.isWord(k - 1, w.among))
  }

  /// 4. The predicate after a breakdown or a companion set inside the figure's clause
  /// ("Eighteen patients, among them nine children, were evacuated", "120 sick and wounded
  /// people, along with 150 relatives, left Gaza"), or the one a list shares ("19 patients
  /// and 28 companions crossed into Egypt").
  private func step4ClausePredicate(_ q: Quantity, _ k: Int, _ s: SentenceCues) -> Indicator? {
    let qs = s.quantities
    if k + 1 < qs.count,
      isBreakdown(qs[k + 1]) || isAccompanying(qs[k + 1]) || companionsAfter(k, s) || partOfNext(q, k, s)
        || companionAsideEnd(after: k, s) != nil,
      let found = predicate(after: k + 1, for: q, s)
    {
      return found
    }
    let last = lastListItem(from: k, s)
    // ("received at least 50 bodies and 150 wounded": a cue right after a last item with no
    // noun of its own is what that item counts, not a verb the list shares.)
    let lastItem = s.quantities[last]
    if last > k, lastItem.elliptical, s.cues.contains(where: { $0.start == lastItem.phraseEnd && $0.start == lastItem.spanEnd }) {
      return nil
    }
    return last > k ? predicate(after: last, for: q, s) : nil
  }

  /// 5. The whole a part belongs to: a part described by a cue of its own words first ("about
  /// 50 of the freed prisoners"), then the whole's indicator ("including 1,400", "73 of
  /// these", "seven of them"); then a running total the figure before raises ("evacuated 22
  /// patients on Saturday, bringing the total since the ceasefire to 175") or the earlier
  /// value it is compared with ("45 a day last week, down from 60").
  private func step5Whole(
    _ q: inout Quantity, _ k: Int, _ s: SentenceCues, _ l: FigureLinks, _ coded: [CodedFigure]
  ) -> Indicator? {
    if q.partitive {
      for c in s.cues where c.start >= q.numberEnd && c.end <= q.phraseEnd {
        if let ind = decide(c, for: q, s) { return ind }
      }
    }
    // "Italy received 31 children for medical treatment, along with 90 family members": the
    // people travelling with evacuated patients are their companions.
    // Foreigners and others who travel for reasons of their own share the verb, read for their
    // noun: "76 wounded Palestinians crossed along with 335 foreign passport holders".
    if isAccompanying(q), k > 0, coded[k - 1].indicator == .medevacCompleted {
      if [.unknown, .people, .companions, .children].contains(q.noun) { return .medevacCompanions }
      if let own = predicate(after: k - 1, for: q, s) { return own }
    }
    if let a = l.whole {
      // "the handover of 33 captives, eight of them dead": the dead part is remains.
      if q.dead && (a == .hostagesReleased || a == .prisonersReleased) { return .remainsReturned }
      // "the exit of 1,340 people, including 520 patients": the patients and companions of a
      // crossing total are evacuated (codebook section 4, `crossed_out`).
      if a == .crossedOut, q.noun == .patients { return .medevacCompleted }
      if a == .crossedOut, q.noun == .companions { return .medevacCompanions }
      return a
    }
    guard k > 0, coded[k - 1].indicator != .other else { return nil }
    let compared = comparedWith(q)
    let raising = compared ? nil : raisingWord(of: q, after: s.quantities[k - 1])
    guard compared || raising != nil else { return nil }
    if q.per == nil, compared { q.per = s.quantities[k - 1].per }
    // "arrested 30 people, bringing the number held without charge to more than 2,800": a cue
    // among the total's own words says what it counts.
    if let r = raising, let c = s.cues.first(where: { $0.start > r && $0.end <= q.spanStart }) {
      if let own = decide(c, for: q, s) { return own }
      // ("152 bodies had been recovered ..., raising the death toll to 47,283": a toll counts
      // the dead, whatever noun the total borrowed from the figure that raises it.)
      if c.event == .kill, q.elliptical || q.noun == .bodies {
        var dead = q
        dead.noun = .unknown
        dead.dead = false
        if let own = decide(c, for: dead, s) { return own }
      }
    }
    // "214 patients and 301 companions left, bringing the total to 388 patients" (or "the
    // number of children ... to 130"): the total of the item that counts what it names.
    if q.noun != .unknown, s.quantities[k - 1].noun != q.noun,
      let j = (0..<(k - 1)).last(where: { s.quantities[$0].noun == q.noun }), coded[j].indicator != .other
    {
      return coded[j].indicator
    }
    return coded[k - 1].indicator
  }

  /// 6. The list item before: "1,400 Israeli civilians and soldiers and 32 Americans"; or
  /// the dead after remains handed over: "four coffins, which held the bodies of Shiri Bibas
  /// and her two young sons".
  /// An item whose own words describe it takes them first: "hospitals received 81 bodies and
  /// 300 injured people". A bare number after "and" with no cue of its own is an item too:
  /// "Among those released were 18 serving life sentences and 54 serving long sentences".
  private func step6PreviousItem(
    _ q: Quantity, _ k: Int, _ l: FigureLinks, _ s: SentenceCues, _ coded: [CodedFigure]
  ) -> Indicator? {
    // "..., and at least 17,000 have been separated from their parents": an item with a
    // participle of its own after an auxiliary is no item of the list before.
    let item = (l.coordinated || (l.listed && q.elliptical)) && !hasParticiple(after: q, s)
    guard item || q.dead, let last = coded.last, last.indicator != .other,
      item || last.indicator == .remainsReturned
    else { return nil }
    // "25 patients and 60 staff had remained": what the item before implies by its noun alone
    // (patients in need) says nothing of another noun.
    let before = figures[figures.count - 1].quantity
    if item, before.noun != q.noun, last.indicator == IndicatorRules.defaultIndicator(for: before.noun) {
      return nil
    }
    if l.coordinated, let own = step8DescribingWords(q, k, s) { return own }
    // ("has received ..., about 1,500 patients and 2,400 companions": the companions of
    // evacuated patients travelled with them.)
    if item, last.indicator == .medevacCompleted, q.noun == .companions { return .medevacCompanions }
    return last.indicator
  }

  /// Whether `q`'s noun phrase is followed by an auxiliary and a participle ("17,000 have been
  /// separated"; one that is a cue has coded the figure in an earlier step), a predicate of
  /// its own; not a noun ("12 were children") or a preposition ("12 were among the dead").
  private func hasParticiple(after q: Quantity, _ s: SentenceCues) -> Bool {
    let p = pastAuxiliaries(from: q.phraseEnd, before: s.range.upperBound)
    guard p > q.phraseEnd, p < s.range.upperBound, view.tokens[p].kind == .word, view.nounClass(p) == .unknown
    else { return false }
    // After "have", "has" or "had" any verb is a participle ("about 39,000 have lost one or
    // both parents", "have become orphans").
    let perfect = (q.phraseEnd..<p).contains { view.isWord($0, w.have) || view.isWord($0, w.has) || view.isWord($0, w.had) }
    if perfect, !view.flags(p).contains(.glue), !view.flags(p).contains(.determiner) { return true }
    let text = view.text(p).lowercased()
    return text.count > 3 && (text.hasSuffix("ed") || text.hasSuffix("en"))
  }

  /// 7. Cues further left in the clause: "have killed ... 509"; not the verb of an earlier
  /// figure ("4,000 aid trucks entered Gaza ..., while earlier this week tens of thousands of
  /// displaced people walked north").
  private func step7CueLeft(_ q: Quantity, _ k: Int, _ s: SentenceCues) -> Indicator? {
    let from = k > 0 ? s.quantities[k - 1].numberEnd : s.range.lowerBound
    for (ci, c) in s.cues.enumerated().reversed()
    where c.end <= q.spanStart && c.start >= from && !s.claimed[ci]
      && !(0..<k).contains(where: { isVerb(c, of: $0, s) })
    {
      if let ind = decide(c, for: q, s) { return ind }
    }
    return nil
  }

  /// "leaving tens of thousands of Palestinians waiting to return": "leave" with the people as
  /// its object, right after it, leaves them behind; they do not leave (they do in "50
  /// patients leaving Gaza", and "5 patients left with 10 companions" take the companions
  /// along). Such people count what their own predicate says, or nothing.
  private func leavesBehind(_ c: CueMatch, _ q: Quantity) -> Bool {
    c.event == .exit && c.end - c.start == 1 && view.isWord(c.start, in: w.leaveForms) && c.end == q.spanStart
  }

  /// "the remaining 59 hostages": a cue after a determiner, right before the number, is an
  /// adjective that describes the people (step 8), not the verb of step 1 ("the handover of
  /// 33 captives" names the event).
  private func describes(_ c: CueMatch, _ q: Quantity) -> Bool {
    c.end == q.spanStart && view.flags(c.start - 1).contains(.determiner)
  }

  /// 8. Words describing the counted people: "two remaining hostages", "the remaining 59
  /// hostages would be freed" (after its predicate, step 3, found no release).
  private func step8DescribingWords(_ q: Quantity, _ k: Int, _ s: SentenceCues) -> Indicator? {
    if let c = s.claims[k], describes(s.cues[c], q), let found = decide(s.cues[c], for: q, s) { return found }
    for c in s.cues where c.start >= q.numberEnd && c.end <= q.phraseEnd {
      if c.event == .kill, view.flags(c.start).contains(.dead) { continue }
      if let ind = decide(c, for: q, s) { return ind }
    }
    return nil
  }

  /// 9. Any cue of the sentence no number claims, nearest first; not the verb of a later
  /// figure ("96 prisoners were taken to Ramallah and 154 were deported": the 96 were not).
  /// An earlier figure's verb may serve a clause that leaves it out ("20 people were killed
  /// in Rafah and 15 in Khan Younis").
  private func step9NearestCue(_ q: Quantity, _ k: Int, _ s: SentenceCues) -> Indicator? {
    let center = q.spanStart
    // A figure with a verb of its own ("95 medical staff and 10 patients remained inside")
    // leaves an earlier figure's verb ("five patients died") to it.
    // ("some 80 patients, including six in intensive care, remained inside": past a breakdown.)
    var verbAt = s.quantities[lastListItem(from: k, s)].phraseEnd
    // (The noun phrase may end past the sentence: found by fuzzing.)
    if verbAt + 1 < s.range.upperBound, view.isPunct(verbAt, ","),
      view.isWord(verbAt + 1, w.including) || view.isWord(verbAt + 1, w.among),
      let close = (verbAt + 1..<s.range.upperBound).first(where: { view.isPunct($0, ",") })
    {
      verbAt = close + 1
    }
    let ownVerb = view.flags(verbAt).contains(.auxiliary)
    let ordered = s.cues.indices.filter { ci in
      !s.claimed[ci]
        && !(k + 1..<s.quantities.count).contains(where: {
          isVerb(s.cues[ci], of: $0, s) && !($0 == k + 1 && partOfNext(q, k, s))
        })
        && !(ownVerb && (0..<k).contains(where: { isVerb(s.cues[ci], of: $0, s) }))
    }.sorted {
      abs(s.cues[$0].start - center) < abs(s.cues[$1].start - center)
    }
    // "Hundreds of thousands remain in the city, which the army has ordered evacuated": a
    // relative clause on a thing or a place after the figure says nothing of its people.
    let relative = (min(q.phraseEnd, s.range.upperBound)..<s.range.upperBound).first {
      view.isPunct($0, ",") && (view.isWord($0 + 1, w.which) || view.isWord($0 + 1, w.where_))
    }
    // "at least 38 people were killed, ..., while the UN said 91 per cent faced crisis levels
    // of food insecurity": nor does a cue across a comma and a word that opens a clause with
    // a subject of its own, when the figure has a predicate there ("while the UN put the
    // figure at about 330,000", which ends its clause, counts what the clause before counted).
    let ownPredicate = q.phraseEnd < s.range.upperBound && view.tokens[q.phraseEnd].kind == .word
    func acrossClause(_ c: CueMatch) -> Bool {
      guard ownPredicate else { return false }
      // (A cue whose words wrap the number is in its clause.)
      let between: Range<Int>
      if c.end <= q.spanStart {
        between = c.end..<q.spanStart
      } else if c.start >= q.spanEnd {
        between = q.spanEnd..<c.start
      } else {
        return false
      }
      return between.contains { view.opensClause(at: $0, w.clauseOpeners) }
    }
    // ("16 died of malnutrition, 4 of them children, bringing the toll to 197": nor a cue in
    // the clause of a total raised after the figure.)
    func inRaisedTotal(_ c: CueMatch) -> Bool {
      c.start >= q.spanEnd && (q.spanEnd..<c.start).contains(where: raisesATotal)
    }
    for ci in ordered
    where !(s.cues[ci].start >= q.numberEnd && s.cues[ci].end <= q.phraseEnd)
      && !(relative.map { s.cues[ci].start > $0 } ?? false) && !acrossClause(s.cues[ci]) && !inRaisedTotal(s.cues[ci])
    {
      if let ind = decide(s.cues[ci], for: q, s) { return ind }
    }
    return nil
  }

  /// 10. The next sentence, then the one before: "... 32 Palestinians from Ofer prison reached
  /// Ramallah. Among those released ...". Only for prisoners, hostages and bodies, whose
  /// release, detention or return a report often tells in the next sentence; other nouns are
  /// too loose to follow.
  private mutating func step10NeighbourSentence(_ q: Quantity, _ s: SentenceCues) -> Indicator? {
    guard [.prisoners, .hostages, .bodies].contains(q.noun) else { return nil }
    for other in [s.index + 1, s.index - 1] where other >= 0 && other < sentences.count {
      for c in cues(of: other) where [.release, .hold, .abduct, .returnTo, .deport, .exit, .enter].contains(c.event) {
        if let ind = decide(c, for: q, s) { return ind }
      }
    }
    return nil
  }

  /// 11. Patients travelling with companions have left ("the 50 patients, who were
  /// accompanied by 61 relatives"); otherwise what the counted noun implies on its own:
  /// patients in need, aid trucks. Last, the released side of an exchange whose other side is
  /// prisoners is hostages: "Dozens were freed ... in exchange for 240 Palestinian prisoners".
  private func step11WhatTheNounImplies(_ found: Indicator?, _ q: Quantity, _ k: Int, _ s: SentenceCues) -> Indicator {
    var indicator = found
    if indicator == nil, q.noun == .patients, s.cues.contains(where: { $0.event == .accompany }) {
      indicator = .medevacCompleted
    }
    // "airlifted 29 children with cancer and their 34 companions": companions with no verb
    // of their own travel with the evacuated patients counted before them in the sentence.
    if indicator == nil, q.noun == .companions, k > 0, output.last?.indicator == .medevacCompleted {
      indicator = .medevacCompanions
    }
    if indicator == nil { indicator = IndicatorRules.defaultIndicator(for: q.noun) }
    // "Hamas freed three hostages ... The three men were taken to hospital": a reference back
    // that nothing else codes counts what the figure it repeats counted.
    if indicator == nil { indicator = referredIndicator(q) }
    let qs = s.quantities
    if indicator == .prisonersReleased, q.noun != .prisoners, q.nationality != .palestinians,
      k + 1 < qs.count, let c = s.claims[k + 1], isExchange(s.cues[c]),
      qs[k + 1].noun == .prisoners || qs[k + 1].nationality == .palestinians
    {
      indicator = .hostagesReleased
    }
    return indicator ?? .other
  }

  /// A participle that describes the people of `q`, right after its noun phrase (past
  /// adverbs) and before the clause's own verb: "a third of the 116 hostages still held in
  /// Gaza are dead". ("Half of the 600 trucks entered on Monday": with no verb after it, the
  /// cue is the clause's verb, which is the share's.)
  private func describingParticiple(_ q: Quantity, _ s: SentenceCues, mainVerbAfter: Bool = true) -> Indicator? {
    var p = q.phraseEnd
    while p < s.range.upperBound, view.flags(p).contains(.adverb) { p += 1 }
    guard p < s.range.upperBound, !view.flags(p).contains(.auxiliary),
      let c = s.cues.first(where: { $0.start >= q.phraseEnd && $0.start <= p })
    else { return nil }
    let end = view.clauseEnd(from: c.end, limit: min(s.range.upperBound, c.end + 12))
    guard !mainVerbAfter || (c.end..<max(c.end, end)).contains(where: { view.flags($0).contains(.auxiliary) })
    else { return nil }
    return decide(c, for: q, s)
  }

  /// Whether token `j` opens a clause that raises a total: ", bringing", ", raising".
  private func raisesATotal(_ j: Int) -> Bool {
    view.flags(j).contains(.raising) && view.isPunct(j - 1, ",")
  }

  /// "eight of the 33 are dead": figure `k`'s phrase runs into the next number, whose
  /// predicate is its own.
  private func partOfNext(_ q: Quantity, _ k: Int, _ s: SentenceCues) -> Bool {
    guard k + 1 < s.quantities.count else { return false }
    let next = s.quantities[k + 1].spanStart
    // ("roughly 90% of Gaza's population of about 2.1 million": a share of a population
    // whose size follows it.)
    return q.phraseEnd == next || (q.isRatio && q.phraseEnd + 1 == next && view.isWord(q.phraseEnd, w.of))
  }

  /// Whether cue `c` is the verb of figure `j`: right after its noun phrase, past auxiliaries
  /// and adverbs ("154 were deported", "25 bakeries have also closed") and verbs that pass a
  /// state on ("21 of whom were declared dead", "are believed to be dead").
  private func isVerb(_ c: CueMatch, of j: Int, _ s: SentenceCues) -> Bool {
    // ("three people, including a baby, died": past a breakdown without a number.)
    var from = s.quantities[j].phraseEnd
    if from + 1 < c.start, view.isPunct(from, ","), view.isWord(from + 1, w.including),
      let close = (from + 1..<c.start).first(where: { view.isPunct($0, ",") }),
      !(from + 1..<close).contains(where: { view.tokens[$0].kind == .number })
    {
      from = close + 1
    }
    // ("and 100 who will be deported": the verb of a relative clause on the figure is its own.)
    if view.isWord(from, w.who) { from += 1 }
    return pastAuxiliaries(from: from, before: c.start, passingStates: true) == c.start
  }

  /// The first token from `start` on (before `limit`) that is not an auxiliary, an adverb,
  /// "be" or "been"; with `passingStates`, after the first of those also not a verb that
  /// passes a state on, or "to" ("were declared dead", "are believed to be").
  private func pastAuxiliaries(from start: Int, before limit: Int, passingStates: Bool = false) -> Int {
    var p = start
    while p < limit, view.flags(p).contains(.auxiliary) || view.flags(p).contains(.adverb)
      || view.isWord(p, w.been) || view.isWord(p, w.be)
      || (passingStates && p > start && (view.isWord(p, in: w.statusVerbs) || view.isWord(p, w.to)))
    {
      p += 1
    }
    return p
  }

  /// The indicator cue `c` gives the figure `q`, by its event and what `q` counts.
  private func decide(_ c: CueMatch, for q: Quantity, _ s: SentenceCues) -> Indicator? {
    // "dead" and "deceased" describe hostages who are still held, rather than report a
    // killing: "eight of the 33 are dead" are held; a dead part of a figure before ("35 of
    // whom are believed dead", "33 captives, eight of them dead") is left to its whole.
    if c.event == .kill, q.noun == .hostages, view.flags(c.start).contains(.dead) {
      return q.partitive ? nil : .hostagesHeld
    }
    // "about 39,000 have lost one or both parents": what the people lost is no death of theirs
    // (a body that "lost 12 staff" lost the people after the verb).
    if c.event == .lose, c.start >= q.spanEnd { return nil }
    // "took in another 14 bodies and dozens of wounded": bodies named as such are not the
    // wounded (a number that borrows "bodies" from a figure before may be).
    if c.event == .injure, q.noun == .bodies, !q.elliptical, let noun = q.nounToken, noun >= q.spanEnd,
      noun < q.phraseEnd
    {
      return nil
    }
    // "The three hostages, all men, had been held for 491 days": a captivity told in the past
    // perfect after the people has ended; the noun, or the figure they refer back to, codes
    // them ("the three" freed before are released).
    if c.event == .hold, c.start >= q.phraseEnd, view.isWord(c.start - 1, w.been), view.isWord(c.start - 2, w.had) {
      return nil
    }
    // "35 patients, some accompanied by relatives": people accompanied by others after them
    // are not the companions; patients accompanied are the evacuated, others are left to the
    // rest of the sentence ("45 foreign nationals, 38 students and 35 patients, some
    // accompanied by relatives" are no companions either).
    if c.event == .accompany, c.start >= q.spanEnd, view.isWord(c.end, w.by) {
      return q.noun == .patients ? .medevacCompleted : nil
    }
    // "a bus carrying 25 patients and their escorts": a word for companions used as a noun
    // names them; it is no verb of accompanying.
    if c.event == .accompany, view.nounClass(c.start) == .companions { return nil }
    // "400,000 residents remained cut off from aid": people named as such (not captives, and
    // not a number that borrows its noun: "about 100 remain in Gaza") who remain somewhere are
    // held only where the clause says captives are ("remain in Israeli prisons").
    if c.event == .hold, [.people, .children, .patients].contains(q.noun), !q.elliptical,
      let noun = q.nounToken, noun >= q.spanEnd, noun < q.phraseEnd,
      view.isFormOfRemain(c.start),
      !(c.end..<min(s.range.upperBound, c.end + 6)).contains(where: { view.isWord($0, in: w.captivity) })
    {
      return nil
    }
    // "Hospitals received the bodies of nine people recovered from the rubble": bodies said to
    // have been recovered are recoveries, wherever they were taken.
    if c.event == .hospital,
      s.cues.contains(where: { $0.event == .recover && $0.start >= q.phraseEnd && $0.start <= q.phraseEnd + 1 })
    {
      return .bodiesRecovered
    }
    // "Two of the released hostages needed hospital treatment": freed captives named as such
    // are treated in Israel; no one evacuates them from Gaza for it.
    if c.event == .needMedevac, q.noun == .hostages, !q.elliptical, let n = q.nounToken, n >= q.spanEnd, n < q.phraseEnd {
      return .other
    }
    // "the daily cap of 50 returnees": people named as returning cross into Gaza, whatever
    // the cue of a crossing says of its direction.
    if c.event == .exit, let n = q.nounToken, view.text(n).lowercased().hasPrefix("returnee") { return .crossedIn }
    // "A plane carrying 17 children in need of treatment landed in Rome": a need told right
    // after the noun phrase with no verb of its own ("in need", "needing", "requiring")
    // describes the people an evacuation in the same sentence moves; that evacuation says
    // what they are.
    // (So for a list item after it: "carrying 18 children in need of treatment and 35 family
    // members".)
    if c.event == .needMedevac, describesNeed(c),
      c.start == q.phraseEnd || s.quantities.contains(where: { $0.phraseEnd == c.start && $0.spanStart < q.spanStart }),
      s.cues.contains(where: { e in
        // (Not the need's own object: "in need of evacuation".)
        e.event == .evacuate && (e.start >= c.end + 2 || e.end <= q.spanStart) && !view.text(e.start).hasSuffix("ion")
          && !view.text(e.start).hasSuffix("ions")
      })
    {
      return nil
    }
    var found = IndicatorRules.decide(c.event, noun: q.noun, dead: q.dead, nationality: q.nationality, hints: s.hints)
    // "Around 7,000 foreigners are waiting to leave": foreigners waiting to go home are no
    // patients (those who "need medical evacuation" are).
    if c.event == .needMedevac, q.noun == .foreigners, !(c.start..<c.end).contains(where: isTreatmentWord) {
      return .other
    }
    // "Some 12,000 people have registered to leave, including 1,200 students": a wish to leave
    // is a need for medical evacuation only when the sentence speaks of treatment ("20,000
    // people have asked to leave for treatment").
    if c.event == .wishToLeave, found == .other, speaksOfTreatment(s) { found = .medevacNeeded }
    // "Tens of thousands walked north ... after Israel allowed them to return": a movement
    // told as a return home is no displacement (and no crossing: it fits no indicator).
    if found == .displaced, view.isWord(c.end - 1, in: w.directions),
      s.range.contains(where: { view.isWord($0, in: w.returns) })
    {
      found = .other
    }
    // "Jordan has flown 17 children with cancer out of Gaza for treatment": people who leave
    // for treatment are evacuated patients (codebook section 4, `medevac_completed`).
    if found == .crossedOut, [.people, .children, .unknown].contains(q.noun), leavesForTreatment(after: c, s) {
      found = .medevacCompleted
    }
    // "Hamas is to free 20 more women and children, and Israel 60 Palestinian prisoners": when
    // the noun does not say who they are, the side that releases does.
    if c.event == .release, q.nationality == nil, !q.dead, [.unknown, .people, .children].contains(q.noun),
      let side = releasingSide(before: c, s)
    {
      found = side
    } else if c.event == .release, q.nationality == nil, !q.dead, !q.partitive, !q.elliptical,
      q.noun == .people || q.noun == .children, let other = otherSideOfExchange(q, s)
    {
      // "Three men were freed on Saturday, and 183 prisoners were released": people no word
      // assigns to a side, released beside a count of the other side told by its own noun,
      // are this side (the sentence's word for prisoners is that figure's, not theirs).
      found = other
    }
    // "The remains of the last two hostages have still not been returned": a release denied
    // leaves its people held; "12,000 patients ... have not been evacuated" still need it.
    if let found, [.hostagesReleased, .remainsReturned, .prisonersReleased, .medevacCompleted].contains(found),
      (max(s.range.lowerBound, c.start - 3)..<max(s.range.lowerBound, c.start)).contains(where: {
        view.isWord($0, w.not) || view.isWord($0, w.never)
      })
    {
      if found == .medevacCompleted { return .medevacNeeded }
      if q.noun == .hostages { return .hostagesHeld }
      return found == .prisonersReleased ? .prisonersHeld : nil
    }
    return found
  }

  /// The side of an exchange that `q` (people of no side) is on, when another figure of the
  /// sentence counts prisoners or hostages by that noun and every word of the sentence that
  /// hints at a side lies in such a figure's noun phrase: hostages beside prisoners, prisoners
  /// beside hostages. Nil when `q` is part of that figure ("183 prisoners, including 18 men")
  /// or the sentence names a side elsewhere ("freed from prison").
  private func otherSideOfExchange(_ q: Quantity, _ s: SentenceCues) -> Indicator? {
    var side: Indicator? = nil
    var phrases: [Range<Int>] = []
    for other in s.quantities where other.spanStart != q.spanStart {
      guard other.noun == .prisoners || other.noun == .hostages, !other.dead else { continue }
      let mine: Indicator = other.noun == .prisoners ? .hostagesReleased : .prisonersReleased
      if side != nil && side != mine { return nil }
      // (A part told after its whole: "183 prisoners, including 18 men".)
      if other.spanStart < q.spanStart, q.spanStart - other.phraseEnd <= 2 { return nil }
      side = mine
      phrases.append(other.spanStart..<other.phraseEnd)
    }
    guard let side else { return nil }
    for j in s.range where !view.flags(j).isDisjoint(with: [.prisonerHint, .hostageHint]) {
      if !phrases.contains(where: { $0.contains(j) }) { return nil }
    }
    return side
  }

  /// Whether a need cue is a description, not a verb: "in need of", "needing", "requiring".
  private func describesNeed(_ c: CueMatch) -> Bool {
    if view.isWord(c.start, w.in_) { return true }
    let t = view.text(c.start).lowercased()
    return t == "needing" || t == "requiring"
  }

  /// Whether the sentence speaks of medical treatment or evacuation, or of the sick, or a
  /// health body speaks ("WHO chief Tedros said up to 14,000 people still needed to leave").
  private func speaksOfTreatment(_ s: SentenceCues) -> Bool {
    s.range.contains { j in
      guard view.tokens[j].kind == .word else { return false }
      if isTreatmentWord(j) || view.flags(j).contains(.medical) || view.nounClass(j) == .patients { return true }
      let t = view.text(j)
      return t == "WHO" || t.lowercased() == "health"
    }
  }

  /// Whether "for" and a word of treatment follow a cue of leaving within its clause ("left
  /// for treatment", "flown out of Gaza for medical care").
  private func leavesForTreatment(after c: CueMatch, _ s: SentenceCues) -> Bool {
    let end = view.clauseEnd(from: c.end, limit: min(s.range.upperBound, c.end + 10))
    return (c.end..<max(c.end, end)).contains { j in
      // ("for treatment", "for urgent treatment")
      view.isWord(j, w.for_)
        && (j + 1..<min(j + 3, s.range.upperBound)).contains { view.tokens[$0].kind == .word && isTreatmentWord($0) }
    }
  }

  /// Whether word `j` names medical treatment or evacuation: "evacuation", "treatment",
  /// "medical", "care", "surgery", "hospital".
  private func isTreatmentWord(_ j: Int) -> Bool {
    let t = view.text(j).lowercased()
    return t.hasPrefix("evacuat") || t.hasPrefix("treat") || t.hasPrefix("medic") || t == "care" || t == "surgery"
      || t.hasPrefix("hospital")
  }

  /// The side named right before a release verb (up to four words back, within its clause),
  /// or right after it as the agent ("released by Israel"): Hamas, Islamic Jihad or militants
  /// free hostages, Israel frees prisoners.
  private func releasingSide(before c: CueMatch, _ s: SentenceCues) -> Indicator? {
    func side(named j: Int) -> Indicator? {
      switch view.text(j) {
      case "Hamas", "Jihad", "militants", "captors": return .hostagesReleased
      case "Israel": return .prisonersReleased
      default: return nil
      }
    }
    var j = c.start - 1
    while j >= s.range.lowerBound, c.start - j <= 4, view.tokens[j].kind == .word, !view.isNumber(j) {
      if let found = side(named: j) { return found }
      j -= 1
    }
    // The agent of a passive release: "90 women and children were released by Israel".
    if view.isWord(c.end, w.by), c.end + 1 < s.range.upperBound { return side(named: c.end + 1) }
    return nil
  }

  /// "37 children were among the 50 patients": a part of the number after it, coded like it
  /// when its own words code nothing. `first` is the sentence's first figure in `output`.
  /// ("Eight medics and six civil defence workers were among 15 emergency workers killed": a
  /// list item joined to such a part is a part too.)
  mutating func codeAmongParts(_ qs: [Quantity], first: Int) {
    var partAfter = false
    for k in stride(from: qs.count - 2, through: 0, by: -1) {
      let part =
        output[first + k].indicator == .other
        && (isAmong(qs[k], qs[k + 1]) || (partAfter && isCoordinated(qs[k], qs[k + 1])))
      if part { output[first + k].indicator = output[first + k + 1].indicator }
      partAfter = part
    }
  }

  /// "1,120 people went through Rafah: 470 left Gaza and 650 came back": a total whose parts
  /// after a colon go both ways, none larger than it, counts movements in both directions
  /// (`crossings`, codebook section 4) rather than one of them, or nothing.
  mutating func codeTwoWayTotals(_ qs: [Quantity], first: Int) {
    let outward: [Indicator] = [.crossedOut, .medevacCompleted, .medevacCompanions]
    for k in 0..<max(0, qs.count - 2) {
      let total = output[first + k]
      guard [.other, .crossedOut, .crossedIn].contains(total.indicator), let value = total.value,
        (qs[k].spanEnd..<max(qs[k].spanEnd, qs[k + 1].spanStart)).contains(where: { view.isPunct($0, ":") })
      else { continue }
      let parts = output[(first + k + 1)...]
      if parts.contains(where: { outward.contains($0.indicator) }), parts.contains(where: { $0.indicator == .crossedIn }),
        parts.allSatisfy({ ($0.value ?? .infinity) <= value })
      {
        output[first + k].indicator = .crossings
      }
    }
  }

  // MARK: How figures relate

  /// "23 Israeli and three foreign hostages", "20 hostages and the bodies of 28", "three on
  /// Thursday and another three": two numbers joined by "and", "or", "plus" or a comma with nothing but
  /// determiners, nationality words, "the bodies of", "another", "on" a weekday and "next
  /// week" between.
  private func isCoordinated(_ a: Quantity, _ b: Quantity) -> Bool {
    var k = a.phraseEnd
    guard b.spanStart - k <= 5 else { return false }
    var sawJoin = false
    while k < b.spanStart {
      let t = view.tokens[k]
      if t.kind == .punct {
        guard t.punct == UInt8(ascii: ",") else { return false }
        sawJoin = true
      } else if t.word == w.and || t.word == w.or || t.word == w.plus {
        sawJoin = true
      } else if t.word == w.of || view.flags(k).contains(.determiner)
        || view.flags(k).contains(.nationality) || view.info(k)?.nounClass == .bodies
        || t.word == w.another || (t.word == w.on && view.flags(k + 1).contains(.weekday))
        || (view.flags(k).contains(.weekday) && view.isWord(k - 1, w.on))
        || ((t.word == w.next || t.word == w.last || t.word == w.this)
          && (view.isWord(k + 1, w.week) || view.isWord(k + 1, w.month)))
        || ((t.word == w.week || t.word == w.month)
          && (view.isWord(k - 1, w.next) || view.isWord(k - 1, w.last) || view.isWord(k - 1, w.this)))
      {
        // allowed: "three hostages on Thursday and another three on Saturday"
      } else {
        return false
      }
      k += 1
    }
    return sawJoin
  }

  /// The indicator a part takes from its whole: "including 1,400", "Among them were 445" (the
  /// figure before it), "73 of these" and "seven of them" (the last figure of the document), "Of
  /// the 183 ..., 111" (the sentence's first figure).
  private func partOf(_ q: Quantity, _ k: Int, _ codedHere: [CodedFigure], _ s: SentenceCues) -> Indicator? {
    let start = q.spanStart
    // ("Israel released 1,968 Palestinians: 250 serving long sentences and 1,718 detained in
    // Gaza": a list right after the whole's noun phrase and a colon breaks the whole down, as
    // after a time phrase that ends the whole's clause: "Hamas freed 24 hostages on Friday: 13
    // Israelis, 10 Thais and a Filipino".)
    let colonAfterWhole =
      k > 0 && view.isPunct(start - 1, ":") && s.quantities[k - 1].phraseEnd <= start - 1
      && start - 1 - s.quantities[k - 1].phraseEnd <= 4
      && (s.quantities[k - 1].phraseEnd..<(start - 1)).allSatisfy { j in
        view.tokens[j].kind == .word && !s.cues.contains { $0.start <= j && $0.end > j }
      }
    let including =
      isBreakdown(q) || view.isWord(start - 2, w.including)
      || (view.isWord(start - 3, w.among) && view.isWord(start - 2, w.them)
        && view.flags(start - 1).contains(.auxiliary))
      || colonAfterWhole || namesKindsAfterWhom(q, s)
    if including {
      // "Among them were 445 men ...": the whole is the figure before, here or in the
      // sentence before.
      // (A whole no indicator counts has parts none counts: "raising the toll of hunger
      // deaths to 175, among them 93 children".)
      if let whole = k > 0 ? codedHere[k - 1].indicator : output.last?.indicator { return whole }
    }
    // "Israel released 1,968 prisoners for the last 20 hostages. Of those freed, 250 were
    // serving long sentences": an opening that tells what happened to its whole is of the last
    // figure before the sentence coded as that event.
    if q.partOfOpening, k == 0 || s.quantities[0].partOfOpening, let i = wholeOfOpeningCue(of: q, s) {
      return output[i].indicator
    }
    if q.partitive {
      // "Of the 183 ..., 111": the sentence's first figure; "seven of them": the one before;
      // "At least 106 of the prisoners", opening a sentence: the last figure of prisoners.
      var whole: Indicator? =
        q.partOfFirst && k > 0
        ? codedHere[0].indicator : k > 0 ? codedHere[k - 1].indicator : lastFigure(counting: q, s.index)
      // ("received 1,512 patients and 2,430 companions ..., and 230 of the patients": a part
      // that names its people is of the last figure here that counts them.)
      if !q.partOfFirst, !q.elliptical, q.noun != .unknown, k > 1,
        let j = (0..<k).last(where: { figures[figures.count - k + $0].quantity.noun == q.noun })
      {
        whole = codedHere[j].indicator
      }
      if let whole, whole != .other { return whole }
    }
    return nil
  }

  /// "Some 300 patients left, of whom 150 were children", "of whom half were women": a part
  /// after "of whom" whose predicate only names the kind of people it counts (a form of "be"
  /// and a counted noun, no cue) breaks its whole down.
  private func namesKindsAfterWhom(_ q: Quantity, _ s: SentenceCues) -> Bool {
    let start = q.spanStart
    guard view.isWord(start - 2, w.of), view.isWord(start - 1, w.whom), view.isWord(q.spanEnd, in: w.beForms) else {
      return false
    }
    let noun = q.spanEnd + 1
    return noun < s.range.upperBound && ![.unknown, .things].contains(view.nounClass(noun))
      && !s.cues.contains { $0.start <= noun && $0.end > noun }
  }

  /// The figure before sentence `s` (within two sentences), larger than the part `q`, whose
  /// indicator the cue in the sentence's opening "Of those ...," or "Among those ... were"
  /// gives it, if the opening holds a cue and a figure fits.
  private func wholeOfOpeningCue(of q: Quantity, _ s: SentenceCues) -> Int? {
    let a = s.range.lowerBound
    // ("Among the released, 36 ...": "the" and a participle with no noun, as "those released".)
    guard view.isWord(a, w.of) || view.isWord(a, w.among),
      view.isWord(a + 1, w.those) || (view.isWord(a + 1, w.the) && q.partOfOpening && q.openingNoun == .unknown),
      let first = s.quantities.first,
      let cue = s.cues.first(where: { $0.start > a + 1 && $0.end <= first.spanStart })
    else { return nil }
    return recentFigure(before: s.index, within: 1) { i in
      let w = figures[i].quantity
      let coded = IndicatorRules.decide(cue.event, noun: w.noun, dead: w.dead, nationality: w.nationality, hints: s.hints)
      return coded == output[i].indicator && coded != .other && (q.isRatio || (output[i].value ?? .infinity) > q.value)
    }
  }

  /// The indicator of the last earlier figure (in the last five sentences) that counts what
  /// the part names ("of the prisoners"; none if no such figure), or of the last figure when
  /// the part names nothing ("of them").
  private func lastFigure(counting q: Quantity, _ index: Int) -> Indicator? {
    var named = q
    // ("Among the patients were 23 children": a part with a noun of its own, of the whole
    // the opening names.)
    if q.openingNoun != .unknown { named.noun = q.openingNoun }
    // ("The patients, 11 of them children, were taken to hospitals": "them" are the people
    // the subject before the comma names.)
    if let subject = subjectBeforeComma(q, index) {
      return recentFigure(within: 5) { $0.noun == subject }.map { output[$0].indicator }
    }
    // ("Of the prisoners, 18 had been serving life sentences": the opening names the whole,
    // whatever a figureless sentence before it names.)
    if (q.noun == .unknown || q.elliptical) && !q.namedByOpening {
      // "them" after a sentence with no figure are what that sentence names first.
      guard let subject = subjectBefore(index, like: q) else { return output.last?.indicator }
      named = subject
    }
    // "of these Palestinians" finds "183 Palestinian prisoners"; "of the people" any count.
    let whole = recentFigure(within: 5) { w in
      w.noun == named.noun || named.noun == .people
        || (named.noun == .nationals && named.nationality != nil && w.nationality == named.nationality)
    }
    return whole.map { output[$0].indicator }
  }

  /// The counted noun of a short subject with no number that opens the sentence right before
  /// `q` and a comma ("The patients, 11 of them children,"), if `q` is "N of them".
  private func subjectBeforeComma(_ q: Quantity, _ index: Int) -> NounClass? {
    let a = sentences[index].lowerBound
    // (The comma may be the last token of the sentence before: found by fuzzing.)
    guard isPartOfThem(q), view.isPunct(q.spanStart - 1, ","),
      q.spanStart - 1 > a, q.spanStart - 1 - a <= 4,
      !(a..<(q.spanStart - 1)).contains(where: { view.tokens[$0].kind != .word })
    else { return nil }
    return (a..<(q.spanStart - 1)).map { view.nounClass($0) }.last { ![.unknown, .things].contains($0) }
  }

  /// "..., bringing the total since the ceasefire to 175": `q` ends a clause that raises a
  /// total ("bringing", "raising", "taking" ... "the total|number|toll|tally ... to") after
  /// figure `p`.
  func bringsTotal(to q: Quantity, after p: Quantity) -> Bool { raisingWord(of: q, after: p) != nil }

  /// The verb that raises the total `q` after figure `p` ("bringing" in "..., bringing the
  /// number killed to 390" or "bringing to 87 the number"), if `q` is such a total.
  func raisingWord(of q: Quantity, after p: Quantity) -> Int? {
    guard view.isWord(q.spanStart - 1, w.to) else { return nil }
    if q.spanStart - 2 >= p.phraseEnd, view.flags(q.spanStart - 2).contains(.raising), namesTotalAfter(q) {
      return q.spanStart - 2
    }
    var j = q.spanStart - 2
    var sawTotal = false
    // (Numbers between are a date's: "the number arrested since October 2023 to 18,000".)
    while j > p.phraseEnd, q.spanStart - j <= 14, view.tokens[j].kind == .word || view.tokens[j].kind == .number {
      if isTotalWord(j) { sawTotal = true }
      if sawTotal, view.flags(j).contains(.raising) { return j }
      j -= 1
    }
    return nil
  }

  /// "bringing to 87 the number of patients who have left": whether a total's words follow its
  /// number ("the number", "the total", "the toll").
  func namesTotalAfter(_ q: Quantity) -> Bool {
    var j = q.spanEnd
    if view.flags(j).contains(.determiner) { j += 1 }
    return isTotalWord(j)
  }

  /// "total", "number", "toll", "tally", "count": the words that name a running total.
  private func isTotalWord(_ j: Int) -> Bool {
    view.isWord(j, w.total) || view.isWord(j, w.number) || view.isWord(j, w.toll) || view.isWord(j, w.tally)
      || view.isWord(j, w.count)
  }

  /// "271 people, including 112 children, have died ..., eight of them in the past day": the
  /// figure before a part, past the breakdowns between (the eight are of the 271).
  private func partitiveAntecedent(_ q: Quantity, _ k: Int, _ s: SentenceCues) -> (Quantity, Bool)? {
    if k > 0 {
      var j = k - 1
      while j > 0, isBreakdown(s.quantities[j]) { j -= 1 }
      return (q.partOfFirst ? s.quantities[0] : s.quantities[j], true)
    }
    if q.partOfOpening, let i = wholeOfOpeningCue(of: q, s) { return (figures[i].quantity, false) }
    if let subject = subjectBeforeComma(q, s.index), let i = recentFigure(within: 5, where: { $0.noun == subject }) {
      return (figures[i].quantity, false)
    }
    if let named = subjectBefore(s.index, like: q) { return (named, false) }
    return figures.last.map { ($0.quantity, false) }
  }

  /// After a sentence with no figure, what it names first: "The freed Palestinians arrived in
  /// Ramallah ... Seven of them were taken to hospital" (`q` with that noun), else nil.
  private func subjectBefore(_ index: Int, like q: Quantity) -> Quantity? {
    guard index > 0, figures.last?.sentenceIndex != index - 1,
      let n = sentences[index - 1].first(where: { ![.unknown, .things].contains(view.nounClass($0)) }),
      let info = view.info(n)
    else { return nil }
    var named = q
    named.counts(info)
    return named
  }

  /// The last noun for people with a determiner before it ("the hostages", "those
  /// prisoners") in `q`'s sentence before it, when no figure that names what it counts stands
  /// between (bare numbers may: "seven in the morning and 13 a few hours later").
  private func peopleNamedBefore(_ q: Quantity, _ k: Int, _ s: SentenceCues) -> Int? {
    let from = s.quantities[..<k].last(where: { $0.noun != .unknown })?.phraseEnd ?? s.range.lowerBound
    var j = q.spanStart - 1
    while j > from {
      let c = view.nounClass(j)
      if view.flags(j - 1).contains(.determiner), !view.isPunct(j + 1, "'"), !view.isWord(j + 1, w.s),
        [.hostages, .prisoners, .patients, .companions, .children, .journalists, .soldiers].contains(c)
      {
        return j
      }
      j -= 1
    }
    return nil
  }

  /// The nearest earlier figure that names what it counts, and whether it is in this sentence.
  private func lastCounted(_ k: Int, _ qs: [Quantity]) -> (Quantity, Bool)? {
    // ("Fifty sick children and 61 companions left ... A further 50 are due to leave on
    // Sunday": more of those who travel are more patients; companions go with them.)
    let before = qs[k].spanStart - 1
    let more = view.isWord(before, w.another) || view.isWord(before, w.further) || view.isWord(before, w.additional)
    var j = k - 1
    while j >= 0 {
      // A breakdown ("including two children") is not what a later number counts. The
      // figures of this sentence are read as coded (the last `k` of `figures`), so one that
      // borrowed its noun lends it on: "18 serving life sentences and 54 serving long ones".
      let part = (isBreakdown(qs[j]) || isCompanionAside(qs[j])) && j > 0
      let coded = figures[figures.count - k + j].quantity
      // ("3 hostages' bodies identified; Gaza reports 25 killed": past a semicolon and a
      // subject of its own, a clause as if of another sentence; "the bodies of 15
      // Palestinians; 195 have been returned" goes on with them.)
      if coded.noun != .unknown && !part && !(more && coded.noun == .companions) {
        let ownClause =
          !view.isPunct(qs[k].spanStart - 1, ";") && (qs[j].spanEnd..<qs[k].spanStart).contains { view.isPunct($0, ";") }
        return (coded, !ownClause)
      }
      j -= 1
    }
    // Only the figures of the last two sentences: a pronoun does not reach further (nor, here
    // either, to a breakdown: "93 people, among them 25 children, were killed. Forty others
    // remain missing").
    return recentFigure(within: 2) {
      $0.noun != .unknown && !isBreakdown($0) && !isCompanionAside($0) && !(more && $0.noun == .companions)
    }.map {
      (figures[$0].quantity, false)
    }
  }

  /// "Sixteen patients, accompanied by 31 companions, left", "50 patients, along with 61
  /// companions, left": companions told in an aside are not what a later number counts ("up
  /// from nine", "A further 23 are scheduled", "bringing the number evacuated to 117").
  func isCompanionAside(_ q: Quantity) -> Bool {
    isAccompanying(q)
      || (view.isWord(q.spanStart - 1, w.by) && view.isPunct(q.spanStart - 3, ",")
        && (view.text(q.spanStart - 2).hasPrefix("accompan") || view.text(q.spanStart - 2).hasPrefix("escort")))
  }

  /// The last item of the list figure `k` starts ("19 patients and 28 companions"), or `k`.
  /// A list inside a breakdown ends at ", and": in "killed, among them 64 children and 57
  /// women, and nearly 700 wounded" the 700 are the whole's partner, and their verb is not the
  /// breakdown's.
  private func lastListItem(from k: Int, _ s: SentenceCues) -> Int {
    var last = k
    while last + 1 < s.quantities.count, isCoordinated(s.quantities[last], s.quantities[last + 1]),
      !endsBreakdown(at: last + 1, s)
    {
      last += 1
    }
    return last
  }

  /// Whether figure `k` comes after a list inside a breakdown across ", and" (as "662
  /// returned" in "602 left, among them 210 patients, and 662 returned"): it is the whole's
  /// partner, not an item of the breakdown.
  private func endsBreakdown(at k: Int, _ s: SentenceCues) -> Bool {
    let qs = s.quantities
    guard k > 0,
      (qs[k - 1].phraseEnd..<max(qs[k - 1].phraseEnd, qs[k].spanStart)).contains(where: {
        view.isPunct($0, ",") && view.isWord($0 + 1, w.and)
      })
    else { return false }
    var first = k - 1
    while first > 0, isCoordinated(qs[first - 1], qs[first]) { first -= 1 }
    return isBreakdown(qs[first])
  }

  /// "including six children", "among them nine children": a breakdown of the figure before.
  func isBreakdown(_ q: Quantity) -> Bool {
    let start = q.spanStart
    return view.isWord(start - 1, w.including)
      || (view.isWord(start - 2, w.among) && view.isWord(start - 1, w.them))
  }

  /// "29 children with cancer and their 52 companions flew out": the companions listed after
  /// figure `k` (with words of its own between, which keep them from being one list) travel
  /// with its people, and their verb is theirs too.
  private func companionsAfter(_ k: Int, _ s: SentenceCues) -> Bool {
    let next = s.quantities[k + 1]
    guard next.noun == .companions else { return false }
    return view.isWord(next.spanStart - 1, w.and)
      || (view.isWord(next.spanStart - 2, w.and) && view.flags(next.spanStart - 1).contains(.determiner))
  }

  /// Where the clause of figure `k` goes on after a companion aside set off by commas right
  /// after its noun phrase (", each with two relatives,", ", with 40 relatives,",
  /// ", accompanied by 12 relatives,"); nil when none follows.
  private func companionAsideEnd(after k: Int, _ s: SentenceCues) -> Int? {
    guard k + 1 < s.quantities.count else { return nil }
    let q = s.quantities[k]
    let next = s.quantities[k + 1]
    guard next.noun == .companions, view.isPunct(q.phraseEnd, ","), next.spanStart - q.phraseEnd <= 4,
      (q.phraseEnd + 1..<next.spanStart).allSatisfy({ view.tokens[$0].kind == .word }),
      (q.phraseEnd + 1..<next.spanStart).contains(where: { view.isWord($0, w.with) || view.isWord($0, w.by) })
    else { return nil }
    var j = next.phraseEnd
    while j < s.range.upperBound, j - next.phraseEnd <= 2, view.tokens[j].kind == .word { j += 1 }
    guard view.isPunct(j, ",") else { return nil }
    return j + 1
  }

  /// "along with 150 relatives", "together with 61 family members": people travelling with
  /// the figure before.
  private func isAccompanying(_ q: Quantity) -> Bool {
    view.isWord(q.spanStart - 1, w.with)
      && (view.isWord(q.spanStart - 2, w.along) || view.isWord(q.spanStart - 2, w.together))
  }

  /// "down from 60", "up from 12", "rose to 45,028 from 44,976", "fewer than the 3,800 in
  /// 2024", "compared with 98": the value the figure before is compared with.
  private func comparedWith(_ q: Quantity) -> Bool {
    let k = q.spanStart
    guard q.elliptical else { return false }
    return view.comparingFrom(at: k - 1)
      || (view.isWord(k - 1, w.the) && view.isWord(k - 2, w.than) && view.isWord(k - 3, in: w.comparatives))
      || ((view.isWord(k - 1, w.with) || view.isWord(k - 1, w.to)) && view.isWord(k - 2, w.compared))
  }

  /// "in exchange for", "in return for": the other side of a swap.
  private func isExchange(_ c: CueMatch) -> Bool {
    view.isWord(c.start, w.exchange) || (view.isWord(c.start, w.in_) && c.event == .release)
  }

  /// "37 children were among the 50 patients": after `a`'s noun phrase, an optional
  /// auxiliary, "among", an optional determiner, then `b`.
  private func isAmong(_ a: Quantity, _ b: Quantity) -> Bool {
    var k = a.phraseEnd
    if view.flags(k).contains(.auxiliary) { k += 1 }
    guard view.isWord(k, w.among) else { return false }
    k += 1
    if view.flags(k).contains(.determiner) { k += 1 }
    return k == b.spanStart
  }
}
