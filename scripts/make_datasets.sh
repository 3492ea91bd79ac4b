#!/usr/bin/env bash
# Builds the datasets the project ships, from the sample corpus and the hand-coded sheet:
#   datasets/sample/              extract + normalize over datasets/corpus (with HXL copies)
#   datasets/handcoded/dataset/   import + normalize over datasets/handcoded/coded.csv
# usage: scripts/make_datasets.sh TALLY_BINARY [OUTPUT_ROOT]
# `make datasets` runs it with OUTPUT_ROOT=datasets; the end-to-end tests run it into a
# temporary folder and compare every file with what is committed.
set -euo pipefail
tally=$1
root=${2:-datasets}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$root/handcoded"
"$tally" extract --quiet --manifest "$here/datasets/corpus/manifest.csv" \
  --documents "$work/documents.jsonl" -o "$work/figures.jsonl"
"$tally" normalize --quiet "$work/figures.jsonl" --documents "$work/documents.jsonl" --hxl \
  -o "$root/sample"

"$tally" import --quiet "$here/datasets/handcoded/coded.csv" \
  --documents "$work/sources.jsonl" -o "$work/imported.jsonl"
"$tally" normalize --quiet "$work/imported.jsonl" --documents "$work/sources.jsonl" \
  -o "$root/handcoded/dataset"
"$tally" loaders --quiet "$root/sample"
"$tally" loaders --quiet "$root/handcoded/dataset"
