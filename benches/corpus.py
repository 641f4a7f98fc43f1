#!/usr/bin/env python3
"""Times newsgraph over whole corpora: MB/s, documents/s and peak RSS, on one core and
on all cores.

    cargo build --release
    python3 benches/corpus.py bbc                  # ../shared/corpus/bbc (5 MB, 2,225 files)
    python3 benches/corpus.py big --size-mb 1024   # generated JSON Lines corpus (≥ 1 GB)
    python3 benches/corpus.py all
    python3 benches/corpus.py bbc --bin target/pgo/newsgraph   # after bash benches/pgo.sh

The generated corpus is written to target/corpus/ (never committed): BBC articles
repeated with their people renamed (given names and surnames drawn from data/, a fixed
seed per copy, consistently within an article), so the graph grows as it would over a
real archive instead of merging 400 copies of the same people.

Each run is `newsgraph extract ... --format json -o FILE` under `/usr/bin/time -v`
(one core: `taskset -c 0` and `--jobs 1`; all cores: `--jobs 0`). Repeat with
`--repeat N` to keep the best wall time of N runs (the machine may be busy).
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("NEWSGRAPH_SHARED", os.path.join(ROOT, "..", "shared"))
BIN = os.path.join(ROOT, "target", "release", "newsgraph")


def bbc_files():
    base = os.path.join(SHARED, "corpus", "bbc")
    out = []
    for sub in sorted(os.listdir(base)):
        d = os.path.join(base, sub)
        if os.path.isdir(d):
            out += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".txt")]
    return out


def read_text(path):
    raw = open(path, "rb").read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def name_lists():
    given = []
    for line in open(os.path.join(ROOT, "data", "given_names.tsv"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            given.append(line.split("\t")[0])
    surnames = []
    for line in open(os.path.join(ROOT, "data", "surnames.txt"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            surnames.append(line.strip())
    return given, surnames


FULL_NAME = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b")


def generate(path, size_mb):
    """Writes a JSON Lines corpus of at least size_mb MB; returns (bytes, documents)."""
    given, surnames = name_lists()
    given_set = set(given)
    articles = [read_text(p) for p in bbc_files()]
    target = size_mb * 1024 * 1024
    written = docs = copy = 0
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".part"
    with open(tmp, "w", encoding="utf-8") as out:
        while written < target:
            rng = random.Random(copy)
            for i, text in enumerate(articles):
                renames = {}
                for first, last in FULL_NAME.findall(text):
                    if first in given_set and last not in given_set:
                        renames.setdefault(first, rng.choice(given))
                        renames.setdefault(last, rng.choice(surnames).title())
                if renames:
                    pattern = re.compile(r"\b(" + "|".join(map(re.escape, renames)) + r")\b")
                    text2 = pattern.sub(lambda m: renames[m.group(1)], text)
                else:
                    text2 = text
                title = text2.split("\n", 1)[0]
                line = json.dumps(
                    {"id": f"{copy}-{i}", "title": title, "text": text2,
                     "url": f"https://example.org/{copy}/{i}", "date": "2005-01-01"},
                    ensure_ascii=False,
                ) + "\n"
                written += len(line.encode("utf-8"))
                docs += 1
                out.write(line)
                if written >= target:
                    break
            copy += 1
    os.replace(tmp, path)
    return written, docs


def measure(args, input_bytes, docs, one_core, repeat):
    """Runs newsgraph; returns (seconds, peak RSS in MB)."""
    jobs = ["--jobs", "1"] if one_core else ["--jobs", "0"]
    best = None
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "graph.json")
        for _ in range(repeat):
            cmd = ["/usr/bin/time", "-v"]
            if one_core:
                cmd += ["taskset", "-c", "0"]
            cmd += [BIN, "extract", *args, "--format", "json", "-o", out, "--quiet", *jobs]
            p = subprocess.run(cmd, capture_output=True, text=True)
            if p.returncode not in (0, 1):
                sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr}")
            wall = rss = None
            cpu = 0.0
            for line in p.stderr.splitlines():
                line = line.strip()
                if line.startswith(("User time", "System time")):
                    cpu += float(line.rsplit(" ", 1)[1])
                if line.startswith("Elapsed (wall clock) time"):
                    t = line.rsplit(" ", 1)[1].split(":")
                    wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(t)))
                elif line.startswith("Maximum resident set size"):
                    rss = int(line.rsplit(" ", 1)[1]) / 1024
            if best is None or wall < best[0]:
                best = (wall, rss, cpu)
    wall, rss, cpu = best
    mb = input_bytes / 1e6
    cores = "1 core " if one_core else f"{os.cpu_count()} cores"
    # CPU time is given too: on a busy machine it moves less than wall time
    print(f"  {cores}: {wall:7.2f} s  {mb / wall:7.2f} MB/s  {docs / wall:9.0f} docs/s  "
          f"peak RSS {rss:7.1f} MB  (CPU {cpu:.2f} s: {mb / cpu:.2f} MB/s)", flush=True)
    return wall, rss


def bench_bbc(repeat):
    files = bbc_files()
    size = sum(os.path.getsize(f) for f in files)
    print(f"BBC: {len(files)} files, {size / 1e6:.2f} MB "
          f"(newsgraph extract ../shared/corpus/bbc --glob '*.txt')")
    base = os.path.join(SHARED, "corpus", "bbc")
    for one in (True, False):
        measure([base, "--glob", "*.txt"], size, len(files), one, repeat)


def bench_big(size_mb, repeat, cores):
    path = os.path.join(ROOT, "target", "corpus", f"news-{size_mb}mb.jsonl")
    meta = path + ".meta"
    if not (os.path.exists(path) and os.path.exists(meta)):
        print(f"generating {path} ...", flush=True)
        written, docs = generate(path, size_mb)
        json.dump({"bytes": written, "docs": docs}, open(meta, "w"))
    m = json.load(open(meta))
    print(f"generated: {m['docs']} articles, {m['bytes'] / 1e6:.1f} MB of JSON Lines "
          f"(newsgraph extract {os.path.relpath(path, ROOT)})")
    for one in cores:
        measure([path], m["bytes"], m["docs"], one, repeat)


def main():
    global BIN
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["bbc", "big", "all"])
    ap.add_argument("--size-mb", type=int, default=1024, help="size of the generated corpus")
    ap.add_argument("--repeat", type=int, default=1, help="runs per figure (best is kept)")
    ap.add_argument("--cores", choices=["one", "all", "both"], default="both")
    ap.add_argument("--bin", default=BIN,
                    help="the newsgraph to time (default target/release/newsgraph; "
                         "benches/pgo.sh makes target/pgo/newsgraph)")
    a = ap.parse_args()
    BIN = os.path.abspath(a.bin)
    if not os.path.exists(BIN):
        sys.exit(f"no {BIN}: build first (cargo build --release)")
    if not os.path.isdir(os.path.join(SHARED, "corpus", "bbc")):
        sys.exit(f"no BBC corpus at {SHARED}/corpus/bbc (set NEWSGRAPH_SHARED)")
    cores = {"one": [True], "all": [False], "both": [True, False]}[a.cores]
    if a.what in ("bbc", "all"):
        bench_bbc(a.repeat)
    if a.what in ("big", "all"):
        bench_big(a.size_mb, a.repeat, cores)


if __name__ == "__main__":
    main()
