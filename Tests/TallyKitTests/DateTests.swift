import Testing

@testable import TallyKit

@Suite("Dates and periods (codebook section 5)")
struct DateTests {
  static let cases: [(published: String?, sentence: String, mention: String, date: String?)] = [
    ("2025-12-03", "On October 10, Hamas released 20 hostages.", "20", "2025-10-10"),
    ("2026-02-02", "On Saturday, strikes killed at least 32 people.", "32", "2026-01-31"),
    ("2026-02-02", "Strikes killed at least 32 people on Monday.", "32", "2026-02-02"),
    ("2026-02-02", "About 150 people will leave Gaza on Wednesday.", "150", "2026-02-04"),
    ("2026-02-02", "About 150 people were scheduled to leave on Wednesday.", "150", "2026-01-28"),
    ("2026-02-02", "Strikes killed 20 people yesterday.", "20", "2026-02-01"),
    ("2026-02-02", "Strikes killed 20 people last week.", "20", "2026-01-26"),
    ("2026-02-02", "Strikes killed 20 people last month.", "20", "2026-01"),
    ("2026-02-02", "As of Friday, 500 people had been killed.", "500", "2026-01-30"),
    ("2026-02-02", "Strikes killed 20 people in March 2025.", "20", "2025-03"),
    ("2025-01-05", "On December 28, strikes killed 10 people.", "10", "2024-12-28"),
    // "entered on Sunday" dates what entered; only "entered into force" starts an event.
    ("2025-02-18", "Dozens of trucks entered on Sunday, and 600 crossed during the first week of the ceasefire.", "Dozens", "2025-02-16"),
    ("2025-02-01", "The process to free 183 prisoners began under the ceasefire deal entered on January 19.", "183", "2025-02-01"),
    ("2025-02-05", "Two days ago, 40 people were killed.", "40", "2025-02-03"),
    // A date before a value compared with dates the figure it is compared with.
    ("2024-03-18", "Just 159 trucks a day entered in February, down from 500 before the war.", "500", "2024-03-18"),
    ("2024-03-18", "Just 159 trucks a day entered in February, down from 500 before the war.", "159", "2024-02"),
    // A projection looks ahead: "by mid-July" in March is this July.
    ("2024-03-18", "The IPC said 1.1 million people are projected to face catastrophic hunger by mid-July.", "1.1 million", "2024-07"),
    // A day without a year on which the calendar's war began is that day when it names the
    // attack or starts a period; otherwise it is in the publication's year.
    ("2025-03-01", "About 1,200 people were killed in the October 7 attack.", "About 1,200", "2023-10-07"),
    ("2025-10-20", "On October 7, strikes killed 50 people.", "50", "2025-10-07"),
    // A present state in a clause after ", and" is not dated by the first days before it.
    ("2025-01-22", "Teams recovered 120 bodies in the first three days of the ceasefire, and say another 10,000 people are still missing.", "10,000", "2025-01-22"),
    ("2025-01-22", "Teams recovered 120 bodies in the first three days of the ceasefire, and say another 10,000 people are still missing.", "120", "2025-01-21"),
    // A present need is not dated by a clause after a comma that opens with a number of its own.
    ("2024-05-07", "The WHO estimates that roughly 14,000 people need to leave Gaza for care, half a million fewer procedures having been carried out this year than last.", "roughly 14,000", "2024-05-07"),
    // A date after a share of a measure compared with ("fewer than half the number") is
    // that measure's.
    ("2025-09-05", "Since the start of the year, 1,200 patients have been evacuated, fewer than half the number who left in 2024, the WHO said.", "1,200", "2025-09-05"),
    // A date before a ", which" clause is not the date of a figure in that clause; a
    // ", where" clause tells the place of what the date dates.
    ("2024-12-06", "Israeli authorities rejected 43 of 110 medical evacuation requests submitted in November, according to the WHO, which said five patients on the list died waiting.", "five", "2024-12-06"),
    ("2025-09-02", "Two more were killed on Monday in a strike on a hospital in Khan Younis, where five reporters had gathered.", "five", "2025-09-01"),
    // A date in a later clause that plans a figure of its own is that figure's.
    ("2025-02-03", "Fifty patients crossed into Egypt along with 61 companions, and another 37 were expected to follow on Sunday.", "Fifty", "2025-02-03"),
    ("2025-02-03", "Fifty patients crossed into Egypt along with 61 companions, and another 37 were expected to follow on Sunday.", "37", "2025-02-02"),
    ("2025-02-03", "Israel freed 90 prisoners, and Hamas is due to release three hostages on Sunday.", "90", "2025-02-03"),
    // The day of a statement does not date what is to come.
    ("2025-01-16", "Under the agreement announced on Wednesday, Hamas will release 33 hostages over six weeks.", "33", "2025-01-16"),
    // "a day after ...": that many days before the date of what it follows, unless its own
    // clause has a date.
    ("2025-10-14", "Israel returned 45 bodies on Tuesday, a day after Hamas returned the remains of four hostages.", "four", "2025-10-13"),
    ("2025-10-14", "Israel returned 45 bodies on Tuesday, a day after Hamas returned the remains of four hostages.", "45", "2025-10-14"),
    ("2025-10-14", "Two days after 12 patients left, 30 more crossed on Thursday.", "12", "2025-10-07"),
    ("2025-10-14", "Two days after 12 patients left on Monday, 30 more crossed.", "12", "2025-10-13"),
    // The opening phrase's date is its whole's; a part told in the present, and a breakdown
    // with no date after it, are as of their own time and their whole's.
    ("2025-02-20", "Of the 251 people taken on October 7, 2023, 70 remain in Gaza, including 35 declared dead.", "251", "2023-10-07"),
    ("2025-02-20", "Of the 251 people taken on October 7, 2023, 70 remain in Gaza, including 35 declared dead.", "70", "2025-02-20"),
    ("2025-02-20", "Of the 251 people taken on October 7, 2023, 70 remain in Gaza, including 35 declared dead.", "35", "2025-02-20"),
    // "from Sunday's strikes": the day the event is named by is its date, not a period start.
    ("2025-03-15", "The death toll from Sunday's strikes climbed to 67.", "67", "2025-03-09"),
    ("2025-02-05", "Strikes killed 40 people a week ago.", "40", "2025-01-29"),
    ("2025-02-05", "Over the weekend, 30 patients left Gaza.", "30", "2025-02-02"),
    // "the first week of the ceasefire": the data runs to its seventh day.
    ("2025-02-05", "Around 600 trucks a day crossed during the first week of the ceasefire.", "Around 600", "2025-01-25"),
    ("2025-02-05", "In the first 10 days of the ceasefire, 600 trucks entered Gaza.", "600", "2025-01-28"),
    // The time before a named period runs to the day before it began.
    ("2025-01-27", "In the three months before the truce, an average of 76 trucks a day had entered.", "76", "2025-01-18"),
    ("2025-01-27", "In the two weeks before the ceasefire began, 76 trucks a day entered.", "76", "2025-01-18"),
    ("2025-02-05", "In the first ten days of the ceasefire, 600 trucks entered Gaza.", "600", "2025-01-28"),
    ("2025-02-05", "Three weeks ago, 40 people were killed.", "40", "2025-01-15"),
    ("2024-10-02", "Israeli forces have killed more than 700 Palestinians in the West Bank since October 7 last year.", "700", "2024-10-02"),
    ("2025-11-02", "On March 18 last year, strikes killed more than 400 people.", "400", "2024-03-18"),
    // The day of a statement dates a figure only when its sentence gives no other date.
    ("2025-08-20", "The WHO said on Wednesday that it had helped evacuate 155 patients to Jordan last week.", "155", "2025-08-13"),
    ("2025-02-05", "The ministry said on Tuesday that 25 people were killed on Monday.", "25", "2025-02-03"),
    ("2025-02-05", "The ministry said on Tuesday that 45 people had been killed.", "45", "2025-02-04"),
    // A present state told after a dated clause is as of publication; a past event shares the day.
    ("2024-06-12", "Israel says 1,200 people were killed in the Oct. 7 attack, and about 120 hostages remain in Gaza.", "about 120", "2024-06-12"),
    ("2024-01-20", "Around 1,200 people were killed in Israel during the Oct. 7 attack, and some 250 were taken hostage.", "some 250", "2023-10-07"),
    // Nor does a date in a later clause date a present state told before it.
    ("2025-11-02", "Around 600 trucks a day are supposed to enter, but the UN said only 145 had come in daily during the last week.", "Around 600", "2025-11-02"),
    ("2025-11-02", "Around 600 trucks a day are supposed to enter, but the UN said only 145 had come in daily during the last week.", "145", "2025-10-26"),
    ("2025-04-15", "At least 322 children were killed in the 10 days after the truce collapsed on March 18.", "At least 322", "2025-03-28"),
    ("2023-12-15", "At least 120 people were killed in the first two weeks following October 7.", "At least 120", "2023-10-21"),
    // "between January 12 and 18": a range of days (and the 18 is no figure).
    ("2026-01-22", "Between January 12 and 18, 480 people entered Gaza.", "480", "2026-01-18"),
    // ... and "through", as the date reader takes it (the 30 is no figure).
    ("2025-02-05", "From January 20 through 30, 50 trucks entered.", "50", "2025-01-30"),
    // ... and day first: "between 1 and 14 January", "from 1 to 14 January" (the 1 is no figure).
    ("2026-01-15", "Between 1 and 14 January, 312 patients left through Kerem Shalom.", "312", "2026-01-14"),
    ("2026-01-15", "From 1 to 14 January, 312 patients left.", "312", "2026-01-14"),
    // "Over 2024," dates to the year; "Over 2000 people" is a number.
    ("2024-12-31", "Over 2024, at least 23,000 people were killed.", "at least 23,000", "2024"),
    // "A week earlier," counts from the last event day, past a part dated by its whole and
    // across a paragraph break.
    ("2025-11-13", "Forty-one patients left Gaza on Wednesday. Among the patients were 22 children.\n\nA week earlier, 17 patients had been evacuated to Turkey.", "17", "2025-11-05"),
    // A date past a later figure of the clause is that figure's, not a running total's.
    ("2025-10-26", "Israeli fire has killed 93 Palestinians since the truce took effect, including 44 on a single day, October 19.", "93", "2025-10-26"),
    ("2025-10-26", "Israeli fire has killed 93 Palestinians since the truce took effect, including 44 on a single day, October 19.", "44", "2025-10-19"),
    // A day in a clause a semicolon closes does not date a running total after it; a figure
    // of that clause's kind shares it, and a later clause's own date is its figure's.
    ("2025-07-09", "About 1,200 were killed on October 7, 2023; 380 soldiers have been killed in the ground operation.", "380", "2025-07-09"),
    ("2025-07-09", "Israeli strikes on Monday killed 50 people in Rafah; another 20 died in Khan Younis.", "20", "2025-07-07"),
    ("2025-07-09", "50 people were killed in Rafah; 20 more died on Tuesday.", "50", "2025-07-09"),
    ("2025-07-09", "50 people were killed in Rafah; 20 more died on Tuesday.", "20", "2025-07-08"),
    // A date past a later, planned figure after a comma is that figure's.
    ("2025-08-22", "It said 514,000 people faced famine conditions, a number expected to reach 641,000 by the end of September.", "514,000", "2025-08-22"),
    ("2025-08-22", "It said 514,000 people faced famine conditions, a number expected to reach 641,000 by the end of September.", "641,000", "2025-09-30"),
    // "They were accompanied by 17 relatives" adds to the event the sentence before dated.
    ("2024-12-17", "Twelve patients crossed into Egypt on Monday. They were accompanied by 17 relatives.", "17", "2024-12-16"),
    ("2024-12-17", "Twelve patients crossed into Egypt on Monday. They were among 14,000 patients still waiting.", "14,000", "2024-12-17"),
    // A planned figure takes the next such month.
    ("2026-02-10", "Officials expect daily numbers to rise to 100 in each direction by March.", "100", "2026-03"),
    // A year that is its clause's subject or complement dates the clause; an amount does not.
    ("2025-08-20", "The group said 2024 was the deadliest year for journalists, with 124 killed worldwide.", "124", "2024"),
    ("2025-08-20", "2024 saw 124 journalists killed worldwide, the group said.", "124", "2024"),
    ("2025-08-20", "The deadliest year was 2024, when 124 journalists were killed.", "124", "2024"),
    ("2025-08-20", "Some 2024 was spent on aid, and 50 people were killed.", "50", "2025-08-20"),
    ("2024-12-31", "Over 2000 people were killed.", "Over 2000", "2024-12-31"),
    // A part after an opening whole, told in the past, is as of the whole; a present one is not.
    ("2025-10-14", "Israel freed 1,968 Palestinians on Monday. Of them, 1,718 had been detained in Gaza.", "1,718", "2025-10-13"),
    ("2025-10-14", "Israel freed 1,968 Palestinians on Monday. Of them, 12 remain in hospital.", "12", "2025-10-14"),
    // ... or, in any tense, a later clause with a pronoun subject of its own.
    ("2025-08-22", "The agency said 30 trucks were unloaded, and it expects 200 more by the end of September.", "30", "2025-08-22"),
    ("2025-08-22", "The agency said 30 trucks were unloaded, and it expects 200 more by the end of September.", "200", "2025-09-30"),
    ("2025-06-02", "About 300 patients left Gaza in May last year.", "About 300", "2024-05"),
    // The end of a range of months, with "late" or "early" before either end.
    ("2025-07-20", "The office recorded 875 killings between late May and July 13.", "875", "2025-07-13"),
    ("2025-07-20", "The office recorded 875 killings between June and July.", "875", "2025-07"),
    // A release delayed on Saturday was planned for that past Saturday.
    ("2025-02-23", "Israel delayed the release of 620 Palestinian prisoners on Saturday.", "620", "2025-02-22"),
    // A date after a compared value is that value's.
    ("2025-09-15", "Roughly 250,000 people have left Gaza City, up from 190,000 a week ago.", "Roughly 250,000", "2025-09-15"),
    ("2025-09-15", "Roughly 250,000 people have left Gaza City, up from 190,000 a week ago.", "190,000", "2025-09-08"),
    // "a day earlier", "the day before", "a week earlier": from the date the sentence names
    // before them, else from publication; an opening "A day earlier," from the event before.
    ("2024-12-18", "The toll climbed to 45,028, the ministry said on Monday, up from 44,976 a day earlier.", "45,028", "2024-12-16"),
    ("2024-12-18", "The toll climbed to 45,028, the ministry said on Monday, up from 44,976 a day earlier.", "44,976", "2024-12-15"),
    ("2025-11-15", "Some 180 trucks crossed on Friday, up from 120 the day before.", "120", "2025-11-13"),
    ("2025-07-27", "Sixteen patients left on Sunday, up from nine a week earlier.", "nine", "2025-07-20"),
    ("2025-08-01", "The toll rose to 45,028, up from 44,976 the day before.", "44,976", "2025-07-31"),
    // A part of a month is dated by the day it runs to ("last week" there is no relative date).
    ("2025-01-16", "Only 22 patients were evacuated in the first two weeks of January.", "22", "2025-01-14"),
    ("2025-08-01", "Some 300 trucks entered in the first 10 days of March.", "Some 300", "2025-03-10"),
    ("2025-08-01", "About 40 patients left in the last week of December.", "About 40", "2024-12-31"),
    ("2025-08-01", "About 40 patients left in the second week of February 2024.", "About 40", "2024-02-14"),
    ("2025-08-01", "About 40 patients left in the second half of February 2024.", "About 40", "2024-02-29"),
    ("2025-08-01", "About 40 patients had left by the end of January.", "About 40", "2025-01-31"),
    ("2025-08-01", "About 40 patients left at the end of last month.", "About 40", "2025-07-31"),
    ("2025-08-01", "About 40 patients left at the end of 2024.", "About 40", "2024-12-31"),
    // "climbed to X on Monday from Y on Sunday": the value a change started from keeps its day.
    ("2025-12-17", "The death toll climbed to 45,028 on Monday from 44,976 on Sunday.", "45,028", "2025-12-15"),
    ("2025-12-17", "The death toll climbed to 45,028 on Monday from 44,976 on Sunday.", "44,976", "2025-12-14"),
    ("2025-07-28", "Israel freed 90 prisoners on Sunday. A day earlier, Hamas freed three hostages.", "three", "2025-07-26"),
    // A date inside a relative clause dates only that clause.
    ("2025-02-26", "During the first phase, which ends on Saturday, Hamas has freed 25 living hostages.", "25", "2025-02-26"),
    // An "and" between a date and a figure puts it further, as a comma does.
    ("2025-05-22", "Israel said 93 trucks had crossed on Tuesday and 87 on Wednesday.", "87", "2025-05-21"),
    ("2025-05-22", "Israel said 93 trucks had crossed on Tuesday and 87 on Wednesday.", "93", "2025-05-20"),
    // A date in a clause that opens inside a later clause of its own ("..., and 500,000
    // returned after the corridor opened on January 27") is that clause's figure's.
    ("2025-03-02", "Around 4,200 trucks entered, according to the UN, and over 500,000 people returned north after the corridor opened on January 27.", "Around 4,200", "2025-03-02"),
    ("2025-03-02", "Around 4,200 trucks entered, according to the UN, and over 500,000 people returned north after the corridor opened on January 27.", "over 500,000", "2025-01-27"),
    ("2025-03-02", "Strikes killed 40 people, and wounded 100 others on Tuesday.", "40", "2025-02-25"),
    // "the first weeks" names no number of weeks.
    ("2024-03-05", "The family had fled in the first weeks of the war, one of more than 1 million people who have sought refuge in Rafah.", "1 million", "2024-03-05"),
    // A present state past an appositive is not dated by a later clause's date.
    ("2025-08-30", "Some 514,000 people, nearly a quarter of Gazans, are experiencing famine, and that is projected to rise to 641,000 by the end of September.", "Some 514,000", "2025-08-30"),
    // A date in a later ", after" clause with a figure of its own is that figure's.
    ("2025-10-02", "The number of journalists killed in Gaza has reached 250, the office said, after two more were killed on Wednesday.", "250", "2025-10-02"),
    ("2025-10-02", "The number of journalists killed in Gaza has reached 250, the office said, after two more were killed on Wednesday.", "two", "2025-10-01"),
    // Even a plan is dated within half a year of publication, either way.
    ("2025-02-03", "The military said on Nov. 3 that it had approved the departure of 150 people a day.", "150", "2024-11-03"),
    ("2025-12-20", "About 300 patients will leave on January 5.", "300", "2026-01-05"),
    // An event told as what started a period is on the period's first day; the period that
    // the war names after "since" is still a period.
    ("2025-10-07", "Militants killed around 1,200 people in the attack that triggered the war, and took 251 hostages.", "around 1,200", "2023-10-07"),
    ("2025-10-07", "Militants killed around 1,200 people in the attack that triggered the war, and took 251 hostages.", "251", "2023-10-07"),
    ("2025-10-07", "Since the war started, 300 patients have left.", "300", "2025-10-07"),
    // "respectively": the k-th number of a list takes the k-th date of a list after it.
    ("2025-10-07", "An average of 75 and 110 trucks a day entered in August and September respectively.", "75", "2025-08"),
    ("2025-10-07", "An average of 75 and 110 trucks a day entered in August and September respectively.", "110", "2025-09"),
    // "the same month last year": the publication's month, a year back.
    ("2025-07-08", "The number is higher than in the same month last year, when 300 patients left.", "300", "2024-07"),
    // ... or the month the sentence named before it, a year back.
    ("2025-09-15", "In August alone, 112 patients left Gaza, compared with 1,000 in the same month last year.", "1,000", "2024-08"),
    // A month alone that has not yet begun is last year's in a past-tense report (a day keeps
    // a month's grace); a plan looks ahead.
    ("2026-01-30", "The crossing was last opened in February, when around 1,500 patients left.", "around 1,500", "2025-02"),
    ("2026-01-30", "Some 1,500 patients will leave in February.", "Some 1,500", "2026-02"),
    ("2026-01-30", "On February 2, 40 patients left.", "40", "2026-02-02"),
    ("2025-02-01", "From January 20 to 30, 300 patients left Gaza.", "300", "2025-01-30"),
    ("2026-02-02", "Some 50 patients left Gaza.", "50", "2026-02-02"),
    (nil, "Some 50 patients left Gaza.", "50", nil),
    (nil, "On October 10, 2025, Hamas released 20 hostages.", "20", "2025-10-10"),
    // The date of a comparing "since" is not the figure's.
    ("2025-03-19", "Strikes killed more than 400 people, the deadliest day since the ceasefire took hold in January.", "more than 400", "2025-03-19"),
    // A sentence that opens by counting days from the event the sentence before dated is that
    // many days from it (not past publication).
    ("2025-10-15", "Hamas freed three hostages on Saturday. Two days later, Israel released 90 prisoners.", "90", "2025-10-13"),
    ("2025-01-31", "Hamas freed two women on Thursday. Hours later, Israel released 110 prisoners.", "110", "2025-01-30"),
    // "A week later," is seven days on, for every figure of its sentence.
    ("2025-02-20", "On January 19, Hamas freed three women. A week later, four Israeli soldiers were exchanged for 200 prisoners.", "four", "2025-01-26"),
    ("2025-02-20", "On January 19, Hamas freed three women. A week later, four Israeli soldiers were exchanged for 200 prisoners.", "200", "2025-01-26"),
    ("2025-01-31", "Hamas freed two women on Thursday. A few hours later, Israel released 110 prisoners.", "110", "2025-01-30"),
    ("2025-10-15", "Israel released 90 prisoners on Monday. A day earlier, Hamas freed three hostages.", "three", "2025-10-12"),
    ("2025-10-15", "Fifty patients left on Sunday. The following day, 40 more patients left.", "40", "2025-10-13"),
    ("2025-10-15", "Fifty patients left on Sunday. Days later, 40 more patients left.", "40", "2025-10-15"),
    ("2025-10-15", "Fifty patients left on Monday. Five days later, 40 more patients left.", "40", "2025-10-15"),
    // "the previous week" is last week.
    ("2025-10-08", "In the previous week, an average of 190 trucks a day crossed.", "190", "2025-10-01"),
    // The days a count runs over replace the day its source spoke.
    ("2025-11-03", "Some 6,700 trucks entered in the first three weeks of the ceasefire, the UN said on Monday.", "Some 6,700", "2025-10-30"),
    // A date in a second reported clause, an aside about a part, or a later clause told after
    // a total in the present perfect, is not the figure's.
    ("2025-11-03", "COGAT said 4,200 trucks a week had been cleared, and that 1,050 trucks entered on Sunday.", "4,200", "2025-11-03"),
    ("2025-11-03", "COGAT said 4,200 trucks a week had been cleared, and that 1,050 trucks entered on Sunday.", "1,050", "2025-11-02"),
    ("2025-11-06", "WHO has helped evacuate 7,800 patients, most of them before the crossing closed in May 2024.", "7,800", "2025-11-06"),
    ("2025-11-04", "Militants have returned the remains of 21 hostages, while all 20 living hostages were released on October 13.", "21", "2025-11-04"),
    ("2025-11-04", "Militants have returned the remains of 21 hostages, while all 20 living hostages were released on October 13.", "20", "2025-10-13"),
    // A date in a relative clause after a later figure's noun dates that figure alone.
    ("2025-11-07", "Hamas has returned the bodies of 22 hostages, as well as all 20 living hostages who were freed on October 13.", "22", "2025-11-07"),
    ("2025-11-07", "Hamas has returned the bodies of 22 hostages, as well as all 20 living hostages who were freed on October 13.", "20", "2025-10-13"),
  ]

  @Test(arguments: cases)
  func date(_ published: String?, _ sentence: String, _ mention: String, _ expected: String?) throws {
    let f = try #require(figure(sentence, mention, published: published))
    #expect(f.date?.description == expected)
  }

  static let periods: [(published: String, sentence: String, mention: String, start: String?)] = [
    ("2025-12-03", "Only 235 patients have been evacuated since the ceasefire began.", "235", "2025-10-10"),
    ("2025-02-10", "Some 120 patients have been evacuated since the ceasefire began.", "120", "2025-01-19"),
    ("2026-02-02", "Since the ceasefire took effect on October 11, 509 people were killed.", "509", "2025-10-11"),
    ("2026-02-02", "Since the ceasefire took effect in early October, 509 people were killed.", "509", "2025-10-10"),
    ("2024-03-10", "At least 73 journalists have been killed since October 7, 2023.", "73", "2023-10-07"),
    ("2023-11-01", "As many as 9,900 people have been killed in the war.", "9,900", "2023-10-07"),
    ("2025-08-10", "At least 61,000 people have been killed in Gaza since October 2023.", "61,000", "2023-10-07"),
    // A month snaps to a period's first day only for the war or a period the sentence names.
    ("2025-11-30", "Since November 2023, Italy has taken in 218 patients from Gaza.", "218", "2023-11"),
    ("2025-11-30", "Some 300 patients have left since the truce of November 2023.", "300", "2023-11-24"),
    ("2025-08-10", "The UN recorded 1,373 people killed while seeking food since May 27.", "1,373", "2025-05-27"),
    ("2025-02-01", "From January 20 to 30, 300 patients left Gaza.", "300", "2025-01-20"),
    ("2026-01-15", "Between 1 and 14 January, 312 patients left through Kerem Shalom.", "312", "2026-01-01"),
    // A weekday range's start is the one before its end, not the day of publication.
    ("2025-07-21", "Only 37 convoys reached the north between Monday and Thursday.", "37", "2025-07-14"),
    ("2026-02-02", "On Saturday, strikes killed at least 32 people.", "32", nil),
    ("2025-02-02", "Since the crossing closed in May 2024, fewer than 5,000 patients have been evacuated.", "5,000", "2024-05"),
    // A "since" that compares opens no period, and its date dates nothing.
    ("2025-03-19", "Israeli strikes killed more than 400 Palestinians overnight, the deadliest day since the ceasefire took hold in January.", "more than 400", nil),
    ("2026-02-02", "The crossing reopened for the first time since May 2024, and 50 patients left.", "50", nil),
    // ... however far the superlative stands before the "since" that names the period.
    ("2024-01-22", "Twenty-one soldiers were killed on Monday, the deadliest day for its forces since the ground offensive began.", "Twenty-one", nil),
    ("2025-02-05", "In the first 10 days of the ceasefire, 600 trucks entered Gaza.", "600", "2025-01-19"),
    ("2025-01-27", "In the three months before the truce, an average of 76 trucks a day had entered.", "76", "2024-10-19"),
    ("2025-01-27", "In the two weeks before the ceasefire began, 76 trucks a day entered.", "76", "2025-01-05"),
    // The words of a running total raised by the next figure are that total's.
    ("2024-12-30", "Three Israeli soldiers were killed on Sunday, the military said, bringing the number of troops killed since the ground offensive began to 390.", "Three", nil),
    ("2024-12-30", "Three Israeli soldiers were killed on Sunday, the military said, bringing the number of troops killed since the ground offensive began to 390.", "390", "2023-10-07"),
    // ... past the figure's breakdowns too.
    ("2025-08-12", "Five more people, including two children, died of hunger, bringing the number of hunger deaths since the war began to 227.", "Five", nil),
    // ... and so is a "since" right after the total's number.
    ("2025-08-26", "Eleven more people died of malnutrition in the past day, raising the total of such deaths to 300 since the war began.", "Eleven", nil),
    // "since the start of the year" starts with the publication's year, as "this year" does.
    ("2025-04-25", "Israeli forces have arrested more than 2,500 Palestinians since the start of the year.", "more than 2,500", "2025"),
    // A "since" after a number of days measures that time: no period of the figure.
    ("2025-05-26", "Families of the 58 hostages still held gathered to mark 600 days since the October 7 attack.", "58", nil),
    ("2025-05-26", "Families of the 58 hostages still held gathered to mark 600 days since the war began.", "58", nil),
    // ... but "in the two years since" counts over that time.
    ("2025-10-07", "The ministry says 67,160 people have been killed in the two years since October 7, 2023.", "67,160", "2023-10-07"),
    // ... and "since the start of the month" with its month.
    ("2025-07-08", "OCHA estimated that since the start of the month some 250,000 Palestinians had been displaced.", "some 250,000", "2025-07"),
    // A time before a named period starts none.
    ("2024-11-25", "Israel held 10,221 Palestinians in its prisons. Before the war the total was about 5,200.", "about 5,200", nil),
    // ... and past a partner after "and".
    ("2024-03-25", "In the 48 hours to Monday morning, 107 people were killed and 176 wounded, the health ministry said, raising the death toll since 7 October to 32,333.", "107", nil),
    ("2025-08-12", "Five more people, including two children, died of hunger, bringing the number of hunger deaths since the war began to 227.", "227", "2023-10-07"),
    // A total named after its number ("bringing to 87 the number ... since Saturday") owns the
    // words of its clause.
    ("2025-02-03", "Officials said 37 patients crossed, bringing to 87 the number of patients who have left since Saturday.", "37", nil),
    ("2025-02-03", "Officials said 37 patients crossed, bringing to 87 the number of patients who have left since Saturday.", "87", "2025-02-01"),
    ("2025-03-01", "Israel has killed more than 50,000 Palestinians since October 7.", "more than 50,000", "2023-10-07"),
    // ... and so is one named with another calendar event: "the January 19 ceasefire".
    ("2026-02-20", "Israel has killed 2,000 Palestinians since the January 19 ceasefire.", "2,000", "2025-01-19"),
    ("2026-11-20", "Israel has killed 400 Palestinians since the ceasefire took effect on October 10.", "400", "2025-10-10"),
    ("2025-03-01", "Israel has killed more than 50,000 Palestinians since the Hamas-led attack on October 7.", "more than 50,000", "2023-10-07"),
    // For a release, a "since" after a detention tells when its people were taken.
    ("2025-10-11", "Israel is to release 250 prisoners and 1,700 people detained in Gaza since the war began.", "1,700", nil),
    ("2025-06-30", "Israeli forces have detained 18,000 people since the war began.", "18,000", "2023-10-07"),
    // A whole's period is not the one its part's relative clause names.
    ("2024-11-05", "The agency employs about 13,000 people in Gaza, of whom 243 have been killed since the war began.", "about 13,000", nil),
    ("2024-11-05", "The agency employs about 13,000 people in Gaza, of whom 243 have been killed since the war began.", "243", "2023-10-07"),
    // Of two named periods with "since", each figure takes its own.
    ("2025-12-30", "The WHO has helped evacuate some 2,300 patients since the October ceasefire and more than 10,000 since the war began.", "some 2,300", "2025-10-10"),
    ("2025-12-30", "The WHO has helped evacuate some 2,300 patients since the October ceasefire and more than 10,000 since the war began.", "more than 10,000", "2023-10-07"),
    // A "since" after a stoppage measures the stoppage.
    ("2025-02-27", "Israel began releasing more than 600 prisoners whose release had been held up since Saturday.", "more than 600", nil),
    ("2025-03-10", "Only 40 patients have left, with aid blocked since March 2.", "40", nil),
    // A year inside the total's words ("since October 2023") is still the total's.
    ("2025-06-30", "Israeli forces detained 18 Palestinians, bringing the number arrested since October 2023 to over 18,000.", "18", nil),
    ("2025-06-30", "Israeli forces detained 18 Palestinians, bringing the number arrested since October 2023 to over 18,000.", "over 18,000", "2023-10-07"),
    // A month with "last year" or "this year".
    ("2024-12-02", "Nine babies have died of hypothermia since mid-December last year.", "Nine", "2023-12"),
    // "mid-August" is one token, and a month.
    ("2025-08-30", "Since mid-August, about 23,000 have moved south.", "about 23,000", "2025-08"),
    // A range of months, and one whose ends say "late" or "early".
    ("2025-07-20", "The office recorded 875 killings between late May and July 13.", "875", "2025-05"),
    ("2025-07-20", "The office recorded 875 killings between June and July.", "875", "2025-06"),
    ("2025-07-20", "The office recorded 875 killings between late May and early July.", "875", "2025-05"),
    // The words of a running total past the figure's companions are the total's.
    ("2025-02-04", "A group of 50 patients, along with 61 companions, left on Monday, bringing the number evacuated since February 1 to 117.", "50", nil),
    // A period before a value compared with is the figure's, not the value's.
    ("2025-01-21", "On the first day of the ceasefire, 630 trucks entered, more than the 600 a day the deal requires.", "630", "2025-01-19"),
    ("2025-01-21", "On the first day of the ceasefire, 630 trucks entered, more than the 600 a day the deal requires.", "600", nil),
    // "in the 10 days after ... on March 18": the period those days run over.
    ("2025-04-15", "At least 322 children were killed in the 10 days after the truce collapsed on March 18.", "At least 322", "2025-03-18"),
    // A range's start without a year is not after its end.
    ("2026-01-14", "Between February and December last year, 7,800 patients were referred abroad.", "7,800", "2025-02"),
    ("2026-01-14", "From February to December 2025, 7,800 patients were referred abroad.", "7,800", "2025-02"),
    // A "since" of another clause is not the figure's: a later clause's, or an earlier one's
    // before "after", or before "but" and a present state; "while X counts" shares it.
    ("2025-03-02", "No patients have left since Friday, the WHO said on Sunday, after 1,702 had been evacuated.", "1,702", nil),
    ("2025-03-02", "Some 14,000 patients are waiting, according to the ministry, which says 700 have died waiting since the war began.", "Some 14,000", nil),
    ("2025-03-02", "Some 14,000 patients are waiting, according to the ministry, which says 700 have died waiting since the war began.", "700", "2023-10-07"),
    ("2024-11-18", "According to the UN, 130,000 people remain in northern Gaza, where aid has been blocked since early October.", "130,000", nil),
    ("2026-01-10", "Since the October ceasefire, the WHO has helped 1,480 patients leave Gaza, but 18,500 remain on waiting lists.", "1,480", "2025-10-10"),
    ("2026-01-10", "Since the October ceasefire, the WHO has helped 1,480 patients leave Gaza, but 18,500 remain on waiting lists.", "18,500", nil),
    ("2025-02-20", "Israel says more than 4,000 trucks have entered since the ceasefire, while the UN counts 3,200.", "3,200", "2025-01-19"),
    // A value compared with is not counted over the figure's period; "more than" compares nothing.
    ("2024-05-20", "Only 906 trucks have arrived since May 6, compared with a daily average of about 200 before.", "about 200", nil),
    ("2024-05-20", "Only 906 trucks have arrived since May 6, compared with a daily average of about 200 before.", "906", "2024-05-06"),
    ("2025-06-01", "The war, which began in October 2023, has killed more than 54,000 Palestinians and wounded over 120,000.", "over 120,000", "2023-10-07"),
    // "October 7 last year".
    ("2024-10-02", "Israeli forces have killed more than 700 Palestinians in the West Bank since October 7 last year.", "700", "2023-10-07"),
    // A "since" of another clause gives way to the figure's own.
    ("2025-04-20", "Israel has rejected a third of requests since March, the WHO said, and at least 1,600 patients have died before they could be evacuated since the war began.", "1,600", "2023-10-07"),
    // "on March 18 to 830": the day is a date's, and 830 a running total of its own.
    ("2025-03-27", "The ministry said 39 people had been killed in the previous 24 hours, raising the death toll since Israel resumed strikes on March 18 to 830.", "830", "2025-03-18"),
    ("2025-03-27", "The ministry said 39 people had been killed in the previous 24 hours, raising the death toll since Israel resumed strikes on March 18 to 830.", "39", nil),
    // A recent window is no running total, whatever period the sentence names.
    ("2025-11-07", "Israeli forces have killed at least 266 Palestinians since the ceasefire began, including 3 killed in the past 24 hours.", "3", nil),
    ("2025-11-07", "Israeli forces have killed at least 266 Palestinians since the ceasefire began, including 3 killed in the past 24 hours.", "266", "2025-10-10"),
    // A comparing word up to five words before "since" compares.
    ("2025-02-02", "Fifty children left Gaza on Saturday, the first group allowed out since Israel seized the crossing in May.", "Fifty", nil),
    // A longer since-clause still opens the period its date names.
    ("2024-05-30", "UNRWA estimates that about one million people have fled Rafah since Israel began its military operation there on May 6.", "one million", "2024-05-06"),
    // Each clause's own "since".
    ("2025-05-27", "The UN says 1.9 million people have been displaced since March 18, and that fewer than 20 aid trucks a day have entered since the blockade was eased on May 19.", "fewer than 20", "2025-05-19"),
    ("2025-05-27", "The UN says 1.9 million people have been displaced since March 18, and that fewer than 20 aid trucks a day have entered since the blockade was eased on May 19.", "1.9 million", "2025-03-18"),
    // "after DATE" starts a running total of casualties, not the time prisoners were taken.
    ("2025-02-02", "At least 50 people have been killed after October 7, 2023.", "50", "2023-10-07"),
    ("2025-02-02", "Of the 183 prisoners, 111 were taken by Israeli forces in Gaza after October 7, 2023.", "111", nil),
    // A war word after a superlative names one episode, not the war.
    ("2025-03-04", "Air strikes killed at least 413 Palestinians overnight in the heaviest bombardment since the truce began.", "at least 413", nil),
    // A period named in an earlier clause, with no "since", is not a later clause's.
    ("2024-08-20", "A total of 105 hostages were released during the November truce, and seven have been rescued by troops.", "seven", nil),
    ("2024-08-20", "A total of 105 hostages were released during the November truce, and seven have been rescued by troops.", "105", "2023-11-24"),
    // What happened on a day its clause names is that day's toll, not the war's running total.
    ("2024-02-08", "Three Israeli soldiers were killed in fighting in northern Gaza on Sunday.", "Three", nil),
    // A "since" before the verb that raises a total is the raising figure's; the total's own
    // words give the total's.
    ("2024-02-08", "Strikes have killed 300 people since Monday, bringing the toll to 30,000.", "300", "2024-02-05"),
    ("2024-02-08", "Strikes have killed 300 people since Monday, bringing the toll to 30,000.", "30,000", nil),
    ("2024-02-08", "Three soldiers were killed in Gaza since Sunday, bringing the number killed since the offensive began to 390.", "390", "2023-10-07"),
    ("2024-02-08", "Three soldiers were killed in Gaza since Sunday, bringing the number killed since the offensive began to 390.", "Three", "2024-02-04"),
    // A state a later "but" clause tells ("are still", reported as "were still", past "more")
    // has no period from the clause before.
    ("2025-09-05", "The WHO said it had evacuated 7,600 patients since October 2023, but that 15,600 more were still waiting.", "15,600", nil),
    ("2025-09-05", "The WHO has evacuated 7,600 patients since October 2023, but 15,600 more are still waiting.", "15,600", nil),
    ("2025-09-05", "The WHO has evacuated 7,600 patients since October 2023, but 15,600 more are still waiting.", "7,600", "2023-10-07"),
    // After ", and": a stock, or a state "still" or "remain" tells, has no period; a count
    // told without them, or in the present perfect, shares it.
    ("2025-12-04", "Tens of thousands of Palestinians have been detained since the start of the war, and roughly 3,400 are held without charge.", "3,400", nil),
    ("2025-11-24", "Crews recovered 120 bodies since the ceasefire took effect on Sunday, and an estimated 10,000 people are still missing.", "10,000", nil),
    ("2025-11-24", "About 500,000 people have returned to Gaza City since Friday, and 1.9 million people remain displaced.", "1.9 million", nil),
    ("2025-11-24", "The ministry said 67,000 were killed and wounded since October 7, and that about 7,000 are missing.", "7,000", "2023-10-07"),
    ("2025-11-24", "Since the war began, 67,000 have been killed, and 170,000 have been wounded.", "170,000", "2023-10-07"),
    // A "since" in a second thing said (", and that ...") is that clause's figure's.
    ("2025-03-12", "WHO said 12,000 people were still waiting to be evacuated, and that at least 560 patients had died since July while on the waiting list.", "12,000", nil),
    ("2025-03-12", "WHO said 12,000 people were still waiting to be evacuated, and that at least 560 patients had died since July while on the waiting list.", "at least 560", "2024-07"),
    // A period after "despite" or "amid" is the setting, not the period counted.
    ("2025-10-29", "The toll passed 68,000 as strikes continued despite the truce.", "68,000", nil),
    // An ordinal after "the" compares, as "first" does; a share ("a fifth of") does not.
    ("2025-02-16", "Hamas freed three hostages, the fifth such release since the ceasefire took effect.", "three", nil),
    ("2025-02-16", "A fifth of the residents have been displaced since the war began.", "A fifth", "2023-10-07"),
  ]

  @Test(arguments: periods)
  func periodStart(_ published: String, _ sentence: String, _ mention: String, _ expected: String?) throws {
    let f = try #require(figure(sentence, mention, published: published))
    #expect(f.periodStart?.description == expected)
  }

  /// An "as of" opening a sentence dates the rest of its paragraph (codebook section 5, rule 1).
  @Test func anOpeningAsOfDatesTheParagraph() throws {
    let text = "As of December 8, the WHO had evacuated 10,960 patients. More than 18,500 patients remain on the waiting list."
    let f = try #require(figure(text, "More than 18,500", published: "2025-12-10"))
    #expect(f.date?.description == "2025-12-08")
  }

  @Test(arguments: [
    ("Eleven people were killed in a strike on Thursday. Another 30 were wounded.", "30", "2025-09-04"),
    ("Eleven people were killed in a strike on Thursday. Thirty others were wounded.", "Thirty", "2025-09-04"),
    // A state, or a figure of its own, is as of publication.
    ("Eleven people were killed in a strike on Thursday. Another 300 are still missing.", "300", "2025-09-05"),
    ("Eleven people were killed in a strike on Thursday. The ministry said 300 were wounded.", "300", "2025-09-05"),
    // Only right after the dated sentence.
    ("Eleven people were killed on Thursday. The school was full. Another 30 were wounded.", "30", "2025-09-05"),
  ])
  func moreOfTheEventBeforeHappenedOnItsDay(_ text: String, _ mention: String, _ expected: String) throws {
    let f = try #require(figure(text, mention, published: "2025-09-05"))
    #expect(f.date?.description == expected)
  }

  /// A time that refers back ("during the month", "the same period", "the same day") is the
  /// time of the first figure of the sentence before; "the month of Ramadan" names its own.
  @Test func aTimeThatRefersBackIsTheTimeBefore() throws {
    let month = "An average of 37 trucks a day entered in October, down from 69 a day in September. "
      + "In all, 1,150 trucks crossed during the month. COGAT gave 1,810 trucks for the same period."
    let found = figures(month, published: "2025-11-20")
    #expect(found.map { $0.date?.description } == ["2025-10", "2025-09", "2025-10", "2025-10"])
    let period = "Troops killed since October 7, 2023 number 898. More than 6,000 soldiers have been wounded over the same period."
    let wounded = try #require(figure(period, "6,000", published: "2025-07-16"))
    #expect(wounded.date?.description == "2025-07-16")
    #expect(wounded.periodStart?.description == "2023-10-07")
    // (Not across ", and" into a present state of its own.)
    let state = period + " Crews pulled 572 bodies from the rubble in the same period, and 9,500 people remain missing."
    #expect(try #require(figure(state, "572", published: "2025-07-16")).periodStart?.description == "2023-10-07")
    #expect(try #require(figure(state, "9,500", published: "2025-07-16")).periodStart == nil)
    let time = "The UN has brought in 1,300 trucks since late May. Israel says it has allowed in 4,500 trucks in that time."
    #expect(try #require(figure(time, "4,500", published: "2025-06-07")).periodStart?.description == "2025-05")
    let day = "Hamas freed three hostages on Saturday. On the same day, Israel released 183 prisoners."
    #expect(try #require(figure(day, "183", published: "2025-07-16")).date?.description == "2025-07-12")
    let named = "Hamas freed three hostages on Saturday. During the month of Ramadan, 50 people were killed."
    #expect(try #require(figure(named, "50", published: "2025-07-16")).date?.description == "2025-07-16")
  }

  /// A date that labels a line of a timeline ("Oct 13:") dates the rest of its paragraph.
  @Test func aTimelineLabelDatesItsParagraph() throws {
    let text = "Oct 13: Hamas frees the last 20 living hostages. Israel releases 1,968 prisoners.\n\nIsrael released 90 more."
    let found = figures(text, published: "2025-11-10")
    #expect(found.map { $0.date?.description } == ["2025-10-13", "2025-10-13", "2025-11-10"])
  }

  @Test func aDateInBracketsDatesOnlyWhatTheyHold() throws {
    let text = "Last Tuesday, a convoy moved 21 patients to Jordan (the first such transfer this year)."
    #expect(try #require(figure(text, "21", published: "2025-02-03")).date?.description == "2025-01-28")
    let inside = "A convoy moved 21 patients (nine of them on Tuesday) to Jordan."
    #expect(try #require(figure(inside, "nine", published: "2025-02-03")).date?.description == "2025-01-28")
    #expect(try #require(figure(inside, "21", published: "2025-02-03")).date?.description == "2025-02-03")
  }

  @Test func aDatelineDatesNoFigure() throws {
    let text = "CAIRO, Feb 14 (Probe) - A total of 1,120 people moved through the Rafah crossing on Thursday."
    #expect(try #require(figure(text, "1,120", published: "2025-02-14")).date?.description == "2025-02-13")
    let bare = "Feb 14 - A total of 1,120 people moved through the crossing in the week to Thursday."
    #expect(try #require(figure(bare, "1,120", published: "2025-02-14")).date?.description == "2025-02-13")
  }

  @Test func aRunningTotalIsAsOfPublication() throws {
    let f = try #require(figure("Only 235 patients have been evacuated since the ceasefire began.", "235", published: "2025-12-03"))
    #expect(f.date?.description == "2025-12-03")
  }

  @Test func anEditedCalendarChangesNamedPeriods() throws {
    let csv = """
      kind,start,end,name,keywords
      ceasefire,2025-11-01,,A later truce,ceasefire|truce

      """
    let calendar = try EventCalendar.parse(Array(csv.utf8), file: "cal.csv")
    let found = figures(
      "Only 235 patients have been evacuated since the ceasefire began.", published: "2025-12-03",
      options: ExtractionOptions(calendar: calendar))
    #expect(found.first?.periodStart?.description == "2025-11-01")
  }

  /// Found by fuzzing: numbers too large for an Int in a date's place crashed the converter.
  @Test(arguments: [
    "On 2026-09-99999999999999999999 some 12 people were killed.",
    "On 2026-99999999999999999999999-01 some 12 people were killed.",
    "On 2026-13-45 some 12 people were killed.",
  ])
  func impossibleISODatesAreNotDates(_ text: String) {
    let f = figure(text, "12")
    #expect(f?.indicator == .killed)
    #expect(f?.date?.description == "2025-02-01")
  }

  @Test func calendarArithmetic() throws {
    let d = try #require(CivilDate(iso: "2025-02-11"))
    #expect(d.weekday == 2)  // Tuesday
    #expect(d.adding(days: -10).description == "2025-02-01")
    #expect(CivilDate(iso: "2024-02-29") != nil)
    #expect(CivilDate(iso: "2025-02-29") == nil)
    #expect(CivilDate(iso: "2025-2-1") == nil)
    #expect(CivilDate(dayNumber: d.dayNumber) == d)
  }
}
