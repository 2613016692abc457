#!/usr/bin/env bash
# Instruction counts (callgrind) of lookups, counted only inside `Matcher::lookup_at_most` (what `lookup` and
# `lookup_top` run; the CLI calls the latter, so a pattern on `lookup` alone counted nothing): the glossary's loading and
# indexing are left out, and instruction counts, unlike timings, do not move with the load of a shared machine.
#
#   scripts/callgrind_lookup.sh [QAMUS] [N]
#
# QAMUS is the binary to measure (default: target/release/qamus of this tree, built first), N the glossary size
# (default 10000). Writes a synthetic glossary of N entries and 300 queries (half misspelt stored names, a sixth
# English names, the rest stored spellings) into a temporary directory, runs them through `qamus lookup -`, and
# prints the instructions per lookup. A qamus with `index build` reads a compiled index (made natively first);
# an older one, the CSV (valgrind then runs the whole build too: minutes).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${2:-10000}"
if [[ $# -ge 1 ]]; then
  q="$1"
else
  cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin qamus
  q="$root/target/release/qamus"
fi
cargo build --release --quiet --manifest-path "$root/Cargo.toml" --example synth_glossary
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/target/release/examples/synth_glossary" "$n" >"$work/g.csv"
python3 - "$work/g.csv" "$work/q.txt" <<'PY'
import random, sys
random.seed(2)
rows = open(sys.argv[1], encoding="utf-8").read().splitlines()[1:]
out = []
for i, row in enumerate(rows[:: max(1, len(rows) // 300)][:300]):
    f = row.split(",")
    ar = f[3]
    if i % 2 == 0 and len(ar) > 3:
        j = random.randrange(len(ar))
        ar = ar[:j] + ar[j + 1 :]
    elif i % 3 == 0:
        ar = f[2]
    out.append(ar)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out) + "\n")
PY
queries=$(wc -l <"$work/q.txt")
glossary="$work/g.csv"
# A qamus that compiles indexes reads one (built natively first), so that valgrind does not have to run the build.
if "$q" index build --no-default-glossary "$work/g.csv" -o "$work/g.qidx" 2>/dev/null; then
  glossary="$work/g.qidx"
fi
valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
  --toggle-collect='qamus::matcher::Matcher::lookup_at_most' \
  "$q" lookup --no-default-glossary -g "$glossary" -f jsonl - <"$work/q.txt" >/dev/null 2>"$work/vg.log" || true
total=$(grep -E '^(summary|totals):' "$work/cg.out" | head -1 | awk '{print $2}')
echo "$(basename "$q"): $queries lookups, glossary of $n: $total instructions in Matcher::lookup_at_most, $((total / queries)) per lookup"
