#!/usr/bin/env python3
"""Trains qamus's `plain` transliteration model: context rewrite rules with counts, learned from name pairs.

Usage (from the project root; stdlib only):
    python3 scripts/train_plain.py ../shared/eval/translit-dev.tsv --lm src/translit/plain_lm.tsv \
        > src/translit/plain_model.tsv

Data: translit-dev.tsv (Arabic spelling of a name, its usual English spelling), from google/transliteration
(Apache-2.0) and NETransliteration-COLING2018 (CC0-1.0). Rows whose FNV-1a 64 hash of the Arabic is divisible by 5
(the project's held-out fifth) are never learned from.

Method:
1. Each Arabic letter is aligned to an English chunk of 0-3 letters by EM over p(chunk | letter) (5 iterations,
   monotone alignment, forward-backward), then the Viterbi alignment of every pair is taken. A leading article
   ال is taken off the Arabic when the English does not start with al/el (the product writes it as `al-`).
2. For every letter and each context shape (letters to the left, letters to the right) of SHAPES, the chunks seen
   in that context are counted. The table written keeps, per context, each chunk's share of the context's count,
   scaled by min(count, MIN_COUNT) / MIN_COUNT so that rare contexts weigh less; contexts seen once are dropped.
3. At run time (src/translit/plain.rs) every shape that matches votes for its chunks, weighted VOTE^-k for the
   k-th shape (the most specific first). The few best-voted chunks of every letter are kept, and the chunk sequence
   of the whole word is chosen that maximizes the sum of ln(vote share) plus LM_WEIGHT times the log-probability of
   the written letters under an English letter trigram model (below), by Viterbi over (letter, last two letters).
4. With --lm FILE, that letter trigram model is written to FILE: trained on the English side of the same rows
   (word-boundary marks ^ and $), interpolated absolute discounting (D = DISCOUNT) down to a uniform distribution,
   as a dense table: for each history of two symbols (^ or a-z), ln P of the next symbol ($, then a-z).

Options: --exclude-fold K also leaves out the rows whose hash is K mod 5 (1-4), so that the decoding's LM_WEIGHT
and CHUNKS_PER_LETTER can be chosen on rows the model never saw (see src/translit/plain.rs).
"""
import collections
import math
import sys

SHAPES = [(2, 2), (1, 2), (2, 1), (1, 1), (0, 1), (1, 0), (0, 2), (2, 0), (0, 0)]
MIN_COUNT = 4
VOTE = 1.5
MAX_CHUNK = 3
EM_ITERATIONS = 5
DISCOUNT = 0.75
ALPHABET = "abcdefghijklmnopqrstuvwxyz"
FOLD = {"أ": "ا", "آ": "ا", "ٱ": "ا", "ی": "ي", "ک": "ك"}


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def prepare(arabic):
    """Letters only, alef forms folded but إ, which spells i or e (as src/translit/plain.rs does)."""
    return "".join(FOLD.get(c, c) for c in arabic if not ("\u064b" <= c <= "\u0652" or c in "\u0670\u0640"))


def training_pairs(path, exclude_fold=None):
    pairs = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 2 or fnv1a64(cols[0]) % 5 in (0, exclude_fold):
                continue
            arabic, english = prepare(cols[0]), cols[1].lower()
            if " " in arabic or " " in english:
                continue
            if arabic.startswith("ال") and len(arabic) > 3 and not english.startswith(("al", "el")):
                arabic = arabic[2:]
            english = "".join(c for c in english if c.isalpha() and c.isascii())
            if arabic and english:
                pairs.append((arabic, english))
    return pairs


def em(pairs):
    prob = collections.defaultdict(lambda: 1e-3)
    for _ in range(EM_ITERATIONS):
        counts = collections.defaultdict(float)
        for a, e in pairs:
            n, m = len(a), len(e)
            fw = [[0.0] * (m + 1) for _ in range(n + 1)]
            fw[0][0] = 1.0
            for i in range(n):
                for j in range(m + 1):
                    if fw[i][j]:
                        for k in range(min(MAX_CHUNK, m - j) + 1):
                            fw[i + 1][j + k] += fw[i][j] * prob[(a[i], e[j:j + k])]
            bw = [[0.0] * (m + 1) for _ in range(n + 1)]
            bw[n][m] = 1.0
            for i in range(n - 1, -1, -1):
                for j in range(m + 1):
                    bw[i][j] = sum(prob[(a[i], e[j:j + k])] * bw[i + 1][j + k] for k in range(min(MAX_CHUNK, m - j) + 1))
            z = fw[n][m]
            if z <= 0:
                continue
            for i in range(n):
                for j in range(m + 1):
                    if fw[i][j]:
                        for k in range(min(MAX_CHUNK, m - j) + 1):
                            c = fw[i][j] * prob[(a[i], e[j:j + k])] * bw[i + 1][j + k] / z
                            if c > 0:
                                counts[(a[i], e[j:j + k])] += c
        totals = collections.defaultdict(float)
        for (letter, _), v in counts.items():
            totals[letter] += v
        prob = collections.defaultdict(lambda: 1e-9)
        for (letter, chunk), v in counts.items():
            prob[(letter, chunk)] = v / totals[letter]
    return prob


def viterbi(a, e, prob):
    n, m = len(a), len(e)
    best = [[(-math.inf, None)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = (0.0, None)
    for i in range(n):
        for j in range(m + 1):
            if best[i][j][0] == -math.inf:
                continue
            for k in range(min(MAX_CHUNK, m - j) + 1):
                p = prob[(a[i], e[j:j + k])]
                s = best[i][j][0] + math.log(p)
                if s > best[i + 1][j + k][0]:
                    best[i + 1][j + k] = (s, (j, k))
    if best[n][m][1] is None:
        return None
    chunks, j = [], m
    for i in range(n, 0, -1):
        pj, k = best[i][j][1]
        chunks.append(e[pj:pj + k])
        j = pj
    return chunks[::-1]


def letter_model(words):
    """ln P(next | two previous) for every history over ^ a-z and every next symbol over $ a-z: interpolated
    absolute discounting, trigram -> bigram -> unigram -> uniform."""
    nexts = "$" + ALPHABET
    tri = collections.defaultdict(collections.Counter)
    bi = collections.defaultdict(collections.Counter)
    uni = collections.Counter()
    for w in words:
        text = "^^" + w + "$"
        for i in range(2, len(text)):
            tri[text[i - 2:i]][text[i]] += 1
            bi[text[i - 1]][text[i]] += 1
            uni[text[i]] += 1

    def smooth(counts, lower):
        total = sum(counts.values())
        if total == 0:
            return lower
        kept = DISCOUNT * len(counts) / total
        return {c: max(counts[c] - DISCOUNT, 0) / total + kept * lower[c] for c in nexts}

    uniform = {c: 1 / len(nexts) for c in nexts}
    p1 = smooth(uni, uniform)
    table = {}
    for h2 in "^" + ALPHABET:
        for h1 in "^" + ALPHABET:
            if h1 == "^" and h2 != "^":
                continue
            p2 = smooth(bi[h1], p1)
            table[h2 + h1] = smooth(tri[h2 + h1], p2)
    return table


def write_letter_model(path, words):
    table = letter_model(words)
    with open(path, "w", encoding="utf-8") as f:
        f.write("# generated by scripts/train_plain.py: English letter trigram model of the plain scheme's training\n")
        f.write("# rows (held-out fifth excluded); do not edit\n")
        f.write(f"# discount={DISCOUNT}\n")
        f.write("# history (^ = word start)\tln P(next) for next = $ (word end), a, b, …, z\n")
        for history, probs in table.items():
            f.write(history + "\t" + " ".join(f"{math.log(probs[c]):.3f}" for c in "$" + ALPHABET) + "\n")


def main(path, lm_path=None, exclude_fold=None):
    pairs = training_pairs(path, exclude_fold)
    if lm_path:
        write_letter_model(lm_path, [e for _, e in pairs])
    prob = em(pairs)
    table = collections.defaultdict(collections.Counter)
    for a, e in pairs:
        chunks = viterbi(a, e, prob)
        if chunks is None:
            continue
        padded = "^^" + a + "$$"
        for i, chunk in enumerate(chunks):
            p = i + 2
            for shape, (l, r) in enumerate(SHAPES):
                table[(shape, padded[p - l:p], padded[p], padded[p + 1:p + 1 + r])][chunk] += 1
    print("# generated by scripts/train_plain.py from translit-dev.tsv (Apache-2.0 google/transliteration;")
    print("# CC0-1.0 NETransliteration), held-out fifth excluded; do not edit")
    print(f"# shapes={';'.join(f'{l},{r}' for l, r in SHAPES)} vote={VOTE} min_count={MIN_COUNT}")
    print("# shape\tleft\tletter\tright\tchunk=weight …")
    for (shape, left, letter, right), counter in sorted(table.items()):
        total = sum(counter.values())
        if total < 2 and SHAPES[shape] != (0, 0):
            continue
        scale = min(total, MIN_COUNT) / MIN_COUNT
        votes = " ".join(f"{chunk or '_'}={v / total * scale:.4f}" for chunk, v in counter.most_common())
        print(f"{shape}\t{left}\t{letter}\t{right}\t{votes}")


if __name__ == "__main__":
    args = sys.argv[1:]
    lm_file = fold = None
    if "--lm" in args:
        i = args.index("--lm")
        lm_file = args[i + 1]
        del args[i:i + 2]
    if "--exclude-fold" in args:
        i = args.index("--exclude-fold")
        fold = int(args[i + 1])
        del args[i:i + 2]
    main(args[0], lm_file, fold)
