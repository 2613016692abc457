#!/bin/sh
# The Limits figures of the README's Reliability section: peak RSS (GNU time's %M) and CPU time of qamus on large
# inputs, generated in a temporary directory (the 1 GB stream only ever exists in a pipe).
#
#   scripts/limits.sh            (needs /usr/bin/time and python3; about 10 minutes on 2 cores)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin qamus --example synth_glossary
q="$root/target/release/qamus"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
measure() { # label, then the command
    label=$1
    shift
    /usr/bin/time -f "$label: elapsed %e s, user %U s, sys %S s, max RSS %M KB" "$@" >/dev/null 2>time.txt || true
    tail -n 1 time.txt
}
"$root/target/release/examples/synth_glossary" 1000000 >g1m.csv
measure "lookup, 1M-row glossary" "$q" lookup --no-default-glossary -g g1m.csv بوتين
measure "lookup --no-fuzzy, 1M-row glossary" "$q" lookup --no-fuzzy --no-default-glossary -g g1m.csv بوتين
measure "glossary stats, 1M rows" "$q" glossary stats --no-default-glossary -g g1m.csv
measure "glossary check, 1M rows" "$q" glossary check g1m.csv
measure "index build, 1M rows" "$q" index build --no-default-glossary g1m.csv -o g1m.qidx
ls -l g1m.csv g1m.qidx | awk '{print $5, $9}'
measure "lookup, 1M-entry index" "$q" lookup --no-default-glossary -g g1m.qidx بوتين
measure "lookup --no-fuzzy, 1M-entry index" "$q" lookup --no-fuzzy --no-default-glossary -g g1m.qidx بوتين
measure "index check (whole checksum), 1M-entry index" "$q" index check g1m.qidx
rm -f g1m.qidx
stream() {
    python3 -c "
import sys
s=('بوتين وباشينيان يبحثان أزمة ناغورنو كراباخ في الكرملين، وقال المتحدث ديمتري بيسكوف لوكالة إنترفاكس إن اللقاء سيعقد قريبا.\n'*1000).encode()
for _ in range((1 << 30) // len(s) + 1):
    sys.stdout.buffer.write(s)
"
}
stream | measure "normalize -, 1 GB stream" "$q" normalize -
stream | measure "normalize -l search -, 1 GB stream" "$q" normalize -l search -
python3 -c "
import sys
names=['بوتين','وباشينيان','للكرملين','ناغورني قره باغ','انترفاكس','ديمتري بيسكوف','Paschinjan','zzzz qqq']
sys.stdout.write(''.join(names[i % 8] + '\n' for i in range(400000)))" >names400k.txt
measure "lookup -f jsonl -, 400,000 lines" "$q" lookup -f jsonl - <names400k.txt
{ echo name; head -n 100000 names400k.txt; } >names100k.csv
measure "lookup --csv, 100,000 rows" "$q" lookup --csv --column name names100k.csv
measure "lookup --csv, 100,000 rows on stdin" "$q" lookup --csv --column name <names100k.csv
python3 -c "
import sys
s='بوتين وباشينيان يبحثان أزمة ناغورنو كراباخ في الكرملين. Putin and Pashinyan. '
sys.stdout.write(s * (50 * 1024 * 1024 // len(s.encode()) + 1))" >line50mb.txt
for args in "normalize -" "normalize -l search -" "translit -s buckwalter -" "translit -s ala-lc -" "translit -"; do
    # shellcheck disable=SC2086
    measure "$args, a 50 MB line" "$q" $args <line50mb.txt
done
python3 -c "
import sys
b = open('line50mb.txt', 'rb').read(1 << 20)
sys.stdout.buffer.write(b.decode('utf-8', 'ignore').encode())" >line1mb.txt
measure "lookup -, a 1 MB line" "$q" lookup - <line1mb.txt
query=$(python3 -c "
toks = ['بوتينسكوف', 'باشينيان1', 'الكرملين2', 'ناغورنوكا', 'Paschinja', 'عبدالله12', 'Peskovich', 'انترفاكسي']
print(' '.join(toks[i % 8] for i in range(1000)))")
measure "lookup, a 9,999-character 1,000-token query" "$q" lookup --top 3 "$query"
# A collection of 5,000 documents, the seed articles copied again and again (as wire copies fill a news
# collection: each shares its entities with a fifth of the others), about 20 MB.
mkdir docs
python3 -c "
import glob, os, sys
seeds = [open(p, encoding='utf-8').read() for p in sorted(glob.glob(sys.argv[1] + '/tests/corpus/seeds/*.txt'))]
for i in range(5000):
    open(os.path.join('docs', '%05d.txt' % i), 'w', encoding='utf-8').write(seeds[i % len(seeds)])" "$root"
measure "xref, 5,000 documents" "$q" xref docs
measure "xref --format json, 5,000 documents" "$q" xref --format json docs
measure "scan --format jsonl, 5,000 documents" "$q" scan --format jsonl docs
{ echo "id,name,note"; awk '{ print NR ",\"" $0 "\",x" }' names400k.txt; } >names400k.csv
measure "normalize --csv, 400,000 rows" "$q" normalize -l search --csv --column name names400k.csv
# 30,000 different documents sharing common entities: each one to six paragraphs of the seed articles, drawn at
# random (few copies: the related pairs' cost is the sum over entities of their document counts squared).
python3 -c "
import glob, json, random, sys
paras = [p for f in sorted(glob.glob(sys.argv[1] + '/tests/corpus/seeds/*.txt'))
         for p in open(f, encoding='utf-8').read().split('\n') if p.strip()]
random.seed(11)
for i in range(30000):
    print(json.dumps({'text': '\n'.join(random.sample(paras, random.randint(1, 6)))}, ensure_ascii=False))" "$root" >mixed30k.jsonl
measure "xref, 30,000 different documents (JSON Lines)" "$q" xref --jsonl-field text mixed30k.jsonl
