#!/bin/sh
# Counts the instructions (callgrind's Ir) the release CLI executes for `normalize --level search`,
# `normalize --level display` and `translit -s buckwalter` on a fixed input: the seed corpus
# (tests/corpus/seeds/*.txt) repeated 20 times, about 400 KB. Instruction counts do not depend on the load of the
# machine, so two runs on a shared machine can be compared where timings cannot.
#
#   scripts/callgrind.sh [REPEAT]      (default: 20)
#
# Prints one line per command: total Ir, Ir of the same command on empty input (start-up: clap, stdout), and
# their difference per input byte. Needs valgrind. Builds `cargo build --release` first (debug info is on in the
# release profile, so `callgrind_annotate target/callgrind/NAME.out` shows where the instructions go).
set -eu
cd "$(dirname "$0")/.."
repeat=${1:-20}
command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind is not installed" >&2; exit 1; }
cargo build --release --quiet
target=${CARGO_TARGET_DIR:-target}
bin="$target/release/qamus"
out="$target/callgrind"
mkdir -p "$out"
input="$out/input.txt"
: >"$input"
i=0
while [ "$i" -lt "$repeat" ]; do
    cat tests/corpus/seeds/*.txt >>"$input"
    i=$((i + 1))
done
bytes=$(wc -c <"$input")
: >"$out/empty.txt"

# Total Ir of one run of the CLI on a file: `ir FILE NAME ARGS...`.
ir() {
    file=$1
    name=$2
    shift 2
    valgrind --tool=callgrind --callgrind-out-file="$out/$name.out" "$bin" "$@" <"$file" >/dev/null 2>"$out/$name.log"
    sed -n 's/^summary: *//p; s/^totals: *//p' "$out/$name.out" | head -n 1
}

printf '%s bytes of input (seed corpus x %s)\n' "$bytes" "$repeat"
printf '%-26s %14s %12s %10s\n' command Ir start-up Ir/byte
for cmd in "normalize --level search" "normalize --level display" "translit -s buckwalter"; do
    name=$(echo "$cmd" | tr -c 'a-z\n' '_' | tr -s '_')
    # shellcheck disable=SC2086
    total=$(ir "$input" "$name" $cmd -)
    # shellcheck disable=SC2086
    start=$(ir "$out/empty.txt" "${name}_empty" $cmd -)
    per=$(awk -v t="$total" -v s="$start" -v b="$bytes" 'BEGIN { printf "%.1f", (t - s) / b }')
    printf '%-26s %14s %12s %10s\n' "$cmd" "$total" "$start" "$per"
done
