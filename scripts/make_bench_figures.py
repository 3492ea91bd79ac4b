#!/usr/bin/env python3
"""Writes N generated figure records, as `tally extract` writes them (JSON Lines), for the
normalize benchmark.

usage: make_bench_figures.py N OUT [--documents DOCS_OUT]

The shape follows the sample corpus: about eight figures a document; 21 indicators, eight
groups and a year of dates, so about a hundred thousand distinct observations whatever N
is (more figures means more documents reporting the same facts, as in a growing news
corpus); a fact repeated within a document now and then; sentences of 120-200 characters.
The documents table is written as `extract --documents` writes it (compact JSON Lines).
Deterministic: the same N gives the same bytes."""
import argparse
import json

INDICATORS = ["killed", "injured", "missing", "bodies_recovered", "died_awaiting_evacuation",
              "medevac_needed", "medevac_completed", "medevac_companions", "crossed_out", "crossed_in",
              "crossings", "crossing_denied", "hostages_released", "hostages_held", "remains_returned",
              "prisoners_released", "prisoners_held", "detained", "deported", "displaced", "aid_trucks"]
GROUPS = ["palestinians", "patients", "children", "hostages", "prisoners", "people", "israelis", "companions"]
QUALIFIERS = [("exact", True, True), ("exact", True, True), ("exact", True, True), ("at_least", True, False),
              ("more_than", True, False), ("approximately", False, False)]
SENTENCES = [
    "Officials said {t} {g} had been counted by the end of the day, a figure the ministry repeated in its evening statement.",
    "According to the health ministry, {t} {g} were recorded in the latest update, though aid groups warned the real number is higher.",
    "The agency reported that {t} {g} crossed on the day, with more expected once the crossing reopens fully next week.",
    "By Tuesday {t} {g} had been registered, the office said in a statement that also described shortages of fuel and medicine.",
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--documents")
    a = ap.parse_args()
    state = 12345

    def rand(k):
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (state >> 33) % k

    written = 0
    doc = 0
    with open(a.out, "w", encoding="utf-8") as out:
        docs_out = open(a.documents, "w", encoding="utf-8") if a.documents else None
        while written < a.n:
            digest = format((doc * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) & 0xFFFFFFFFFFFFFFFF, "016x")
            day = 1 + rand(28)
            month = 1 + rand(12)
            count = min(4 + rand(9), a.n - written)
            position = 0
            lines = []
            previous = None
            for k in range(count):
                if previous is not None and rand(6) == 0:
                    indicator, group, date, value, q = previous  # the same fact again
                else:
                    indicator = INDICATORS[rand(len(INDICATORS))]
                    group = GROUPS[rand(len(GROUPS))]
                    date = f"2025-{month:02d}-{1 + rand(28):02d}"
                    value = 10 * (1 + rand(50))
                    q = QUALIFIERS[rand(len(QUALIFIERS))]
                previous = (indicator, group, date, value, q)
                qualifier, has_low, has_high = q
                words = {"exact": "", "at_least": "at least ", "more_than": "more than ",
                         "approximately": "about "}[qualifier]
                text = f"{words}{value}"
                sentence = SENTENCES[rand(len(SENTENCES))].format(t=text, g=group)
                start = position + sentence.index(text)
                end = start + len(text)
                position += len(sentence) + 1
                lines.append(
                    f'{{"id":"{digest}-{start}-{end}","doc":"g{doc}","start":{start},"end":{end},'
                    f'"text":"{text}","value":{value},"low":{value if has_low else "null"},'
                    f'"high":{value if has_high else "null"},"qualifier":"{qualifier}","unit":"people",'
                    f'"indicator":"{indicator}","group":"{group}","modality":"actual","date":"{date}",'
                    f'"period_start":null,"attribution":null,"sentence":"{sentence}","per":null,"warnings":[]}}\n')
            out.write("".join(lines))
            if docs_out:
                docs_out.write(json.dumps({"id": f"g{doc}", "outlet": f"Outlet {doc % 40}", "url": None,
                                           "published": f"2025-{month:02d}-{day:02d}", "sha256": digest * 4,
                                           "bytes": position, "figures": count}, separators=(",", ":")) + "\n")
            written += count
            doc += 1
        if docs_out:
            docs_out.close()


if __name__ == "__main__":
    main()
