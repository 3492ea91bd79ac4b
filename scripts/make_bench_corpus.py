#!/usr/bin/env python3
"""Writes a large JSON Lines corpus for `make bench` by repeating and varying the sample
corpus in datasets/corpus: numbers are rescaled, paragraphs reordered and documents joined,
and publication dates moved, with a fixed seed so every run writes the same bytes.

usage: make_bench_corpus.py MANIFEST OUT.jsonl MEGABYTES
"""
import csv, datetime, json, os, random, re, sys

def main():
    manifest, out, megabytes = sys.argv[1], sys.argv[2], float(sys.argv[3])
    folder = os.path.dirname(manifest)
    docs = []
    with open(manifest, newline='', encoding='utf-8') as f:
        for row in csv.DictReader(f):
            with open(os.path.join(folder, row['path']), encoding='utf-8') as t:
                docs.append((row, t.read()))
    rng = random.Random(20261122)
    number = re.compile(r'\b\d{1,3}(?:,\d{3})+\b|\b\d{2,4}\b')

    def vary_number(m):
        text = m.group(0)
        plain = int(text.replace(',', ''))
        if 1900 <= plain <= 2100 and ',' not in text:
            return text  # a year stays a year
        value = max(1, int(plain * rng.uniform(0.5, 1.5)))
        return f'{value:,}' if ',' in text or value >= 10000 else str(value)

    target = int(megabytes * 1024 * 1024)
    written = 0
    n = 0
    tmp = out + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        while written < target:
            # A document of two to five sample reports, paragraphs shuffled, numbers varied.
            parts = rng.sample(docs, rng.randint(2, 5))
            paragraphs = [p for _, text in parts for p in text.split('\n\n') if p.strip()]
            rng.shuffle(paragraphs)
            text = '\n\n'.join(number.sub(vary_number, p) for p in paragraphs)
            row = parts[0][0]
            published = datetime.date.fromisoformat(row['published']) + datetime.timedelta(days=rng.randint(-20, 20))
            line = json.dumps({'id': f'bench-{n:07d}', 'published': published.isoformat(),
                               'outlet': row['outlet'], 'text': text}, ensure_ascii=False) + '\n'
            f.write(line)
            written += len(text.encode('utf-8'))
            n += 1
    os.replace(tmp, out)
    print(f'{out}: {n} documents, {written / 1e6:.1f} MB of article text')

if __name__ == '__main__':
    main()
