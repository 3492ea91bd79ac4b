// Indicator rules (codebook section 4), as data and per-indicator code.
//
// Coding a figure takes two steps. First the words around it are searched for *event cues*:
// what happened to the people counted (killed, released, left Gaza, ...). Then the event and
// the *counted noun* (patients, hostages, prisoners, bodies, trucks, ...) decide the indicator
// through `IndicatorRules.decide`, so "released 3 captives" and "released 183 Palestinians"
// code differently from the same cue. Which cue applies to which figure (the one right before
// it, the predicate after it, a shared verb, a neighbouring sentence) is the extractor's job;
// the order is documented in docs/extraction.md.

/// What happened to the people a figure counts, as the text's cue words say.
public enum Event: UInt8, Sendable, CaseIterable {
  case kill, injure, missing, recover, dieAwaiting, needMedevac, evacuate, accompany
  case exit, enter, returnTo, bothWays, denied, release, hold, arrest, deport, displace, lose
  /// Taken hostage ("abducted", "kidnapped"): the people counted are hostages, whatever the
  /// noun says ("250 people abducted on October 7").
  case abduct
  /// "brought to hospitals": the dead counted as they arrive are deaths
  case hospital
  /// A wish or a request to leave ("registered to leave", "waiting to leave", "hoping to
  /// travel"): a need for medical evacuation when the people are patients or the sentence
  /// speaks of treatment, care or evacuation; else no indicator's (`other`).
  case wishToLeave
  /// Deaths that are not killings ("died of malnutrition", "starved to death"): the codebook's
  /// `killed` counts people killed by violence, so these are `other`.
  case otherDeath
  /// A crowd that gathers ("crowds of about 2,000 people had gathered", "thousands rallied"):
  /// its people are no indicator's (`other`), whatever else the sentence tells.
  case gather
  /// Words that look like a cue but are not one ("evacuation orders", "held talks"): matching
  /// them keeps a shorter cue inside them from matching.
  case ignore

  /// Events that say more than a death, an injury or a movement, and so win over those when
  /// both follow a number: "Palestinians who are wounded need medical evacuation" is a need,
  /// "27 people passed through the crossing in either direction" are crossings, "three women
  /// held in Gaza for 471 days were handed to the Red Cross" are released.
  var isSpecific: Bool {
    switch self {
    case .dieAwaiting, .needMedevac, .wishToLeave, .evacuate, .accompany, .bothWays, .denied, .deport, .recover,
      .release, .abduct:
      return true
    default: return false
    }
  }
}

enum IndicatorRules {
  /// Cue phrases for each event (phrase syntax: see Lexicon.swift). When two cues start at the
  /// same word the longer one wins, so "died while awaiting evacuation" is `dieAwaiting`, not
  /// `kill`, and "ready to be evacuated" is `needMedevac`, not `evacuate`.
  /// Where patients leaving Gaza for treatment are taken (a country, or "abroad").
  static let receivingPlaces =
    "egypt|egyptian|abroad|jordan|turkey|türkiye|qatar|emirates|uae|italy|spain|france|germany|britain|uk|norway|belgium|ireland|romania|greece|malta|albania|europe"
  /// Cities that receive patients from Gaza.
  static let receivingCities =
    "rome|milan|cairo|amman|doha|ankara|istanbul|london|paris|berlin|oslo|brussels|dublin|madrid|athens|valletta|tirana|bucharest|al-arish|el-arish|arish"
    // Ports where ships carrying patients have docked.
    + "|naples|genoa|spezia|ancona|brindisi|livorno|civitavecchia|piraeus|marseille|toulon"

  static let cues: [(Event, [String])] = [
    (.kill, [
      "kill*", "dead", "died", "die", "dies", "dying", "death toll", "deaths", "death", "toll",
      "lives lost", "lost their lives", "slain", "perished", "fatalities", "massacre*",
      "martyr*", "shot dead", "murder*", "executed", "succumb*", "claim* the lives of",
      "claim* ~2 lives", "left ~3 dead",
    ]),
    (.injure, ["injur*", "wound*", "hurt", "maimed", "amputees", "left ~3 wounded|injured"]),
    (.missing, [
      "missing", "under the rubble", "under rubble", "beneath the rubble", "unaccounted",
      "disappeared", "trapped under|beneath", "under the debris", "under debris",
      "beneath the debris", "buried under|beneath", "lost contact with",
      "search|searches|searching|searched for",
    ]),
    (.recover, [
      "recover*", "retriev*", "exhum*", "pulled ~5 from|out", "unearthed", "dug out", "found",
    ]),
    (.dieAwaiting, [
      "died ~3 await*|waiting", "die ~3 await*|waiting", "dying ~3 await*|waiting",
      "death* ~3 await*|waiting", "died before ~3 evacuat*|departure|transfer|leaving|travelling|traveling",
      "died ~2 waiting",
      "died|die|dying ~8 while|whilst await*|waiting",
      // "560 patients had died since July while on the waiting list".
      "died|die|dying ~8 while|whilst on ~2 list|lists|waitlist*",
      // "12 patients died before their turn came".
      "died|die|dying ~3 before their|his|her turn",
      // "patients on the evacuation list have died"
      "on ~3 list|lists|waitlist ~3 died|die|dying",
    ]),
    (.needMedevac, [
      "need* ~3 evacuat*|treatment|care|transfer|surgery|medevac*", "in need",
      // "12,000 people still need to be treated abroad" (treated in Gaza is no evacuation).
      "need* ~3 treated abroad|outside|overseas",
      "ready to be evacuated", "ready for evacuation", "await* ~2 evacuat*|treatment|transfer",
      "wait* ~2 evacuat*|treatment|transfer|care|surgery", "waiting list", "waitlist*",
      "await*|wait* ~2 approval|clearance|permission|permits",
      // "patients awaiting permission to leave rose to 18,500": the leaving is the need's.
      "await*|wait* ~2 approval|clearance|permission|permits to leave|travel|exit|cross",
      "asked|ask|asking|applied|apply|applying|requested|request|registered|register to be evacuated",
      // "at least 10,000 more are still waiting"
      "still waiting|awaiting",
      "register* ~3 evacuat*|treatment", "referr*", "requir* ~3 evacuat*|treatment|care",
      "seek|seeks|seeking ~2 treatment|evacuat*|care", "urgent need", "critically ill",
      "eligible for evacuation", "list* for evacuation", "approved for evacuation",
      "on ~3 list|lists|waitlist", "on the waiting list",
      "evacuation|medevac|medical request|requests|application|applications",
    ]),
    (.wishToLeave, [
      // "12,000 patients are waiting to leave the enclave for treatment"
      "await*|wait* to leave|travel|exit|cross", "need|needs|needed|needing to leave|travel|exit",
      // "Some 12,000 patients are hoping to leave through Rafah": a wish to leave has not
      // been granted (a hope before the number plans: "hope to evacuate 50").
      "hope|hopes|hoped|hoping|want|wants|wanted|wanting|wish|wishes|wished|wishing to leave|travel|exit|cross",
      // "20,000 people have asked to leave for treatment": a request, not a departure.
      "asked|ask|asking|applied|apply|applying|requested|request|registered|register to leave|travel|exit",
      "signed up to leave|travel|exit",
      // "We had 300 patients ready to go on Sunday"
      "ready to go|leave|travel|depart|cross",
    ]),
    (.evacuate, [
      "evacuat*", "medevac*", "medically evacuated", "airlift*", "flown out", "flew out",
      "transferred ~3 treatment|abroad", "taken abroad", "sent abroad for treatment",
      "transferred|taken|moved ~4 \(receivingPlaces)",
      // "Twenty-two children were flown to Italy on Thursday for treatment".
      "flown|flew ~4 for treatment|care", "flown|flew to \(receivingPlaces)",
      // A receiving country's offer: "ready to receive as many as 600 patients a week".
      "ready to receive|admit|take|host|accept",
      // "Italy has offered to take 100 more children".
      "offered|offers|offer|offering|agreed|pledged to receive|admit|take|host|accept|treat",
      // "it expected to receive 50 patients a day under the agreement".
      "expected|expects|expect|expecting to receive|admit|host|accept|treat",
      // "Egypt had prepared to receive 200 patients" (the Red Cross "preparing to receive 20
      // living hostages" is a release).
      "prepared|preparing|prepares|prepare to receive|admit|take|host|accept ~4 patients|children|wounded|sick|injured",
      // The receiving side: "Egypt has received more than 3,000 wounded Palestinians for
      // treatment", "30 patients reached Al-Arish hospital".
      "receiv*|admit* ~6 for treatment|care", "receiv*|admit* ~6 for medical treatment|care",
      // "Jordan received 17 children ... under its medical corridor".
      "receiv*|admit* ~8 medical corridor|evacuation|evacuations",
      "left|leave|leaves|leaving|departed|travelled|traveled for ~1 treatment|care",
      "reached ~2 egypt|al-arish|el-arish|arish|jordan|amman|abroad",
      "arrived|arriving|arrive|arrives in|at ~2 \(receivingPlaces)|\(receivingCities)",
      // "A plane carrying 17 sick children and 38 relatives landed in Rome".
      "landed|landing|land|lands in|at ~2 \(receivingPlaces)|\(receivingCities)",
      // "An Italian navy ship docked in La Spezia carrying 18 children".
      "docked|docking|dock|docks in|at ~2 \(receivingPlaces)|\(receivingCities)",
      // "about 3,000 patients have been treated in European hospitals".
      "treated in ~1 european|foreign|overseas hospital|hospitals",
      "treated in ~1 hospital|hospitals abroad",
      "treated in ~1 hospital|hospitals in \(receivingPlaces)|\(receivingCities)",
      // "Ambulances carried another 140 patients out on Sunday".
      "ambulance|ambulances ~2 carried|carry|carries|took|take|takes|ferried|brought|transported ~8 out|across|through",
      // "Two flights carried 180 patients and 260 companions from Ramon airport to Abu Dhabi".
      "carried|carrying|flew|flown ~8 to ~1 \(receivingPlaces)|\(receivingCities)|dhabi",
      // "carried 38 patients from the Rafah terminal to hospitals in Cairo and al-Arish".
      "carried|carrying|flew|flown|took|taken|transported|transferred ~12 to hospitals|hospital in \(receivingPlaces)|\(receivingCities)",
      // The receiving country as the subject: "Italy has now received more than 170 young
      // patients" (not "the hospital received 50 wounded", a count of injuries).
      "\(receivingPlaces) ~3 received|admitted|treated|hosted|welcomed|accepted",
      "\(receivingPlaces) ~3 taken|took|takes|taking in",
      // "Norway said it would receive 15 patients next week" (a plan, by "would").
      "\(receivingPlaces) ~4 receive|admit|accept|host|treat", "\(receivingPlaces) ~4 take in",
      // ... or countries not named: "The EU says member states have received 3,500 patients".
      "countries|states|nations ~2 received|admitted|hosted|welcomed",
    ]),
    (.accompany, [
      "accompan*", "escort*", "chaperon*",
      // "At least 1,200 relatives travelled with them" (after a sentence about the patients).
      "travel|travels|travelled|traveled|travelling|traveling|went|came|crossed|left with|alongside them",
    ]),
    (.exit, [
      "left", "leave", "leaving", "leaves", "exit", "exited", "exiting", "exits", "depart*",
      "crossed", "cross|crosses into|out|over|through", "crossing into|out|over", "crossed into",
      // "50 patients a day had been crossing to Egypt" (not "the crossing" alone, a place).
      "cross|crosses|crossing to|through \(receivingPlaces)",
      "to cross", "will|would|may|can|could|should cross", "allowed|permitted to cross|leave|exit",
      // "up to 50 patients were crossing daily" (not "the crossing", a place).
      "were|was|are|is|been crossing",
      "out of gaza", "into egypt", "allowed out", "allowed through", "let out",
      "passed through", "made it out", "got out", "enter* the|rafah ~1 crossing",
      "fled to egypt", "fled gaza",
      // "a cap of 50 patients a day" leaving (a cap on trucks, which no exit codes, is left to
      // their noun: aid trucks).
      "cap|limit|quota|ceiling of",
      // "Most went to Egypt (2,100) and the United Arab Emirates (1,350)".
      "went|gone|sent to ~3 \(receivingPlaces)",
      // The receiving side: "Egypt received 45 patients from Gaza", "hospitals admitted 30
      // patients from Gaza".
      // ("had received 1,512 patients and 2,430 companions from Gaza": past a list.)
      "receiv* ~6 from gaza|rafah", "admits|admitted|admitting ~6 from gaza|rafah",
      // "had so far received 310 patients and 540 companions since the crossing opened".
      "receiv*|admits|admitted|admitting ~6 since|through|via the crossing|terminal",
      "receiv*|admits|admitted|admitting ~6 since|through|via rafah",
      "taken|took|take|takes in ~4 from gaza|rafah",
      // "A convoy took 22 seriously ill children and 41 relatives out through Kerem Shalom".
      "took|taken|take|takes|brought|bring|brings|got|get|gets ~8 out through|via",
      "took|taken|take|takes|brought|bring|brings|got|get|gets ~8 out of gaza",
      // "Another 15 patients are due to travel to Italy": travelling to a country abroad.
      "travel|travels|travelled|traveled|travelling|traveling to \(receivingPlaces)",
    ]),
    (.enter, [
      "enter", "entered", "entering", "enters", "entry", "entries", "arrivals", "allowed back", "came back",
      // "154 people left Gaza and 201 came in"
      "came|come|comes|coming in",
      "back into", "back to gaza", "arriv* in|into gaza", "re-enter*", "reentered",
      "went back", "go back", "allowed in", "let in", "into gaza|the strip|the enclave",
      "cross|crosses|crossed|crossing back",
      // (Longer than the leave cues "to cross" and "will cross".)
      "to|will|would|may|can|could|should cross back",
    ]),
    (.returnTo, [
      "return", "returned", "returning", "returns", "returnees", "repatriat*", "hand* back",
      "give back", "gave back", "giving back", "given back",
      // "Israel received the remains of four hostages": the receiving side of a handover.
      "received|receive|receives ~1 remains|bodies|body|coffins|coffin",
      // "preparing to receive 20 living hostages": the receiving side of a release.
      "received|receive|receives|receiving ~2 hostages|captives",
    ]),
    (.bothWays, [
      "in either direction", "in both directions", "both ways", "each direction",
      "in each direction", "two-way",
      // "1,004 people have used the crossing since it reopened" (but "used the crossing to
      // leave" is coded by its purpose: an ignore cue below).
      "used|use|uses|using the crossing|crossings|terminal",
    ]),
    (.denied, [
      "fail* ~3 security|check*|clear*", "turned back", "turned away", "denied", "refused",
      "rejected", "barred", "prevented from", "blocked from", "sent back", "not allowed",
      "unable to cross|leave|exit|travel", "could not cross|leave|exit", "forced to remain",
      // "Twelve convoys were blocked or impeded" (trucks and convoys turned back are no aid
      // that entered: `other`).
      "were|was blocked|impeded", "held back",
    ]),
    (.release, [
      "releas*", "free", "frees", "freed", "freeing", "set free", "handed over", "hand* over",
      "handover", "walked free", "handed|transferred to the red cross",
      // "Buses carrying 369 prisoners leave Ofer prison": leaving a prison is a release.
      "left|leave|leaves|leaving|exit|exits|exited ~2 prison|prisons|jail|jails",
      "handed|transferred to the icrc",
      // Around the number: "handed four Israeli soldiers to the Red Cross".
      "hand|hands|handed|handing|transferred|transfers ~5 to the red cross|icrc", "in return for", "exchang*", "swap*", "let go", "liberat*",
      // Freed by force ("rescued four hostages"); not "rescue" or "rescuers", which name the
      // teams that recover bodies.
      "rescued",
    ]),
    (.hold, [
      "held", "holds", "holding", "being held", "captivity", "remaining", "remain", "remained",
      "still in gaza", "detention", "still in ~2 prison|prisons|jail|jails|custody",
      "in custody", "jailed", "imprisoned", "behind bars", "incarcerat*", "languish*",
      // "leaving the remains of 24 others in Gaza", "leaving 16 bodies still in Gaza"
      "leaving ~5 in gaza", "leaves|leave ~5 in gaza|captivity",
    ]),
    (.abduct, [
      "taken hostage|captive", "abducted", "kidnapped", "seized as hostages", "taken captive",
      // Around the number: "took 251 hostage", "took more than 240 people captive".
      "took|take|takes|taking ~4 hostage|captive",
      // "the 251 people taken on October 7, 2023", "taken into Gaza".
      "taken|seized|dragged into gaza", "taken|seized|dragged on|during|in ~2 october|oct",
    ]),
    (.arrest, ["arrest*", "detained", "detains", "detaining", "rounded up", "taken into custody", "seized"]),
    (.deport, ["deport*", "exiled", "expelled", "banished", "sent into exile", "sent abroad"]),
    (.displace, [
      "displac*", "fled", "forced from their homes", "uprooted", "forced to flee", "homeless",
      // "More than 1 million people were forced south".
      "forced|pushed|driven south|north|southward|northward",
      // Leaving a place inside the Strip is displacement, not a border crossing.
      "left|leave|leaving|leaves|fled|flee|fleeing gaza city",
      "left|leave|leaving|leaves|fled|flee|fleeing jabalia",
      "left|leave|leaving|leaves|fled|flee|fleeing khan younis",
      "left|leave|leaving|leaves|fled|flee|fleeing beit lahia|hanoun",
      "left|leave|leaving|leaves|fled|flee|fleeing deir al-balah",
      "left|leave|leaving|leaves|fled|flee|fleeing northern|southern gaza",
      "left|leave|leaving|leaves|fled|flee|fleeing ~3 for|to the south|north",
      "moved|move|moving|relocated|headed|heading|walked south|north|southward|northward",
      // "plans to move about one million residents of Gaza City to the south".
      "moved|move|moving|relocate|relocated|relocating ~8 to the south|north",
      // Evacuation orders: "dozens of families were ordered to leave the hospital".
      "ordered|told|forced to leave|evacuate|move|flee",
      // Around the number: "ordered tens of thousands of people to leave".
      "ordered|told|forced ~6 to leave|evacuate|move|flee",
      "evicted",
      // "800,000 people are sheltering in al-Mawasi", "who have sought refuge in Rafah".
      "sheltering", "took|taken|taking|sought|seeking|seek shelter|refuge",
    ]),
    (.lose, ["lost"]),
    (.hospital, [
      "brought|taken|arrived|transferred ~2 hospital|hospitals|morgue|morgues",
      // "hospitals received 81 bodies", "A hospital in Deir al-Balah said it had received the
      // bodies of 25 people": the dead a hospital receives are deaths (not the remains a
      // country receives in a handover).
      "hospital|hospitals|morgue|morgues ~6 received|receive|receives",
      // "The hospital said it had counted 44 bodies by nightfall".
      "hospital|hospitals|morgue|morgues ~6 counted|recorded|registered|counts|records",
      // "Nasser Hospital in Khan Younis said it took in another 14 bodies".
      "hospital|hospitals|morgue|morgues ~6 took|take|takes|taking in",
      // "Doctors said they had received at least 50 bodies", "At Nasser hospital, staff said
      // they had received the bodies of 19 people" (only bodies or the dead: see `decide`).
      "doctors|medics|paramedics|nurses|staff ~4 received|receive|receives",
    ]),
    (.otherDeath, [
      "died|die|dies|dying|death|deaths ~2 of|from malnutrition|starvation|hunger|famine|dehydration|hypothermia|cold|disease|diseases|illness|exposure",
      // "have died of malnutrition-related causes".
      "died|die|dies|dying|death|deaths ~2 of|from malnutrition-related|starvation-related|hunger-related|famine-related",
      // "died from the effects of malnutrition", "died of complications of hunger".
      "died|die|dies|dying|death|deaths of|from the effects|complications of|from malnutrition|starvation|hunger|famine|dehydration|hypothermia",
      "died|die|dies|dying|death|deaths of|from effects|complications of|from malnutrition|starvation|hunger|famine|dehydration|hypothermia",
      // "died of the cold since November began".
      "died|die|dies|dying|death|deaths ~2 of|from the cold|heat|hunger|famine|flooding|floods",
      "starved to death", "starvation|malnutrition|hunger|famine|winter|cold|hypothermia|flood deaths",
      "hunger-related|malnutrition-related|starvation-related|famine-related deaths",
      // "At least 27 people drowned when an overloaded boat capsized": no violence.
      "drowned", "drowning",
    ]),
    (.gather, [
      "gathered", "gather", "gathers", "gathering", "rallied", "rally", "rallies", "protested", "protest",
      "marched", "demonstrated", "crowd|crowds of", "a crowd|crowds of", "turned out", "attended by",
    ]),
    (.ignore, [
      "evacuation order|orders|zone|zones|route|routes|warning|warnings|area|areas|plan|plans|center|centre|centers|centres|corridor|corridors|map|maps|notice|notices",
      // "after Israel ordered an evacuation of about a third of the area": an order, no one evacuated.
      "ordered|orders|ordering|order an|the|a|its|their evacuation|evacuations",
      "used|use|uses|using the crossing|crossings|terminal to",
      // "17,000 children have been left without either parent": deprived, not gone ("300
      // patients left without their companions" did leave).
      "been|being|be|were|was|are|is left without", "been|being|be|were|was|are|is left with no",
      // "seeking arrest warrants for five leaders": a warrant arrests no one.
      "arrest warrant|warrants",
      // "132,000 children are at risk of death from acute malnutrition": a risk, no death.
      "at|at-risk risk of|from death|dying|starvation|famine|starving", "risk|risks|risking death|dying",
      // "1.5 million people were in need of emergency shelter": a need of no treatment.
      "in|urgent need of ~2 shelter|food|aid|assistance|water|protection|support|help|housing|cash|tents|fuel|blankets|clothing",
      // Treatment in Gaza for hunger is not a medical evacuation.
      "need|needs|needing|needed ~3 treatment for ~2 malnutrition|wasting|hunger|starvation",
      "require|requires|requiring|required ~3 treatment for ~2 malnutrition|wasting|hunger|starvation",
      // "Figures released by the Palestinian side show ...": data are published, no one freed.
      "figures|data|statistics|numbers|report|reports released|published|issued",
      // "A UN analysis found that ..." concludes; it recovers nothing.
      "found|finds|find that",
      "held|holds|holding talks", "held a meeting", "held meetings", "held a news|press conference",
      // "200 Palestinians holding foreign passports left": papers held, no one.
      "holding|hold|holds|held ~1 passports|passport|permits|permit|visas|visa|citizenship|nationality|papers|documents|tickets|residency",
      // "families held a rally in Tel Aviv attended by thousands": an event held, no one.
      "held|holds|holding a|an ~1 rally|rallies|protest|protests|vigil|demonstration|march|funeral|ceremony|memorial|briefing|vote|summit",
      "remain closed|open|shut|unclear|unknown|intact", "remained closed|open|shut",
      // Movement inside the Strip ("crossed into northern Gaza") is not a border crossing.
      "cross|crossed|crossing|crosses into|to northern|southern|central|north|south gaza",
      // "crossed from southern to northern Gaza"
      "cross|crossed|crossing|crosses from northern|southern|central|north|south ~1 to|into northern|southern|central|north|south gaza",
      "cross|crossed|crossing|crosses|went|going|moved back into|to northern|southern|central|north|south gaza",
      "cross|crossed|crossing|crosses into|to the north|south|centre|center of gaza",
      "cross|crossed|crossing|crosses into|to the north|south",
      "cross|crossed|crossing|crosses ~2 corridor|corridors",
      // Going home to the north of the Strip is no crossing into Gaza either.
      "return|returned|returning|returns to northern|southern|central|north|south gaza",
      "return|returned|returning|returns to the north|south",
      "return|returned|returning|returns north|south|northward|southward",
      // ... and so is going back to a town of the Strip, the places left above.
      "return|returned|returning|returns to gaza city",
      "return|returned|returning|returns to jabalia",
      "return|returned|returning|returns to khan younis",
      "return|returned|returning|returns to beit lahia|hanoun",
      "return|returned|returning|returns to deir al-balah",
      // "waiting to be allowed back to northern Gaza".
      "allowed|permitted back to|into northern|southern|central|north|south gaza",
      "allowed|permitted back to the north|south", "allowed|permitted back north|south",
      // An army that seized a crossing or a town took a place, not people.
      "seized|seize|seizes|seizing|captured|capture|captures|capturing ~2 crossing|border|corridor|city|town|area|hospital|camp|terminal|side",
      "took|take|taking|takes control of ~2 crossing|border|corridor|city|town|area|hospital|camp|terminal|side",
      "lost contact|touch",
      // "Several were found to have lost up to a quarter of their body weight": found to be.
      "found|find|finds to have|be",
      // "Hamas released a video of hostage Evyatar David, one of 20 hostages believed to be
      // alive": a video, a statement or a list released frees no one.
      "released|releases|release|releasing a|the|new video|videos|footage|statement|report|list|images|photos|recording|names",
      "released|releases|release|releasing video|videos|footage|images|photos|pictures|recordings|names",
    ]),
  ]

  /// Words anywhere in a sentence that tell prisoners from hostages when the counted noun does
  /// not ("183 were released": released from where?).
  static let prisonerHints =
    "prisoner|prisoners|detainee|detainees|prison|prisons|jail|jails|jailed|detention|inmates|sentences|sentence"
    + "|arrested|arrests|detained|charge"
  static let hostageHints =
    "hostage|hostages|captive|captives|abductee|abductees|captivity|abducted|kidnapped"

  /// What a sentence says about whose release or detention it reports.
  struct Hints: OptionSet, Sendable {
    let rawValue: UInt8
    static let prisoners = Hints(rawValue: 1)
    static let hostages = Hints(rawValue: 2)
    static let palestinians = Hints(rawValue: 4)
  }

  /// The indicator for an event and a counted noun, or `nil` when this pair codes nothing and
  /// the search for a cue should go on.
  ///
  /// - Parameters:
  ///   - dead: the counted noun is described as dead ("deceased", "bodies of").
  ///   - nationality: the demonym of the counted people, if any ("palestinians").
  static func decide(
    _ event: Event, noun: NounClass, dead: Bool, nationality: GroupName?, hints: Hints
  ) -> Indicator? {
    if noun == .things { return nil }
    // Trucks and convoys only move; officials, leaders and sides count as figures only as
    // victims ("two officials were killed"), not as the actors of a sentence.
    if noun == .trucks || noun == .convoys,
      ![.enter, .exit, .returnTo, .bothWays, .denied].contains(event)
    {
      return nil
    }
    if noun == .actors, ![.kill, .injure, .missing, .arrest, .lose].contains(event) { return nil }
    switch event {
    case .kill:
      return noun == .bodies ? nil : .killed
    case .injure: return .injured
    case .missing: return .missing
    case .recover:
      // A bare number recovered is bodies ("bringing the number recovered to 437"); living
      // people "recovered" are rescued or healed, which codes nothing.
      return (noun == .bodies || dead || noun == .unknown) ? .bodiesRecovered : nil
    case .dieAwaiting: return .diedAwaitingEvacuation
    case .needMedevac:
      return noun == .trucks || noun == .convoys ? nil : .medevacNeeded
    case .wishToLeave:
      // (The sentence may make the wish a medical need: `IndicatorSteps`.)
      return noun == .trucks || noun == .convoys ? nil : noun == .patients ? .medevacNeeded : .other
    case .evacuate:
      switch noun {
      case .companions: return .medevacCompanions
      case .trucks, .convoys, .bodies: return nil
      case .foreigners: return .crossedOut
      // Freed prisoners "transferred to Egypt" are sent into exile, not treated there.
      case .prisoners: return .deported
      default: return .medevacCompleted
      }
    case .accompany: return noun == .trucks ? nil : .medevacCompanions
    case .exit:
      // The dead do not leave: "leaving the remains of 24 others in Gaza".
      if dead { return nil }
      switch noun {
      case .patients: return .medevacCompleted
      case .companions: return .medevacCompanions
      case .trucks, .convoys, .bodies: return nil
      case .hostages: return nil
      default: return .crossedOut
      }
    case .enter:
      switch noun {
      case .trucks, .convoys: return .aidTrucks
      case .bodies: return .remainsReturned
      case .hostages: return nil
      default: return .crossedIn
      }
    case .returnTo:
      if noun == .bodies || dead { return .remainsReturned }
      switch noun {
      case .hostages, .foreigners: return .hostagesReleased
      case .prisoners: return .prisonersReleased
      case .trucks, .convoys: return .aidTrucks
      default:
        if hints.contains(.hostages) && nationality != .palestinians { return .hostagesReleased }
        return .crossedIn
      }
    case .bothWays: return noun == .trucks ? .aidTrucks : .crossings
    case .denied:
      // "sent back the bodies of 150 Palestinians": remains handed over.
      if noun == .bodies || dead { return .remainsReturned }
      // crossing_denied counts people; trucks turned back are not aid that entered either.
      return noun == .trucks || noun == .convoys ? .other : .crossingDenied
    case .release:
      if noun == .bodies || dead { return .remainsReturned }
      return releasedOrHeld(noun: noun, nationality: nationality, hints: hints, released: true)
    case .hold:
      // "the 28 bodies held in Gaza": dead captives still held (hostages_held counts the
      // living and the dead); the bodies of Palestinians held by Israel fit no indicator
      // ("Israel holds the bodies of 735 Palestinians").
      if noun == .bodies || (dead && noun != .hostages) {
        return nationality == .palestinians || hints.contains(.palestinians) || hints.contains(.prisoners)
          ? nil : .hostagesHeld
      }
      return releasedOrHeld(noun: noun, nationality: nationality, hints: hints, released: false)
    case .abduct:
      if noun == .bodies || dead { return .hostagesHeld }
      return [.trucks, .convoys, .things, .actors].contains(noun) ? nil : .hostagesHeld
    case .arrest: return .detained
    case .deport: return .deported
    // "Seven of the dead were children sheltering in a tent": where the dead had sheltered
    // makes them no displaced people.
    case .displace: return dead ? nil : .displaced
    // "lost 12 staff members", "Israel lost 12 soldiers": a body that loses people loses them
    // to death (patients a hospital "lost" are no killing either way, and things are lost).
    case .lose:
      return [.lives, .workers, .soldiers, .journalists, .fighters, .people, .children, .actors].contains(noun) ? .killed : nil
    case .hospital: return noun == .bodies || dead ? .killed : nil
    case .otherDeath: return noun == .bodies || noun == .trucks || noun == .convoys ? nil : .other
    case .gather: return noun == .bodies || noun == .trucks || noun == .convoys ? nil : .other
    case .ignore: return nil
    }
  }

  /// Released or held: hostages on one side, prisoners and detainees on the other.
  private static func releasedOrHeld(
    noun: NounClass, nationality: GroupName?, hints: Hints, released: Bool
  ) -> Indicator? {
    let hostage: Indicator = released ? .hostagesReleased : .hostagesHeld
    let prisoner: Indicator = released ? .prisonersReleased : .prisonersHeld
    switch noun {
    case .hostages, .foreigners: return hostage
    case .prisoners: return prisoner
    case .soldiers:
      // Soldiers freed or held are captives ("Four soldiers freed"), unless they are
      // Palestinian.
      return nationality == .palestinians ? prisoner : hostage
    case .trucks, .convoys, .things, .actors: return nil
    default:
      if nationality == .palestinians { return prisoner }
      if let n = nationality, n != .palestinians { return hostage }
      if hints.contains(.prisoners) && !hints.contains(.hostages) { return prisoner }
      if hints.contains(.hostages) && !hints.contains(.prisoners) { return hostage }
      if hints.contains(.palestinians) { return prisoner }
      return nil
    }
  }

  /// The indicator a counted noun implies when no cue says what happened: patients counted
  /// in a humanitarian report are patients in need of evacuation, trucks are aid trucks,
  /// "lives" are lives lost.
  static func defaultIndicator(for noun: NounClass) -> Indicator? {
    switch noun {
    case .patients: return .medevacNeeded
    case .trucks, .convoys: return .aidTrucks
    case .lives: return .killed
    case .hostages: return .hostagesHeld
    case .prisoners: return .prisonersHeld
    case .bodies: return .remainsReturned
    default: return nil
    }
  }
}
