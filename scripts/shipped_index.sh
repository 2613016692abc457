#!/usr/bin/env bash
# Rewrites glossary/shipped.qidx, the shipped glossary's index compiled into the program (`qamus::index::shipped`).
# Run it after editing glossary/*.csv or anything that changes the matching keys; the test
# `index::tests::the_shipped_index_is_current` fails until then (the program still works: it falls back to
# loading the CSV files at start-up).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build --release --quiet --bin qamus
./target/release/qamus index build -o glossary/shipped.qidx
# The program embeds the file: build again so that the binary holds the new one.
cargo build --release --quiet --bin qamus
