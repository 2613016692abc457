#!/usr/bin/env bash
# qamus side by side with the Python tools (CAMeL Tools, PyArabic, PyICU, anyascii, rapidfuzz, pyahocorasick) and
# an aho-corasick floor on the same inputs: normalization, transliteration, lookup, scan.
#
#   benches/compare/run.sh                       # everything: lookup at 10k, 100k and 1M entries (≈15 min on 2 cores)
#   SIZES=10000,100000 RUNS=3 benches/compare/run.sh
#   ONLY=scan benches/compare/run.sh             # some sections only (of text,lookup,scan), for development: the
#                                                # report goes to target/compare/BENCHMARKS.partial.md unless OUT is set
#
# Sets up its own virtual environment in target/compare-venv (from PyPI, versions pinned in requirements.txt),
# installs Debian's libicu-dev and pkg-config when missing (PyICU builds against the system ICU), builds qamus in
# release mode, then runs compare.py, which prints a Markdown report and writes BENCHMARKS.md.
# Not run by CI: it needs the network and takes minutes.
#
# CAMeL Tools is installed with --no-deps, plus the two packages its `camel_tools.utils` modules import (emoji,
# six): its full dependency set pulls torch, transformers and about fifteen NVIDIA CUDA wheels (several GB) for
# the taggers and models, which the normalizers and CharMapper measured here do not use. CAMEL_FULL=1 installs
# it with every dependency instead.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
here=benches/compare
venv=target/compare-venv
camel_version=1.6.0

if ! pkg-config --exists icu-uc 2>/dev/null; then
    echo "run.sh: installing libicu-dev and pkg-config (PyICU builds against them)" >&2
    if [ "$(id -u)" = 0 ]; then
        apt-get update && apt-get install -y libicu-dev pkg-config
    else
        sudo apt-get update && sudo apt-get install -y libicu-dev pkg-config
    fi
fi

python="${PYTHON:-python3}"
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
# `python -m pip`, not bin/pip: the latter's first line names the directory the environment was made in, so a
# copied target/ would install into the original's environment.
pip=("$venv/bin/python" -m pip install --quiet --disable-pip-version-check)
"${pip[@]}" -r "$here/requirements.txt"
if [ "${CAMEL_FULL:-0}" = 1 ]; then
    "${pip[@]}" "camel-tools==$camel_version"
else
    "${pip[@]}" --no-deps "camel-tools==$camel_version"
fi

cargo build --release --bin qamus --example compare_data --example scan_floor

if [ -n "${ONLY:-}" ]; then
    out="${OUT:-target/compare/BENCHMARKS.partial.md}"
else
    out="${OUT:-BENCHMARKS.md}"
fi

exec "$venv/bin/python" "$here/compare.py" \
    --qamus target/release/qamus \
    --data-tool target/release/examples/compare_data \
    --floor-tool target/release/examples/scan_floor \
    --work target/compare \
    --eval "${EVAL_DIR:-../shared/eval}" \
    --sizes "${SIZES:-10000,100000,1000000}" \
    --runs "${RUNS:-3}" \
    --megabytes "${MEGABYTES:-20}" \
    --only "${ONLY:-}" \
    --out "$out" \
    --command "$(printf '%s' "${SIZES:+SIZES=$SIZES }${RUNS:+RUNS=$RUNS }${ONLY:+ONLY=$ONLY }benches/compare/run.sh")"
