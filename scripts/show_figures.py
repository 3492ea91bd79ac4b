#!/usr/bin/env python3
"""Prints the figures of a `tally extract` JSON Lines file as a short table, for `make demo`."""
import json, sys
from collections import Counter

rows = [json.loads(line) for line in open(sys.argv[1], encoding='utf-8') if line.strip()]
print(f"{'doc':<5} {'mention':<26} {'indicator':<26} {'group':<17} {'date':<10} {'period from':<11}")
for r in rows:
    print(f"{r['doc']:<5} {r['text'][:26]:<26} {r['indicator']:<26} {(r['group'] or '')[:17]:<17} "
          f"{r['date'] or '':<10} {r['period_start'] or '':<11}")
counts = Counter(r['indicator'] for r in rows)
print(f"\n{len(rows)} figures in {len({r['doc'] for r in rows})} documents: "
      + ', '.join(f'{k} {v}' for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))))
warned = [r for r in rows if r['warnings']]
for r in warned:
    print(f"warning on {r['doc']} '{r['text']}': {'; '.join(r['warnings'])}")
