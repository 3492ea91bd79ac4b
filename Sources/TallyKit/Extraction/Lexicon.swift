// The vocabulary of the codebook as data: number words, vague quantities, qualifiers, counted
// nouns and the words that end or join phrases. Indicator cues live in IndicatorRules.swift and
// date words in DateRules.swift. A researcher changes the coding by editing these tables; the
// matcher compiles them once at start-up.
//
// Phrase syntax used in every table:
//   `word`       the word, case-insensitive
//   `stem*`      the stem with a common English ending (s, es, ed, d, ing, ion, ions, y, ies, ...)
//   `a|b`        either word
//   `~N`         up to N words or numbers of any kind (no punctuation)
//   `#`          a number the extractor found (only in qualifier and range rules)

/// Who a counted noun refers to. Drives which indicator an event maps to and the `group` field.
public enum NounClass: UInt8, Sendable {
  /// No counted noun, or one the lexicon does not know.
  case unknown
  /// patients, the sick, the wounded (as a noun)
  case patients
  /// relatives, companions, escorts
  case companions
  case hostages
  case prisoners
  /// bodies, remains, corpses
  case bodies
  case trucks
  case convoys
  case children
  /// people, civilians, persons, others, residents
  case people
  /// Palestinians, Israelis, Americans and other demonyms
  case nationals
  case soldiers
  case journalists
  /// doctors, medics, aid workers
  case workers
  /// fighters, militants
  case fighters
  /// foreign nationals, foreigners, passport holders
  case foreigners
  /// officials, leaders, sides: people counted as actors, not as those touched (code `other`)
  case actors
  /// "lives" (as in lives lost)
  case lives
  /// anything that is not people, trucks or convoys: the number is not a figure
  case things
}

struct WordFlags: OptionSet, Sendable {
  let rawValue: UInt32
  static let numberWord = WordFlags(rawValue: 1 << 0)
  static let scale = WordFlags(rawValue: 1 << 1)
  static let month = WordFlags(rawValue: 1 << 2)
  static let weekday = WordFlags(rawValue: 1 << 3)
  static let timeUnit = WordFlags(rawValue: 1 << 4)
  /// Words that may stand between a cue and its number ("the", "of", "to").
  static let glue = WordFlags(rawValue: 1 << 5)
  /// Nouns that label rather than count ("Resolution 2334", "Gate 4").
  static let label = WordFlags(rawValue: 1 << 6)
  static let currency = WordFlags(rawValue: 1 << 7)
  /// Words that end a noun phrase: verbs, prepositions, relative pronouns.
  static let phraseEnd = WordFlags(rawValue: 1 << 8)
  /// Abbreviations whose full stop does not end a sentence.
  static let abbreviation = WordFlags(rawValue: 1 << 9)
  /// Adjectives of nationality ("Palestinian", "Israeli").
  static let nationality = WordFlags(rawValue: 1 << 10)
  /// Ordinal suffixes glued to digits ("7th").
  static let ordinalSuffix = WordFlags(rawValue: 1 << 11)
  static let determiner = WordFlags(rawValue: 1 << 12)
  /// Future or modal auxiliaries that make a figure planned and a weekday look ahead.
  static let future = WordFlags(rawValue: 1 << 13)
  static let pronoun = WordFlags(rawValue: 1 << 14)
  /// Words describing the dead ("dead", "deceased"), which make a handed-over count remains.
  static let dead = WordFlags(rawValue: 1 << 15)
  static let vague = WordFlags(rawValue: 1 << 16)
  static let conjunction = WordFlags(rawValue: 1 << 17)
  /// Speech verbs that introduce who gave a figure ("said", "reported").
  static let speech = WordFlags(rawValue: 1 << 18)
  static let age = WordFlags(rawValue: 1 << 19)
  /// Words that say a release or detention is of prisoners ("prison", "detainees").
  static let prisonerHint = WordFlags(rawValue: 1 << 20)
  /// Words that say it is of hostages ("captives").
  static let hostageHint = WordFlags(rawValue: 1 << 21)
  /// "Palestinian", "Palestinians".
  static let palestinianHint = WordFlags(rawValue: 1 << 22)
  /// Adjectives that make the people counted patients ("sick", "wounded", "ill").
  static let medical = WordFlags(rawValue: 1 << 23)
  /// Superlatives and "first", which make a "since" just after them compare ("the deadliest
  /// day since the ceasefire") rather than open a period.
  static let comparing = WordFlags(rawValue: 1 << 24)
  /// Verbs of intent that make the action they govern planned when they come before the
  /// number ("hope to evacuate 50"), but not after it ("12,000 hoping to leave" is a need).
  static let intent = WordFlags(rawValue: 1 << 25)
  /// Nouns that head the name of a body or office and may take "of" or "in" inside the name
  /// ("the ministry of health", "the health ministry in Gaza").
  static let office = WordFlags(rawValue: 1 << 26)
  /// Verbs that raise a running total ("bringing the total to 175").
  static let raising = WordFlags(rawValue: 1 << 27)
  /// Auxiliary verbs ("are", "were", "have"): after a bare number they start its own clause.
  static let auxiliary = WordFlags(rawValue: 1 << 28)
  /// Verbs that "over" follows as a particle ("handed over four"), not as "more than".
  static let takesOver = WordFlags(rawValue: 1 << 29)
  /// Words describing the living ("surviving", "injured"): a list of the dead before them
  /// does not make them dead ("81 bodies and 300 injured people").
  static let living = WordFlags(rawValue: 1 << 30)
  /// Adverbs that stand between a source and its speech verb ("It also said", "The UN later
  /// reported").
  static let adverb = WordFlags(rawValue: 1 << 31)
}

/// A `group` name ("patients", "palestinians") held as an index into `GroupName.names`: a
/// plain value, so the structures that carry it copy without reference counting.
struct GroupName: Hashable, Sendable {
  let index: Int16

  /// Every group name the lexicon and the coding rules use.
  static let names: [String] = {
    var all = ["people", "patients", "companions", "hostages", "prisoners", "foreign nationals"]
    for (_, _, group) in Lexicon.nouns { if let group, !all.contains(group) { all.append(group) } }
    for (_, plural) in Lexicon.demonyms where !all.contains(plural) { all.append(plural) }
    return all
  }()
  private static let indices: [String: Int16] = Dictionary(
    uniqueKeysWithValues: names.enumerated().map { ($0.element, Int16($0.offset)) })

  /// The group of that name, which must be one of `names`.
  init(_ name: String) {
    guard let i = GroupName.indices[name] else { preconditionFailure("unknown group \(name)") }
    index = i
  }

  var name: String { GroupName.names[Int(index)] }

  static let people = GroupName("people")
  static let patients = GroupName("patients")
  static let companions = GroupName("companions")
  static let hostages = GroupName("hostages")
  static let prisoners = GroupName("prisoners")
  static let foreignNationals = GroupName("foreign nationals")
  static let palestinians = GroupName("palestinians")
}

/// Facts about one lexicon word.
struct WordInfo: Sendable {
  var flags: WordFlags = []
  /// Value of a number word or scale word; month number (1-12); weekday (0 = Sunday).
  var number: Double = 0
  var nounClass: NounClass = .unknown
  /// The `group` a counted noun gives ("captives" gives "hostages").
  var group: GroupName? = nil
  /// A singular noun ("person", "child"): counts only with "one".
  var singular = false
}

enum Lexicon {
  static let units: [(String, Double)] = [
    ("zero", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6),
    ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12),
    ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17),
    ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30), ("forty", 40),
    ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
  ]
  static let scales: [(String, Double)] = [
    ("hundred", 100), ("thousand", 1_000), ("million", 1_000_000), ("billion", 1_000_000_000),
    ("dozen", 12),
  ]

  /// Vague quantities (codebook section 3): the literal interval of each. The point value is
  /// chosen by the vague profile (conservative: the low end).
  static let vagueQuantities: [(phrase: String, low: Double, high: Double)] = [
    ("a handful of", 3, 9), ("a handful", 3, 9), ("handful of", 3, 9),
    ("several", 3, 9),
    ("a few dozen", 24, 99), ("several dozen", 24, 99), ("dozens", 24, 99), ("scores of", 40, 99),
    // Not in the codebook's table; coded like their plurals ("hundreds", "thousands").
    ("a few hundred", 200, 999), ("several hundred", 200, 999),
    ("a few thousand", 2_000, 9_999), ("several thousand", 2_000, 9_999),
    ("hundreds of thousands", 200_000, 999_999), ("tens of thousands", 20_000, 99_999),
    ("hundreds", 200, 999), ("thousands", 2_000, 9_999),
  ]

  /// Qualifier cues that stand before the number (codebook section 3).
  static let qualifiers: [(phrase: String, qualifier: Qualifier)] = [
    ("at least", .atLeast), ("no fewer than", .atLeast), ("no less than", .atLeast),
    ("not less than", .atLeast), ("a minimum of", .atLeast), ("at minimum", .atLeast),
    ("more than", .moreThan), ("over", .moreThan), ("in excess of", .moreThan),
    ("upwards of", .moreThan), ("upward of", .moreThan), ("topped", .moreThan),
    ("exceeded", .moreThan), ("exceeding", .moreThan), ("surpassed", .moreThan),
    ("exceeds", .moreThan), ("surpasses", .moreThan), ("passes", .moreThan), ("passed", .moreThan),
    ("tops", .moreThan), ("topping", .moreThan),
    // "the toll has climbed past 55,000" (not "the past 24 hours": `attachQualifier`).
    ("past", .moreThan),
    ("well over", .moreThan), ("just over", .moreThan), ("greater than", .moreThan),
    ("well above", .moreThan), ("above", .moreThan),
    ("as many as", .atMost), ("up to", .atMost), ("at most", .atMost), ("no more than", .atMost),
    ("not more than", .atMost), ("a maximum of", .atMost),
    ("fewer than", .fewerThan), ("less than", .fewerThan), ("under", .fewerThan),
    ("below", .fewerThan), ("just under", .fewerThan),
    ("about", .approximately), ("around", .approximately), ("some", .approximately),
    ("roughly", .approximately), ("nearly", .approximately), ("almost", .approximately),
    ("an estimated", .approximately), ("estimated", .approximately),
    ("approximately", .approximately), ("close to", .approximately), ("closer to", .approximately), ("circa", .approximately),
    ("approx", .approximately), ("nearly", .approximately), ("some estimated", .approximately),
    ("an approximate", .approximately), ("about an estimated", .approximately),
  ]


  /// Counted nouns: the class and the group they give. Plural forms count; singular forms
  /// (marked) count only after "one".
  static let nouns: [(words: String, cls: NounClass, group: String?)] = [
    ("patients|evacuees|patient", .patients, "patients"),
    ("relatives|companions|escorts|caregivers|carers|attendants|chaperones", .companions, "companions"),
    ("hostages|captives|abductees", .hostages, "hostages"),
    ("prisoners|detainees|inmates|prisoner|detainee", .prisoners, "prisoners"),
    ("bodies|remains|corpses|coffins|caskets|body", .bodies, nil),
    ("trucks|lorries|truckloads|truck", .trucks, nil),
    ("convoys|convoy", .convoys, nil),
    ("children|kids|minors|infants|babies|newborns|boys|girls|teenagers|child|baby", .children, "children"),
    ("people|persons|civilians|individuals|residents|population|inhabitants|others|adults|men|women|gazans|person|man|woman|family|families|elderly|victims|refugees|migrants|travellers|travelers|passengers|returnees|applicants|students|pupils|teachers|professors|academics|lecturers|engineers|farmers|fishermen|athletes|footballers|lawyers|imams|pilgrims|labourers|laborers|members|survivors|gazans|casualties|protesters|protestors|demonstrators|mourners|worshippers|worshipers|settlers|sons|daughters|brothers|sisters|husbands|wives|mothers|fathers|parents|grandchildren|siblings|cousins|relatives-in-law", .people, "people"),
    ("soldiers|troops|servicemen|reservists|officers|policemen|police|soldier", .soldiers, "soldiers"),
    ("journalists|reporters|photographers|journalist", .journalists, "journalists"),
    ("doctors|medics|paramedics|nurses|staff|volunteers|rescuers|workers|employees|personnel|responders|doctor|medic|paramedic|nurse|worker", .workers, "aid workers"),
    ("fighters|militants|gunmen|terrorists|combatants|operatives|commanders", .fighters, "fighters"),
    ("foreigners|nationals|holders|passport-holders", .foreigners, "foreign nationals"),
    ("officials|leaders|sides|ministers|mediators|negotiators|delegates|delegations|countries|states|nations|parties|members|envoys|diplomats|lawmakers|senators|judges|agencies|organisations|organizations|teams|bus|official|leader|side|ministries|governments|outlets|sources|witnesses|experts|analysts|observers", .actors, nil),
    ("lives", .lives, "people"),
    ("hospitals|buildings|structures|dwellings|greenhouses|hectares|shafts|ceasefires|truces|exchanges|deals|agreements|pauses|homes|houses|schools|mosques|churches|tents|shelters|tonnes|tons|kilograms|kg|kilometres|kilometers|km|miles|metres|meters|dollars|euros|pounds|shekels|points|percent|rockets|missiles|strikes|airstrikes|attacks|bombs|shells|tunnels|meals|litres|liters|pallets|flights|beds|ambulances|villages|towns|cities|votes|articles|pages|reports|phases|stages|times|hours|days|weeks|months|years|decades|minutes|seconds|acres|dunams|items|parcels|packages|boxes|bags|sacks|crossings|gates|checkpoints|vehicles|cars|tanks|jets|drones|aircraft|incidents|violations|cases|doses|vaccines|units|projects|sites|positions|targets|locations|areas|neighbourhoods|neighborhoods|camps|zones|districts|governorates|regions|provinces|facilities|clinics|centres|centers|sectors|routes|roads|wells|boats|ships|planes|words|lines|steps|questions|demands|conditions|proposals|plans|clauses|rounds|sessions|meetings|terms|sentences|objects|percentages|rows|figures|numbers|pieces|parts|calories|wounds|trips|journeys|visits|applications|requests|permits|documents|files|tests|samples|graves|operations|surgeries|procedures|births|pregnancies|miscarriages|degrees|theatres|theaters|missions|rooms|wards|floors|storeys|stories|seats|bakeries|kitchens|warehouses|generators|pumps|calls|shots|bullets|videos|photos|images|messages|letters|posts|tweets|flares|resolutions|vetoes|settlements|apartments|outposts|groups|batches|waves|buses|coaches|airdrops|airlifts|sorties|shipments|consignments", .things, nil),
    // Counts of events that each touch one person: "83 deaths", "500 arrests".
    ("deaths|fatalities|killings|injuries|arrests|evacuations|exits|departures|arrivals|entries|movements|referrals|amputations", .people, "people"),
  ]

  /// Demonyms: as plural nouns they count people; as adjectives they name the group.
  static let demonyms: [(adjective: String, plural: String)] = [
    ("palestinian", "palestinians"), ("israeli", "israelis"), ("american", "americans"),
    ("egyptian", "egyptians"), ("thai", "thais"), ("nepali", "nepalis"), ("british", "britons"),
    ("french", "french"), ("german", "germans"), ("jordanian", "jordanians"),
    ("lebanese", "lebanese"), ("syrian", "syrians"), ("qatari", "qataris"),
    ("filipino", "filipinos"), ("russian", "russians"), ("ukrainian", "ukrainians"),
    ("canadian", "canadians"), ("australian", "australians"), ("turkish", "turks"),
    ("iranian", "iranians"), ("yemeni", "yemenis"), ("emirati", "emiratis"),
    ("argentine", "argentines"), ("chinese", "chinese"), ("indian", "indians"),
    ("italian", "italians"), ("spanish", "spaniards"), ("dutch", "dutch"), ("irish", "irish"),
    ("foreign", "foreigners"), ("arab", "arabs"), ("bedouin", "bedouins"), ("gazan", "gazans"),
  ]

  static let months: [(String, Int)] = [
    ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3),
    ("april", 4), ("apr", 4), ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7),
    ("august", 8), ("aug", 8), ("september", 9), ("sept", 9), ("sep", 9), ("october", 10),
    ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
  ]
  static let weekdays: [(String, Int)] = [
    ("sunday", 0), ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4),
    ("friday", 5), ("saturday", 6),
  ]
  static let timeUnits =
    "second|seconds|minute|minutes|hour|hours|day|days|week|weeks|month|months|year|years|decade|decades|night|nights|weekend|weekends|hrs|mins|century|centuries|fortnight|fortnights|morning|mornings|afternoon|evening|gmt|utc|bst|cet|cest|edt|est|pst|idt|ist"

  static let glue =
    "the|a|an|to|of|by|for|another|further|last|final|its|their|his|her|these|those|total|totalling|totaling|number|figure|tally|toll|reached|reaching|rose|rising|risen|climbed|climbing|stood|stands|stand|at|was|were|is|are|now|has|have|had|been|be|being|with|some"
  static let labels =
    "resolution|gate|route|highway|article|section|chapter|page|no|flight|unit|brigade|division|room|block|road|street|platform|channel|phase|stage|version|model|item|clause|paragraph|annex|district|sector|level|grade|class|squad|battalion|regiment|zone|plot|lot|tower|square|episode|season|decree|law|vol|volume|code|convention|protocol|batch|nos|kilometre|km|terminal|hall|ward|bed|round"
  static let currency =
    "dollars|dollar|euros|euro|pounds|pound|shekels|shekel|usd|eur|ils|nis|riyals|dinars|francs|yen|yuan|bucks|cents|pence|sterling"
  static let abbreviations =
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mr|mrs|ms|dr|prof|gen|lt|col|sgt|capt|rep|sen|gov|st|vs|inc|ltd|co|corp|jr|sr|no|nos|fig|approx|est|dept|univ|maj|brig|cmdr|adm|rev|hon|pres|mt|ft|u|s|e|i|a|p|m|n|k|al"
  static let phraseEnd =
    "is|are|was|were|be|been|being|am|has|have|had|having|do|does|did|will|would|shall|should|can|could|may|might|must|who|whom|whose|which|that|where|when|while|as|in|on|at|from|to|into|onto|through|across|after|before|since|during|under|over|by|with|without|for|against|about|among|amongst|between|near|via|per|than|because|if|but|so|yet|said|says|say|told|according|including|like|each|every|there|here|of|whereas|although|though|until|till|toward|towards|inside|outside|within|beyond|behind|along"
  static let determiners = "the|a|an|these|those|this|that|its|their|his|her|our|some|all|both|each|every|any"
  static let intent = "ready|hope|hopes|hoped|hoping|aim|aims|aimed|aiming|intend|intends|intending|seek|seeks|seeking|want|wants|wanted|wish|wishes|try|tries|trying|attempt|attempts|attempting|prepare|prepares|prepared|preparing|offer|offers|offered|offering"
  static let future = "will|would|shall|expected|set|due|supposed|scheduled|planned|plans|plan|expect|expects|intends|intended|promised|pledged|agreed|slated|poised|should|must|'ll|approved|authorized|authorised|allow|allows|proposes|proposed|proposal|demands|demanded|envisages|envisaged|envisions|envisioned|meant|projected|forecast|predicted"
  /// Words that make a "since" just after them compare rather than open a period: "the
  /// deadliest day since the ceasefire", "for the first time since May 2024".
  static let comparing =
    "first|worst|best|most|deadliest|bloodiest|highest|largest|biggest|heaviest|lowest|greatest|fiercest|strongest|busiest|longest|calmest|quietest"
  static let pronouns = "them|these|those|whom|they|us|you"
  static let dead = "dead|deceased|slain|fallen|lifeless"
  static let living = "living|surviving|alive|injured|wounded|hurt|sick|ill"
  static let adverbs =
    "also|further|later|earlier|previously|again|separately|additionally|repeatedly|initially|then|now|recently|already|originally|subsequently|meanwhile|first|last|still"
  static let conjunctions = "and|or|plus|as well as|along with"
  static let speech =
    "said|says|say|saying|estimate|estimates|counts|counted|recorded|records|documented|stated|told|tells|reported|reports|announced|announces|indicated|indicates|confirmed|confirms|added|noted|notes|explained|cited|wrote|writes|claimed|claims|declared|disclosed|revealed|according"
  static let ages = "aged|age|ages|old|year-old|years-old"
  static let takesOver =
    "hand|hands|handed|handing|turn|turns|turned|turning|sign|signs|signed|signing|pass|passes|passed|passing|take|takes|took|taken|taking|give|gives|gave|given|giving"
  static let auxiliaries = "is|are|was|were|have|has|had|will|would|remain|remains|remained"
  static let raising = "bring|brings|bringing|brought|raise|raises|raising|raised|take|takes|taking|took|push|pushes|pushing|pushed|lift|lifts|lifting|lifted"
  static let offices =
    "ministry|office|hospital|authority|authorities|agency|department|directorate|bureau|commission|committee|council|society|service|services|organization|organisation|administration|unit|union|federation|coalition|mission|minister|director|spokesperson|spokesman|spokeswoman|head|chief"
  static let medical = "sick|ill|wounded|injured|critically|seriously|severely|chronically"
  static let ordinalSuffixes = "st|nd|rd|th"
}
