#!/usr/bin/env bash
# Writes the tidy series and the comparison table the notebooks read, from datasets/sample:
#   notebooks-data/evacuations.csv   tally series --preset evacuations --freq week
#   notebooks-data/casualties.csv    tally series --preset casualties (running totals, rates)
#   notebooks-data/comparison.csv    tally compare against ../shared/reference (when present)
# usage: scripts/make_notebooks_data.sh TALLY_BINARY [OUTPUT_DIR]
set -euo pipefail
tally=$1
here=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-$here/notebooks-data}
dataset=$here/datasets/sample
reference=$here/../shared/reference/casualties_daily.json
mkdir -p "$out"
"$tally" series "$dataset" --preset evacuations --freq week --quiet -o "$out/evacuations.csv"
"$tally" series "$dataset" --preset casualties --quiet -o "$out/casualties.csv"
if [ -f "$reference" ]; then
  "$tally" compare "$dataset" --reference "$reference" --indicator killed --quiet -o "$out/comparison.csv"
else
  echo "make_notebooks_data: $reference is not here; comparison.csv is left as committed" >&2
fi
