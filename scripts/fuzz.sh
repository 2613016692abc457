#!/bin/sh
# Runs every cargo-fuzz target of fuzz/ for a set time, one after another, on one core.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      (default: 600 seconds; every target)
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain; where only stable is installed,
# RUSTC_BOOTSTRAP=1 lets stable accept the nightly flags cargo-fuzz passes (set here when no nightly is found).
# Crashes land in fuzz/artifacts/TARGET/; the corpus grows in fuzz/corpus/TARGET/ (seeded from fuzz/seeds/TARGET/).
# The line "Done N runs" of each log in fuzz/logs/ gives the executions run.
set -eu
cd "$(dirname "$0")/../fuzz"
secs=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-"normalize translit glossary lookup scan"}
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    toolchain=+nightly
else
    toolchain=
    export RUSTC_BOOTSTRAP=1
fi
mkdir -p logs
for t in $targets; do
    mkdir -p "corpus/$t"
    seeds=
    [ -d "seeds/$t" ] && seeds="seeds/$t"
    echo "== $t: $secs s" >&2
    # shellcheck disable=SC2086
    cargo $toolchain fuzz run "$t" "corpus/$t" $seeds -- \
        -max_total_time="$secs" -jobs=1 -workers=1 -max_len=4096 -rss_limit_mb=2048 \
        >"logs/$t.run.log" 2>&1 || echo "== $t: stopped with a finding (see fuzz/logs/$t.log, fuzz/artifacts/$t/)" >&2
    # With -jobs, libFuzzer writes the fuzzing log of its worker to fuzz-0.log.
    if [ -f fuzz-0.log ]; then mv fuzz-0.log "logs/$t.log"; else cp "logs/$t.run.log" "logs/$t.log"; fi
    grep -E '^Done [0-9]+ runs' "logs/$t.log" >&2 || tail -n 5 "logs/$t.log" >&2
done
