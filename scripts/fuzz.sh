#!/usr/bin/env bash
# Runs each fuzz target (Fuzz/, built with -sanitize=fuzzer,address) for SECONDS, from seed inputs
# taken from the repository, and reports the executions; stops at the first crash, whose input
# libFuzzer leaves in .fuzz/TARGET/crash-*.
# usage: scripts/fuzz.sh SECONDS [TARGET...]
set -euo pipefail
seconds=$1
shift
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${FUZZ_BIN:-$here/Fuzz/.build/release}
targets=${*:-FuzzArticle FuzzJSONLines FuzzFigures FuzzCSV FuzzCuration FuzzArchive FuzzDocuments}
report=${REPORT:-$here/.fuzz/report.md}
mkdir -p "$here/.fuzz"
: > "$report"
for t in $targets; do
  corpus=$here/.fuzz/$t/corpus
  mkdir -p "$corpus"
  case $t in
    FuzzArticle) cp "$here"/datasets/corpus/texts/*.txt "$corpus/" ;;
    FuzzJSONLines) head -c 4000 "$here/datasets/sample/documents.jsonl" > "$corpus/seed.jsonl" ;;
    # The dataset's figures, and the same lines as extract writes them (the dataset's own
    # columns cut off), which normalize reads through its fast lane.
    FuzzFigures) head -n 5 "$here/datasets/sample/figures.jsonl" > "$corpus/seed.jsonl"; head -n 5 "$here/datasets/sample/figures.csv" > "$corpus/seed.csv"
      head -n 5 "$here/datasets/sample/figures.jsonl" | sed 's/,"review":.*$/}/' > "$corpus/seed-extract.jsonl" ;;
    FuzzCSV) cp "$here/datasets/corpus/manifest.csv" "$here/datasets/handcoded/coded.csv" "$corpus/" ;;
    FuzzCuration) printf 'id,decision,field,new_value,note\nabc-1-2,correct,value,7,x\nabc-1-2,accept,,,\n' > "$corpus/seed.csv" ;;
    # Tables in any form, and in extract's layout (its fast lane), in the figures' order or not.
    FuzzDocuments) printf '{"id":"a","outlet":"A","published":"2025-02-01"}\n{"id":"b","outlet":"B","url":null,"bytes":10}\n{"id":"c"}\n' > "$corpus/seed.jsonl"; printf 'id,outlet,published\nb,B,2025-02-02\na,A,\n' > "$corpus/seed.csv"
      for order in "b a c" "a b c"; do
        for d in $order; do printf '{"id":"%s","outlet":"Outlet, %s","url":null,"published":"2025-02-01","sha256":"00ff","bytes":120,"figures":1}\n' "$d" "$d"; done > "$corpus/seed-extract-${order// /}.jsonl"
      done ;;
    FuzzArchive) tar -czf "$corpus/seed.tar.gz" -C "$here/datasets/handcoded" dataset ;;
  esac
  cd "$here/.fuzz/$t"
  # libFuzzer, not Swift's backtracer, must catch a trap, so that it saves the input.
  export SWIFT_BACKTRACE=enable=no
  log=$here/.fuzz/$t/log.txt
  if ! "$bin/$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 "$corpus" > "$log" 2>&1; then
    echo "$t: CRASH (see $log and .fuzz/$t/crash-*)" | tee -a "$report"
    tail -30 "$log"
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  echo "$t: $seconds s, $runs executions, no crash" | tee -a "$report"
done
