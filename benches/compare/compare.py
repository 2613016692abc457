#!/usr/bin/env python3
"""qamus side by side with the Python tools a user would pick instead, on the same inputs, in one run.

Run through benches/compare/run.sh (it sets up the virtual environment and builds qamus). Measures:

- normalization MB/s: `qamus normalize --level search -` vs CAMeL Tools' normalizers + dediac and PyArabic;
- transliteration MB/s: `qamus translit -s buckwalter|plain -` vs CAMeL Tools' CharMapper ar2bw, PyICU's
  Arabic-Latin and Any-Latin transliterators, anyascii;
- lookup: top-1 accuracy on the development data (the glossary `qamus eval matching` builds) and throughput at
  synthetic sizes, qamus vs rapidfuzz `process.extractOne` (scorer ratio) and `process.cdist` over the same forms
  at the `search` level;
- scan MB/s: `qamus scan DIR` over a collection of documents (the seed articles copied to one file each), with the
  shipped glossary and with 100,000 synthetic entries on top, vs the floor: an aho-corasick automaton
  (leftmost-longest) over the same glossary forms at the `search` level, run over the documents at the `search`
  level, in Rust (`examples/scan_floor.rs`, the `aho_corasick` crate) and in Python (pyahocorasick).

qamus is timed as a process over a large input, less its start-up measured with an empty input; the Python tools
are timed in-process, called once on the whole text (their best case). Every figure is the best of --runs runs.
`--only text,lookup,scan` runs some sections only (for development: the report then says which were left out).
Prints a Markdown report and writes it to --out.
"""

import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

# --------------------------------------------------------------------------------------------- timing helpers


GNU_TIME = "/usr/bin/time"
RSS_FILE = Path("target/compare/rss.txt")  # where GNU time writes the peak RSS; main() puts it in --work


def run_timed(argv, stdin_path, env=None, stdout_path=None):
    """Runs a command with stdin from a file and stdout discarded (or written to `stdout_path`).

    Returns (CPU seconds, wall seconds, peak RSS in MB or None) of the child: user + system time from wait4's
    rusage. The peak RSS comes from GNU time when it is installed: the child's own ru_maxrss would count this
    Python process's memory (Linux keeps the high-water mark across the vfork and exec that start the child).
    """
    wrap = [GNU_TIME, "-f", "%M", "-o", str(RSS_FILE)] if os.access(GNU_TIME, os.X_OK) else []
    with open(stdin_path, "rb") as stdin, open(stdout_path or os.devnull, "wb") as stdout:
        start = time.perf_counter()
        proc = subprocess.Popen(wrap + argv, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env=env)
        err = proc.stderr.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"compare: {' '.join(argv)} failed ({code}): {err}")
    rss = None
    if wrap:
        try:
            rss = int(RSS_FILE.read_text().split()[-1]) / 1024.0
        except (OSError, ValueError, IndexError):
            rss = None
    return usage.ru_utime + usage.ru_stime, wall, rss


def best_process(argv, stdin_path, runs, env=None, clock="cpu", stdout_path=None):
    """Best time over `runs` runs on `clock` ("cpu" or "wall"), with the peak RSS of that run."""
    results = [run_timed(argv, stdin_path, env, stdout_path) for _ in range(runs)]
    cpu, wall, rss = min(results, key=lambda x: x[0] if clock == "cpu" else x[1])
    return (cpu if clock == "cpu" else wall), rss


def qamus_net(argv, input_path, empty_path, runs, env=None, clock="cpu", stdout_path=None, startup_argv=None):
    """qamus's time over `input_path` less its start-up (best of `runs` each); also the start-up and peak RSS.
    The start-up is `argv` (or `startup_argv`, for a command whose input is named on its command line) with
    `empty_path` as standard input. With `stdout_path`, the output of the last run over `input_path` is left there."""
    startup, _ = best_process(startup_argv or argv, empty_path, runs, env, clock)
    full, rss = best_process(argv, input_path, runs, env, clock, stdout_path)
    return max(full - startup, 1e-9), startup, rss


def best_call(f, arg, runs, clock="cpu"):
    """Best in-process time of f(arg) over `runs` runs (process CPU time, or wall time), and the last result."""
    now = time.process_time if clock == "cpu" else time.perf_counter
    best, out = float("inf"), None
    for _ in range(runs):
        start = now()
        out = f(arg)
        best = min(best, now() - start)
    return best, out


# --------------------------------------------------------------------------------------------- report


class Report:
    def __init__(self):
        self.lines = []

    def add(self, text=""):
        self.lines.append(text)
        print(text, flush=True)

    def table(self, header, rows, left=(0,)):
        """A Markdown table; columns in `left` are aligned left, the others (figures) right."""
        self.add("| " + " | ".join(header) + " |")
        self.add("|" + "|".join("---" if i in left else "---:" for i in range(len(header))) + "|")
        for r in rows:
            self.add("| " + " | ".join(str(c) for c in r) + " |")
        self.add()


def fmt_rate(x, unit):
    if x >= 100:
        return f"{x:,.0f} {unit}"
    if x >= 10:
        return f"{x:.1f} {unit}"
    return f"{x:.2f} {unit}"


def ratio(a, b):
    """qamus ÷ tool, written so that under 1 reads as slower."""
    if b <= 0:
        return "—"
    r = a / b
    return f"{r:,.0f}×" if r >= 100 else (f"{r:.1f}×" if r >= 1 else f"{r:.2f}× (slower)")


# --------------------------------------------------------------------------------------------- inputs


def make_corpus(seeds_dir, out_path, megabytes):
    """The seed corpus repeated to at least `megabytes` MB, one paragraph a line."""
    parts = []
    for p in sorted(Path(seeds_dir).glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        parts.append("\n".join(l for l in text.splitlines() if l.strip()))
    unit = "\n".join(parts) + "\n"
    size = len(unit.encode("utf-8"))
    reps = max(1, int(megabytes * 1e6 // size) + 1)
    text = unit * reps
    Path(out_path).write_text(text, encoding="utf-8")
    return text, len(text.encode("utf-8")), size


def read_tsv(path):
    rows = Path(path).read_text(encoding="utf-8").splitlines()[1:]
    return [r.split("\t") for r in rows if r]


def load_task(data_dir, name):
    forms = read_tsv(data_dir / f"{name}.forms.tsv")
    queries = read_tsv(data_dir / f"{name}.queries.tsv")
    return forms, queries


def right(expected_id, expected_key, got_id, got_key):
    return bool(expected_id) and (got_id == expected_id or (got_key is not None and got_key == expected_key))


def qamus_top1(qamus, glossary_csv, query_lines_path, extra=()):
    """qamus's rank-1 id per query (None: no match), in query order, from `lookup --format tsv`."""
    argv = [qamus, "lookup", "--no-default-glossary", "--glossary", str(glossary_csv), "--format", "tsv", *extra, "-"]
    with open(query_lines_path, "rb") as stdin:
        out = subprocess.run(argv, stdin=stdin, capture_output=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"compare: qamus lookup failed: {out.stderr.decode()}")
    return parse_top1(out.stdout.decode("utf-8"))


def parse_top1(tsv):
    """The rank-1 id per query (None: no match) of `qamus lookup --format tsv` output."""
    ids = []
    for line in tsv.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) > 2 and cols[1] in ("0", "1"):
            ids.append(cols[2] if cols[1] == "1" else None)
    return ids


# --------------------------------------------------------------------------------------------- scan

SECTIONS = ("text", "lookup", "scan")


def skipped(r, title, only):
    r.add(f"## {title}")
    r.add()
    r.add(f"Not run this time (`--only {','.join(only)}`).")
    r.add()


def make_documents(seeds_dir, out_dir, megabytes):
    """The seed files copied into `out_dir` (emptied first) until they hold at least `megabytes` MB, each copy a
    file of its own, as a user's collection of articles looks. Returns (files, bytes, bytes of one set of seeds)."""
    out_dir = Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    seeds = [(p.name, p.read_bytes()) for p in sorted(Path(seeds_dir).glob("*.txt"))]
    unit = sum(len(b) for _, b in seeds)
    files = size = copy = 0
    while size < megabytes * 1e6:
        for name, data in seeds:
            (out_dir / f"{copy:05d}_{name}").write_bytes(data)
            files += 1
            size += len(data)
        copy += 1
    return files, size, unit


def floor_run(argv):
    """One run of examples/scan_floor: (documents, bytes, patterns, matches, CPU seconds on the documents)."""
    out = subprocess.run(argv, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"compare: {' '.join(map(str, argv))} failed ({out.returncode}): {out.stderr}")
    docs, nbytes, patterns, matches, cpu = out.stdout.split()
    return int(docs), int(nbytes), int(patterns), int(matches), float(cpu)


def count_lines(argv, env=None):
    """The number of lines a command writes (mentions of `qamus scan --format jsonl`), not timed."""
    with open(os.devnull, "rb") as stdin:
        proc = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        n = sum(chunk.count(b"\n") for chunk in iter(lambda: proc.stdout.read(1 << 20), b""))
        err = proc.stderr.read().decode("utf-8", "replace")
        code = proc.wait()
    if code not in (0, 1):
        sys.exit(f"compare: {' '.join(map(str, argv))} failed ({code}): {err}")
    return n


def scan_section(r, a, runs, work, empty, targets):
    """The Scan section: qamus scan vs the aho-corasick floor (Rust) and pyahocorasick, shipped and +100k."""
    import ahocorasick

    qamus, floor = a.qamus, a.floor_tool
    scan_dir = work / "scan"
    docs_dir, empty_dir = scan_dir / "docs", scan_dir / "empty"
    n_docs, nbytes, unit = make_documents(a.seeds, docs_dir, a.megabytes)
    empty_dir.mkdir(parents=True, exist_ok=True)
    mb = nbytes / 1e6
    n_synth = 100_000
    subprocess.run([a.data_tool, "synth", str(n_synth), "2", str(scan_dir)], check=True)
    synth_csv = scan_dir / f"synth-{n_synth}.csv"
    synth_idx = scan_dir / f"synth-{n_synth}.qidx"
    subprocess.run([qamus, "index", "build", "-o", str(synth_idx), str(synth_csv)], check=True, capture_output=True)
    one = dict(os.environ, RAYON_NUM_THREADS="1")

    rows, slow = [], {}  # slow: glossary → (qamus ÷ floor time, default and --no-fuzzy)
    notes = []
    for label, q_glossary, f_glossary in (
        ("shipped", [], []),
        (f"shipped + {n_synth:,} synthetic", ["--glossary", str(synth_idx)], ["--glossary", str(synth_csv)]),
    ):
        # qamus: one thread, CPU time less the start-up on an empty directory; mentions counted on an extra run.
        q = {}
        for mode, extra in (("default", []), ("--no-fuzzy", ["--no-fuzzy"])):
            argv = [qamus, "scan", "--format", "jsonl", *extra, *q_glossary]
            net, start, rss = qamus_net(argv + [str(docs_dir)], empty, empty, runs, one, startup_argv=argv + [str(empty_dir)])
            mentions = count_lines(argv + [str(docs_dir)], one)
            if f_glossary:
                # The index must hold what the CSV holds: the same mentions from either.
                from_csv = count_lines([qamus, "scan", "--format", "jsonl", *extra, *f_glossary, str(docs_dir)], one)
                if from_csv != mentions:
                    notes.append(f"{label}, {mode}: {mentions:,} mentions with the index, {from_csv:,} with the CSV.")
            q[mode] = mb / net
            shown = "`qamus scan --format jsonl" + (" --no-fuzzy" if extra else "") + (f" --glossary synth-{n_synth}.qidx" if q_glossary else "") + " DIR`"
            rows.append([label, shown, fmt_rate(mb / net, "MB/s"), "", f"{start:.2f} s / " + (f"{rss:,.0f} MB" if rss else "—"), f"{mentions:,} mentions"])

        # The floor in Rust: its own CPU time on the documents (loading and building excluded).
        f_argv = [floor, *f_glossary, str(docs_dir)]
        results = [floor_run(f_argv) for _ in range(runs)]
        docs_seen, bytes_seen, n_patterns, matches, _ = results[0]
        if (docs_seen, bytes_seen) != (n_docs, nbytes):
            sys.exit(f"compare: scan_floor read {docs_seen} documents, {bytes_seen} bytes; written: {n_docs}, {nbytes}")
        f_rate = mb / max(min(x[4] for x in results), 1e-9)
        vs = f"default {ratio(q['default'], f_rate)}; --no-fuzzy {ratio(q['--no-fuzzy'], f_rate)}"
        rows.append([label, f"aho-corasick floor, Rust (`examples/scan_floor.rs`, {n_patterns:,} patterns)", fmt_rate(f_rate, "MB/s"), vs, "not timed", f"{matches:,} matches"])
        slow[label] = (f_rate / q["default"], f_rate / q["--no-fuzzy"])

        # pyahocorasick: the same patterns over the same normalized documents (written once by the floor).
        patterns_path, normalized_path = scan_dir / "patterns.txt", scan_dir / "normalized.txt"
        floor_run([floor, *f_glossary, "--patterns", str(patterns_path), "--normalized", str(normalized_path), str(docs_dir)])
        patterns = patterns_path.read_text(encoding="utf-8").split("\0")[:-1]
        docs = normalized_path.read_text(encoding="utf-8").split("\0")[:-1]

        def build(ps):
            auto = ahocorasick.Automaton()
            for p in ps:
                auto.add_word(p, len(p))
            auto.make_automaton()
            return auto

        t_build, auto = best_call(build, patterns, 1)
        t_scan, py_matches = best_call(lambda ds: sum(sum(1 for _ in auto.iter_long(d)) for d in ds), docs, runs)
        py_rate = mb / t_scan
        vs = f"default {ratio(q['default'], py_rate)}; --no-fuzzy {ratio(q['--no-fuzzy'], py_rate)}"
        rows.append([label, "pyahocorasick `Automaton.iter_long` (same patterns, text normalized beforehand)", fmt_rate(py_rate, "MB/s"), vs, f"{t_build:.2f} s (building)", f"{py_matches:,} matches"])
        if py_matches != matches:
            notes.append(f"{label}: pyahocorasick found {py_matches:,} matches, the Rust floor {matches:,}.")
        print(f"compare: scan, {label} done", file=sys.stderr, flush=True)

    r.add("## Scan")
    r.add()
    r.add(
        f"Input: a collection of {n_docs:,} documents, {mb:.1f} MB: the seed articles (`tests/corpus/seeds/*.txt`, "
        f"{unit:,} bytes) copied again and again, each copy a file of its own, in one directory. Glossaries: the "
        f"shipped one, and the shipped one with {n_synth:,} synthetic entries on top (`compare_data synth`, as for "
        "lookup; qamus reads them from an index built beforehand with `qamus index build`, the floor from the CSV, "
        "since the start-up is not counted: the index only makes qamus's start-up short enough to subtract without "
        "noise). qamus: `qamus scan --format jsonl DIR`, output to /dev/null, one thread (`RAYON_NUM_THREADS=1`), "
        "CPU time of the process less its start-up on an empty directory; by default it finds exact, normalized, "
        "clitic, family-name and fuzzy mentions at word boundaries and writes each with its offsets, `--no-fuzzy` "
        "leaves out the fuzzy look-ups of unseen words. A scanner remembers the answer of each phrase it looked up "
        "fuzzily, and this collection is five articles over and over, so after the first copies every look-up is "
        "remembered: text never seen costs more (the `scan-distinct` group of `cargo bench --bench scan` measures "
        "it). The floor: one aho-corasick automaton (leftmost-longest) "
        "over every form of the same glossary at the `search` level, run over each document at the `search` level, "
        "counting matches: no word boundaries, clitics, offsets into the text as written, or output. In Rust "
        "(`examples/scan_floor.rs`, the `aho_corasick` crate, as the `aho-corasick-normalized` baseline of "
        "`benches/scan.rs`) it reads the documents itself, and its time is the CPU time (getrusage, the clock "
        "qamus's rusage comes from) of reading, normalizing and matching them, taken in the process: building the "
        "automaton from a 100k CSV costs it seconds, and subtracting that start-up would leave noise larger than "
        "the figure. In Python, pyahocorasick's `Automaton.iter_long` (leftmost-longest) over the same patterns "
        "and the documents already at the `search` level (normalized once beforehand by the Rust floor), "
        "`time.process_time()` of the loop over the documents: only the automaton is paid. MB/s = bytes of the "
        "documents as written ÷ time; qamus ÷ tool below 1 means qamus is slower than the floor."
    )
    r.add()
    r.table(["glossary", "tool", "throughput", "qamus ÷ tool", "start-up (CPU) / peak RSS", "found"], rows, left=(0, 1, 5))
    for note in notes:
        r.add(f"Check failed: {note}")
        r.add()
    worst = max(v[0] for v in slow.values())
    measured = "; ".join(f"{k}: {d:.1f}× the floor's time (`--no-fuzzy` {n:.1f}×)" for k, (d, n) in slow.items())
    r.add(f"qamus `scan` takes {measured}.")
    r.add()
    targets.append(("scan within 3× of the aho-corasick floor", measured, worst <= 3))


# --------------------------------------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--qamus", required=True, help="the release qamus binary")
    ap.add_argument("--data-tool", required=True, help="the compare_data example binary")
    ap.add_argument("--floor-tool", required=True, help="the scan_floor example binary")
    ap.add_argument("--work", default="target/compare", help="where inputs are written")
    ap.add_argument("--seeds", default="tests/corpus/seeds")
    ap.add_argument("--eval", default="../shared/eval", help="development data (variants-dev.tsv, translit-dev.tsv)")
    ap.add_argument("--sizes", default="10000,100000,1000000", help="synthetic glossary sizes")
    ap.add_argument("--runs", type=int, default=3, help="runs per figure (the best is kept)")
    ap.add_argument("--big", type=int, default=1_000_000, help="from this size on: --big-runs runs, one thread only")
    ap.add_argument("--big-runs", type=int, default=1, help="runs per figure at sizes from --big on")
    ap.add_argument("--megabytes", type=float, default=20.0, help="size of the text input")
    ap.add_argument("--out", default="BENCHMARKS.md")
    ap.add_argument("--command", default="benches/compare/run.sh", help="the command line recorded in the report")
    ap.add_argument("--only", default="", help=f"comma-separated sections to run, of {','.join(SECTIONS)} (default: all)")
    a = ap.parse_args()
    only = [s for s in a.only.split(",") if s] or list(SECTIONS)
    if any(s not in SECTIONS for s in only):
        ap.error(f"--only takes some of {','.join(SECTIONS)} (got {a.only})")

    import ahocorasick
    import anyascii
    import icu
    import pyarabic
    import pyarabic.araby as araby
    import rapidfuzz
    import numpy as np
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import JaroWinkler

    try:
        import camel_tools
        from camel_tools.utils.charmap import CharMapper
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import (
            normalize_alef_ar,
            normalize_alef_maksura_ar,
            normalize_teh_marbuta_ar,
        )

        camel_version = Path(camel_tools.__file__).with_name("VERSION").read_text().strip()
        camel_error = None
    except Exception as e:  # reported in the table, the rest still runs
        camel_version, camel_error = None, f"{type(e).__name__}: {e}"

    global RSS_FILE
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    RSS_FILE = work / "rss.txt"
    qamus = a.qamus
    runs = a.runs
    empty = work / "empty.txt"
    empty.write_bytes(b"")
    qamus_version = subprocess.run([qamus, "--version"], capture_output=True, text=True).stdout.strip()

    r = Report()
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    started = datetime.datetime.now(datetime.timezone.utc)
    r.add("# Benchmarks: qamus side by side with the Python tools")
    r.add()
    r.add(
        "Generated by `benches/compare/run.sh` (not by hand, and not in CI: it needs the network for its virtual "
        "environment and takes several minutes). Every figure is the best of "
        f"{runs} runs on a shared machine, so expect ±10% between runs."
    )
    r.add()
    r.table(
        ["what", "value"],
        [
            ["date (UTC)", started.strftime("%Y-%m-%d %H:%M")],
            ["command", f"`{a.command}`"],
            ["machine", f"{os.cpu_count()} cores (nproc), {cpu}, {platform.system()} {platform.release()}"],
            ["qamus", f"{qamus_version} (release build, this commit)"],
            ["Python", platform.python_version()],
            ["rapidfuzz", rapidfuzz.__version__],
            ["PyArabic", getattr(pyarabic, "__version__", None) or _dist_version("pyarabic")],
            ["CAMeL Tools", camel_version or f"not available ({camel_error})"],
            ["PyICU / ICU", f"{icu.VERSION} / {icu.ICU_VERSION}"],
            ["anyascii", _dist_version("anyascii")],
            ["pyahocorasick", _dist_version("pyahocorasick") + ("" if ahocorasick.unicode else " (bytes build)")],
            ["aho-corasick (Rust crate)", _lock_version("aho-corasick")],
            ["numpy", np.__version__],
        ],
        left=(0, 1),
    )

    targets = []  # (target, measured, met?)
    data_tool = a.data_tool
    # ----------------------------------------------------------------------------------------- text tools
    if "text" in only:
        corpus_path = work / "corpus.txt"
        text, nbytes, unit = make_corpus(a.seeds, corpus_path, a.megabytes)
        mb = nbytes / 1e6
        r.add("## Normalization and transliteration")
        r.add()
        r.add(
            f"Input: the seed corpus (`tests/corpus/seeds/*.txt`, {unit:,} bytes of Arabic news) repeated to "
            f"{mb:.1f} MB, one paragraph a line. qamus streams it through standard input "
            "(`qamus normalize --level search -`, `qamus translit -s SCHEME -`), output written to /dev/null, its "
            "start-up (measured with an empty input) subtracted; the rows \"in process\" time the library's functions on "
            "the same text in memory, line by line and as one text (`compare_data text-rate`: this thread's CPU time "
            "from `clock_gettime(CLOCK_THREAD_CPUTIME_ID)`, no reading, checking or writing), as the Python tools "
            "are timed, and the ratios \"in process\" take qamus's faster way, as the Python tools' rows take "
            "theirs. Each Python function is called in-process on the "
            "text in memory, on the whole text or line by line, whichever is faster for it (tried on a 100 KB sample), "
            "and on a prefix of the text when the whole would take more than 10 s a run. Time is CPU time (user + "
            "system: the child's rusage for qamus, `time.process_time()` in Python), one thread each: on this shared "
            "machine wall time swings with the other users' load. MB/s = input bytes ÷ time; qamus ÷ tool above 1 "
            "means qamus is faster."
        )
        r.add()

        def q_rate(args, env=None):
            net, _, _ = qamus_net([qamus, *args], corpus_path, empty, runs, env)
            return mb / net

        lines = text.splitlines(keepends=True)

        def py_rate(f):
            """MB/s of a Python function, in its faster mode (whole text or line by line, tried on a 100 KB sample);
            on a prefix of the text when the whole would take more than about 10 s a run."""
            sample, size = [], 0
            for l in lines:
                sample.append(l)
                size += len(l.encode("utf-8"))
                if size >= 100_000:
                    break
            t_whole, _ = best_call(f, "".join(sample), 1)
            t_lines, _ = best_call(lambda ls: [f(l) for l in ls], sample, 1)
            per_line = t_lines < t_whole
            estimate = min(t_whole, t_lines) * nbytes / size
            take = lines if estimate <= 10 else lines[: max(len(sample), int(len(lines) * 10 / estimate))]
            used = sum(len(l.encode("utf-8")) for l in take)
            if per_line:
                t, _ = best_call(lambda ls: [f(l) for l in ls], take, runs)
            else:
                t, _ = best_call(f, "".join(take), runs)
            mode = ("line by line" if per_line else "whole text") + (f", first {used / 1e6:.1f} MB" if used < nbytes else "")
            return used / 1e6 / t, mode

        speeds = {}  # tool label → MB/s, for the targets section

        def tool_row(label, f, versus, does):
            """A table row for a Python tool: throughput, how it was called, qamus ÷ tool for each (name, rate)."""
            rate, mode = py_rate(f)
            speeds[label] = rate
            vs = "; ".join(f"{name} {ratio(q, rate)}" if name else ratio(q, rate) for name, q in versus)
            return [label, fmt_rate(rate, "MB/s"), mode, vs, does]

        rows = []
        q_search = q_rate(["normalize", "--level", "search", "-"])
        # The library in process, as the Python functions are timed in theirs: no reading, checking or writing.
        lib = {}
        out = subprocess.run([data_tool, "text-rate", str(corpus_path), str(runs)], check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            name, rate = line.split("\t")
            lib[name] = float(rate)
        # In process: the faster of line by line and the whole text in one call, as for the Python tools.
        l_search, l_bw = max(lib["search"], lib["search-whole"]), max(lib["buckwalter"], lib["buckwalter-whole"])
        rows.append(["qamus `normalize --level search -`", fmt_rate(q_search, "MB/s"), "stdin, line by line", "", "NFKC, marks, tatweel, letter, digit and Latin folds, whitespace"])
        rows.append(["qamus `normalize::normalize(line, Level::Search)`, in process", fmt_rate(lib["search"], "MB/s"), "line by line (`compare_data text-rate`)", "", "the same"])
        rows.append(["qamus `normalize::normalize(text, Level::Search)`, in process", fmt_rate(lib["search-whole"], "MB/s"), "whole text (`compare_data text-rate`)", "", "the same"])
        if camel_error is None:

            def camel_norm(t):
                return dediac_ar(normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(t))))

            rows.append(tool_row("CAMeL Tools `normalize_alef_ar`, `normalize_alef_maksura_ar`, `normalize_teh_marbuta_ar`, `dediac_ar`", camel_norm, [("CLI", q_search), ("in process", l_search)], "alef, alef maksura, teh marbuta, marks"))
        else:
            rows.append(["CAMeL Tools normalizers", "not run", "", "", camel_error])

        def pyarabic_norm(t):
            return araby.normalize_teh(araby.normalize_alef(araby.strip_tatweel(araby.strip_tashkeel(t))))

        def pyarabic_hamza(t):
            return araby.normalize_hamza(araby.strip_tatweel(araby.strip_tashkeel(t)))

        rows.append(tool_row("PyArabic `strip_tashkeel`, `strip_tatweel`, `normalize_alef`, `normalize_teh`", pyarabic_norm, [("CLI", q_search), ("in process", l_search)], "marks, tatweel, alef, teh marbuta"))
        rows.append(tool_row("PyArabic `strip_tashkeel`, `strip_tatweel`, `normalize_hamza`", pyarabic_hamza, [("CLI", q_search), ("in process", l_search)], "marks, tatweel, hamza carriers onto ء (not qamus's fold)"))
        norm_tools = [v for k, v in speeds.items()]
        if norm_tools:
            worst = q_search / max(norm_tools)
            in_process = l_search / max(norm_tools)
            targets.append(("normalization ≥ 20× the Python tools", f"through the CLI {worst:.2f}× the fastest, {q_search / min(norm_tools):.1f}× the slowest; in process {in_process:.1f}× the fastest (met in process: {'yes' if in_process >= 20 else 'no'})", worst >= 20))
        speeds.clear()
        r.add("### Normalization")
        r.add()
        r.table(["tool", "throughput", "called", "qamus ÷ tool", "does"], rows, left=(0, 2, 4))

        rows = []
        q_bw = q_rate(["translit", "-s", "buckwalter", "-"])
        q_plain = q_rate(["translit", "-s", "plain", "-"])
        rows.append(["qamus `translit -s buckwalter -`", fmt_rate(q_bw, "MB/s"), "stdin, line by line", "", "Buckwalter, reversible one-to-one ASCII"])
        rows.append(["qamus `translit::transliterate(line, Scheme::Buckwalter)`, in process", fmt_rate(lib["buckwalter"], "MB/s"), "line by line (`compare_data text-rate`)", "", "the same"])
        rows.append(["qamus `translit::transliterate(text, Scheme::Buckwalter)`, in process", fmt_rate(lib["buckwalter-whole"], "MB/s"), "whole text (`compare_data text-rate`)", "", "the same"])
        rows.append(["qamus `translit -s plain -`", fmt_rate(q_plain, "MB/s"), "stdin, line by line", "", "press-style English (vowel model)"])
        both = [("buckwalter", q_bw), ("plain", q_plain)]
        if camel_error is None:
            rows.append(tool_row("CAMeL Tools `CharMapper.builtin_mapper('ar2bw')`", CharMapper.builtin_mapper("ar2bw"), [("buckwalter", q_bw), ("in process", l_bw)], "Buckwalter"))
        else:
            rows.append(["CAMeL Tools ar2bw", "not run", "", "", camel_error])
        for ident in ("Arabic-Latin", "Any-Latin"):
            tr = icu.Transliterator.createInstance(ident)
            rows.append(tool_row(f"PyICU `Transliterator.createInstance('{ident}').transliterate`", tr.transliterate, both, "ICU's rules: Latin with diacritics"))
        rows.append(tool_row("anyascii `anyascii()`", anyascii.anyascii, both, "a per-character ASCII table"))
        if speeds:
            worst = q_bw / max(speeds.values())
            targets.append(("`buckwalter` ≥ 20× the Python tools", f"{worst:.1f}× the fastest, {q_bw / min(speeds.values()):.1f}× the slowest", worst >= 20))
        r.add("### Transliteration")
        r.add()
        r.table(["tool", "throughput", "called", "qamus ÷ tool", "writes"], rows, left=(0, 2, 4))

    else:
        skipped(r, "Normalization and transliteration", only)

    # ----------------------------------------------------------------------------------------- lookup accuracy
    if "lookup" in only:
        eval_dir = Path(a.eval)
        r.add("## Lookup")
        r.add()
        if (eval_dir / "variants-dev.tsv").exists():
            subprocess.run([data_tool, "variants", str(eval_dir), str(work)], check=True)
            forms, queries = load_task(work, "variants")
            key_of = {f[0]: f[1] for f in forms}
            choices = [f[2] for f in forms]
            qlines = work / "variants.queries.txt"
            qlines.write_text("".join(q[0] + "\n" for q in queries), encoding="utf-8")
            n_entries = len(key_of)

            def acc_qamus(extra):
                ids = qamus_top1(qamus, work / "variants.csv", qlines, extra)
                if len(ids) != len(queries):
                    sys.exit(f"compare: qamus answered {len(ids)} of {len(queries)} queries")
                ok = sum(right(q[2], q[3], i, key_of.get(i)) for q, i in zip(queries, ids))
                answered = sum(i is not None for i in ids)
                return ok / len(queries), answered / len(queries)

            def acc_rf(scorer):
                ok = 0
                start = time.perf_counter()
                for q in queries:
                    best = process.extractOne(q[1], choices, scorer=scorer)
                    if best is not None:
                        f = forms[best[2]]
                        ok += right(q[2], q[3], f[0], f[1])
                per_s = len(queries) / (time.perf_counter() - start)
                return ok / len(queries), per_s

            rows = []
            t1, ans = acc_qamus([])
            # The example must rebuild the glossary and queries `qamus eval matching` uses: same top-1 on all rows.
            ev = subprocess.run([qamus, "eval", "matching", "--data", str(eval_dir)], capture_output=True, text=True)
            for line in ev.stdout.splitlines():
                cols = [c.strip() for c in line.strip("|").split("|")]
                if cols and cols[0] == "variants, all":
                    if int(cols[2]) != len(queries) or abs(float(cols[3]) - t1) > 0.0005:
                        sys.exit(f"compare: qamus eval says {line.strip()}, the CLI on compare_data's files {t1:.3f}")
                    break
            else:
                sys.exit(f"compare: no 'variants, all' row in `qamus eval matching`: {ev.stdout}{ev.stderr}")
            rows.append(["qamus `lookup` (default threshold: may answer nothing)", f"{t1:.3f}", f"{ans:.3f}"])
            t0, ans0 = acc_qamus(["--threshold", "0", "--min-margin", "0"])
            rows.append(["qamus `lookup --threshold 0 --min-margin 0` (always answers)", f"{t0:.3f}", f"{ans0:.3f}"])
            rf = {}
            for name, scorer in (("ratio", fuzz.ratio), ("WRatio (extractOne's default)", fuzz.WRatio), ("JaroWinkler", JaroWinkler.normalized_similarity)):
                acc, _ = acc_rf(scorer)
                rf[name] = acc
                rows.append([f"rapidfuzz `process.extractOne`, scorer {name}", f"{acc:.3f}", "1.000"])
            r.add("### Top-1 accuracy on the development data")
            r.add()
            r.add(
                f"The glossary `qamus eval matching` builds from `../shared/eval/` ({n_entries:,} entries: one Arabic "
                "spelling per variants group, and every `translit-dev.tsv` pair as a distractor), queried with the "
                f"{len(queries):,} other spellings of the groups in it. rapidfuzz scans the same Arabic forms at qamus's "
                "`search` level (queries too), so it gets the normalization for free. Right = the entry of the group, "
                "or an entry with the same English name."
            )
            r.add()
            r.table(["tool", "top-1", "answered"], rows)
            best_rf = max(rf.values())
            verdict = "equal or better" if t1 >= best_rf else "worse"
            r.add(f"qamus at its default threshold is {verdict} than the best rapidfuzz scorer here ({t1:.3f} vs {best_rf:.3f}).")
            targets.append(("lookup top-1 on the dev data equal or better than rapidfuzz", f"{t1:.3f} vs {rf['ratio']:.3f} (ratio), {best_rf:.3f} (best scorer)", t1 >= best_rf))
            r.add()
        else:
            r.add(f"Top-1 accuracy: skipped, {eval_dir}/variants-dev.tsv not found (the development data lives beside the repository).")
            r.add()

        # ----------------------------------------------------------------------------------------- lookup throughput
        sizes = [int(s) for s in a.sizes.split(",") if s]
        rows = []
        for n in sizes:
            qamus_q = 4000 if n <= 10_000 else (10_000 if n <= 100_000 else 20_000)
            rf_q = max(40, min(400, 10_000_000 // n))
            subprocess.run([data_tool, "synth", str(n), str(qamus_q), str(work)], check=True)
            name = f"synth-{n}"
            forms, queries = load_task(work, name)
            choices = [f[2] for f in forms]
            key_of = {f[0]: f[1] for f in forms}
            qlines = work / f"{name}.queries.txt"
            qlines.write_text("".join(q[0] + "\n" for q in queries), encoding="utf-8")
            # qamus reads the glossary from an index built beforehand (timed apart): its start-up is then a few
            # milliseconds, so subtracting it leaves no noise (from the CSV it took seconds to minutes).
            index = work / f"{name}.qidx"
            build_argv = [qamus, "index", "build", "--no-default-glossary", "-o", str(index), str(work / f"{name}.csv")]
            build_cpu, build_rss = best_process(build_argv, empty, 1)
            argv = [qamus, "lookup", "--no-default-glossary", "--glossary", str(index), "--format", "tsv", "-"]
            one = dict(os.environ, RAYON_NUM_THREADS="1")
            n_runs = runs if n < a.big else a.big_runs
            answers = work / f"{name}.answers.tsv"
            net1, start1, rss = qamus_net(argv, qlines, empty, n_runs, one, "cpu", answers)
            q1 = len(queries) / net1
            netn, _, _ = qamus_net(argv, qlines, empty, n_runs, None, "wall")
            qn = len(queries) / netn
            ids = parse_top1(answers.read_text(encoding="utf-8"))
            if len(ids) != len(queries):
                sys.exit(f"compare: qamus answered {len(ids)} of {len(queries)} queries")
            hits = [(q, i) for q, i in zip(queries, ids) if q[2]]
            q_acc = sum(right(q[2], q[3], i, key_of.get(i)) for q, i in hits) / max(1, len(hits))

            # rapidfuzz: extractOne on a subset (one thread), cdist on the same subset (all cores).
            sub = queries[:rf_q]
            sub_q = [q[1] for q in sub]
            t_one, found = best_call(lambda qs: [process.extractOne(q, choices, scorer=fuzz.ratio) for q in qs], sub_q, runs)
            rf_one = len(sub) / t_one

            def cdist_top1(qs):
                out = []
                step = max(1, 50_000_000 // max(1, len(choices)))
                for i in range(0, len(qs), step):
                    m = process.cdist(qs[i : i + step], choices, scorer=fuzz.ratio, dtype=np.uint8, workers=-1)
                    out.extend(m.argmax(axis=1).tolist())
                return out

            t_cd, best_idx = best_call(cdist_top1, sub_q, runs, "wall")
            rf_cd = len(sub) / t_cd
            sub_hits = [(q, f) for q, f in zip(sub, found) if q[2]]
            rf_acc = sum(f is not None and right(q[2], q[3], forms[f[2]][0], forms[f[2]][1]) for q, f in sub_hits) / max(1, len(sub_hits))
            sub_ids = [i for q, i in zip(queries[:rf_q], ids[:rf_q]) if q[2]]
            q_acc_sub = sum(right(q[2], q[3], i, key_of.get(i)) for (q, _), i in zip(sub_hits, sub_ids)) / max(1, len(sub_hits))
            rows.append(
                [
                    f"{n:,}",
                    f"{q1:,.0f}/s",
                    f"{rf_one:,.1f}/s",
                    ratio(q1, rf_one),
                    f"{qn:,.0f}/s" if qn else "not run",
                    f"{rf_cd:,.1f}/s",
                    ratio(qn, rf_cd) if qn else "—",
                    f"{build_cpu:.1f} s / " + (f"{build_rss:,.0f} MB" if build_rss else "—"),
                    f"{start1 * 1000:.0f} ms / " + (f"{rss:,.0f} MB" if rss else "—"),
                    f"{q_acc:.3f} ({q_acc_sub:.3f})",
                    f"{rf_acc:.3f} (of {len(sub_hits)})",
                ]
            )
            if n == 100_000:
                targets.append(("lookup ≥ 100× rapidfuzz `extractOne` at 100k entries", f"{q1 / rf_one:.1f}× (one thread each)", q1 / rf_one >= 100))
            print(f"compare: size {n} done", file=sys.stderr, flush=True)
        r.add("### Throughput on synthetic glossaries")
        r.add()
        r.add(
            "Glossaries of N entries drawn by `qamus::synth::Generator` (each: an Arabic name, a misspelt variant, its "
            "`plain` transliteration), written by `cargo run --release --example compare_data -- synth N Q DIR`. Queries "
            "alternate a misspelling of a stored name and a new name. qamus: `qamus lookup --no-default-glossary "
            "--glossary synth-N.qidx --format tsv -` over all Q queries (4,000 at 10k, 10,000 at 100k, 20,000 at 1M), "
            "the index built beforehand by `qamus index build --no-default-glossary -o synth-N.qidx synth-N.csv` "
            "(its CPU time and peak RSS shown apart), the start-up (opening the index, measured with an empty input) "
            "subtracted and shown apart. rapidfuzz: `process.extractOne(query, forms, scorer=fuzz.ratio)` and "
            "`process.cdist(queries, forms, scorer=fuzz.ratio, dtype=uint8, workers=-1)` + argmax on the first "
            "queries of the same set (400 at 10k, 100 at 100k, 40 at 1M: each scans all forms, 2 per entry), forms "
            "and queries already at "
            "qamus's `search` level. One thread (qamus with `RAYON_NUM_THREADS=1`, extractOne): CPU time. All cores "
            "(qamus's default, cdist with `workers=-1`): wall time, so these two columns move with the machine's "
            f"load. From {a.big:,} entries on: {a.big_runs} run(s) per figure. Top-1 is counted on "
            "the misspellings (qamus on all of them, and in brackets on the rapidfuzz subset, whose size is given)."
        )
        r.add()
        r.table(
            [
                "entries",
                "qamus, 1 thread",
                "extractOne",
                "ratio",
                "qamus, all cores",
                "cdist, all cores",
                "ratio",
                "qamus index build (CPU) / peak RSS",
                "qamus start-up (CPU) / peak RSS",
                "qamus top-1 (subset)",
                "rapidfuzz top-1",
            ],
            rows,
        )

    else:
        skipped(r, "Lookup", only)

    # ----------------------------------------------------------------------------------------- scan
    if "scan" in only:
        scan_section(r, a, runs, work, empty, targets)
    else:
        skipped(r, "Scan", only)

    r.add("## The targets of issue 5")
    r.add()
    r.table(["target", "measured", "met"], [[t, m, "—" if ok is None else ("yes" if ok else "no")] for t, m, ok in targets], left=(0, 1, 2))
    took = datetime.datetime.now(datetime.timezone.utc) - started
    r.add(f"The whole run took {took.total_seconds() / 60:.1f} minutes.")
    Path(a.out).write_text("\n".join(r.lines) + "\n", encoding="utf-8")
    print(f"compare: wrote {a.out}", file=sys.stderr)


def _lock_version(name):
    """The version of crate `name` in Cargo.lock (the first one listed), or "unknown"."""
    try:
        lines = Path("Cargo.lock").read_text(encoding="utf-8").splitlines()
        at = lines.index(f'name = "{name}"')
        return lines[at + 1].split('"')[1]
    except (OSError, ValueError, IndexError):
        return "unknown"


def _dist_version(name):
    try:
        from importlib.metadata import version

        return version(name)
    except Exception:
        return "unknown"


if __name__ == "__main__":
    main()
