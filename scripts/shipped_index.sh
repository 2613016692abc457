#!/usr/bin/env bash
# Rewrites glossary/shipped.qidx, the shipped glossary's index compiled into the program (`qamus::index::shipped`),
# and src/translit/shipped_names.tsv, the names `plain` learns from it (`qamus::translit::KnownNames::builtin`).
# Run it after editing glossary/*.csv or anything that changes the matching keys or what `KnownNames` learns; the
# tests `index::tests::the_shipped_index_is_current` and `translit::known::tests::the_shipped_names_are_current`
# fail until then (the program still works: it falls back to loading the CSV files at start-up).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build --release --quiet --bin qamus
./target/release/qamus index build -o glossary/shipped.qidx
QAMUS_WRITE_SHIPPED_NAMES=1 cargo test --release --quiet --lib translit::known::tests::the_shipped_names_are_current
# The program embeds the file: build again so that the binary holds the new one.
cargo build --release --quiet --bin qamus
