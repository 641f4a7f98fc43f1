#!/usr/bin/env python3
"""Bounded work: extracting a 10 MB document must take at most ~12x the time of a 1 MB
one (linear work gives 10x), for several shapes of text, so no stage is super-linear
over one document.

    python3 .ci/bounded.py --bin target/release/newsgraph [--limit 12] [--runs 3]

Shapes: the seed articles repeated (paragraphs, the same names again and again); a new
name in every sentence; one line of news words without a full stop; text thick with
quote marks. Time is the CPU
time of the child (user + system), the best of --runs runs, so a busy machine matters
less. Prints each ratio; exits 1 when one is over the limit.
"""
import argparse
import glob
import os
import resource
import subprocess
import sys
import tempfile

MB = 1 << 20


def shapes(root):
    seeds = "\n\n".join(open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(root, "seeds", "*.txt"))))
    line = "Mayor Lori Lightfoot, “we will” say CTU President Jesse Sharkey and the union, "
    quotes = "“Yes,” said Ms Ann Lee. ‘No’ \"maybe “ and ” ' he said: “We will see. "
    shapes = {"seeds repeated": seeds + "\n\n", "one line": line, "quote marks": quotes}
    # a new name in every sentence (entities grow with the document)
    syl = ["ka", "lo", "mi", "ren", "tor", "vas", "bel", "dun", "sig", "pra"]
    names = []
    for i in range(20000):
        a, b, c = syl[i % 10], syl[i // 10 % 10], syl[i // 100 % 10]
        d = syl[i // 1000 % 10] + syl[i // 10000 % 10]
        names.append(f"Mr {a.title()}{b}{c} {d.title()}{c} of {b.title()}{a} Corp said the plan was fine. ")
    shapes["new names"] = "".join(names) + "\n\n"
    return shapes


def cpu_seconds(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="target/release/newsgraph")
    ap.add_argument("--limit", type=float, default=12.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--small-mb", type=int, default=1)
    a = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        # start-up (word lists) is the same for any size: taken off both times
        empty = os.path.join(tmp, "empty.txt")
        open(empty, "w").close()
        base = min(cpu_seconds([a.bin, "extract", "-q", "--jobs", "1", empty, "-o", os.devnull]) for _ in range(a.runs))
        print(f"start-up {base:.2f} s (taken off)")
        def measure(unit, runs):
            times = []
            for size in (a.small_mb * MB, 10 * a.small_mb * MB):
                text = (unit * (size // len(unit.encode()) + 1)).encode()[:size].decode("utf-8", "ignore")
                path = os.path.join(tmp, "doc.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                cmd = [a.bin, "extract", "-q", "--jobs", "1", path, "-o", os.devnull]
                times.append(max(min(cpu_seconds(cmd) for _ in range(runs)) - base, 1e-3))
            return times

        for name, unit in shapes(root).items():
            times = measure(unit, a.runs)
            if times[1] / times[0] > a.limit:
                # a busy machine makes the small run's time noisy: measure once more
                again = measure(unit, a.runs + 2)
                times = [min(times[0], again[0]), min(times[1], again[1])]
            ratio = times[1] / times[0]
            worst = max(worst, ratio)
            print(f"{name:15} {a.small_mb:3} MB {times[0]:7.2f} s   {10 * a.small_mb:3} MB {times[1]:7.2f} s   ratio {ratio:5.1f}")
    print(f"worst ratio {worst:.1f} (limit {a.limit})")
    return 1 if worst > a.limit else 0


if __name__ == "__main__":
    sys.exit(main())
