#!/usr/bin/env python3
"""Writes src/rules/common_words.txt: the 10,000 most frequent Arabic words, from the wordfreq package.

Usage (from the project root): python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1 &&
    /tmp/wf/bin/python scripts/common_words.py | ./target/release/qamus normalize -l search - | sort -u > body.txt
(the script prints the words; qamus folds them to the `search` level, as the matcher reads them).

Source: wordfreq 3.1.1 (PyPI), `top_n_list('ar', 10000)`; wordfreq's word lists are CC BY-SA 4.0 (see
glossary/SOURCES.md). The matcher never reads a one-word query of this list as a fuzzy or cross-script match:
سياسي "political" is not al-Sisi, دائما "always" is not the Duma. Exact and normalized matches are unaffected.
"""
import wordfreq

for w in wordfreq.top_n_list("ar", 10000):
    if any("\u0621" <= c <= "\u064a" for c in w) and " " not in w:
        print(w)
