#!/usr/bin/env python3
"""Bounded work: extracting a document 10x larger must cost at most --limit times the work
(linear work gives 10x), for several shapes of text, so no stage is super-linear over one
document.

    python3 .ci/bounded.py --bin target/release/newsgraph [--limit 12] [--measure instructions]

Shapes: the seed articles repeated (paragraphs, the same names again and again); new
people and organizations in every sentence, with nominals and pronouns; organizations,
their presidents and what they oppose and support (roles, quotes, stances); one line of news words without a full stop; text thick with
quote marks.

Work is measured as instructions executed (valgrind's cachegrind without its cache
simulation, ~17x slower than a native run): the same count on any machine at any
load, so the check neither flakes on a busy machine nor hides a quadratic pass behind
cache effects. `--measure cpu` takes CPU time (user + system, best of --runs) instead,
for machines without valgrind; it is noisy (7-16x for linear work on a busy 2-core
machine) and needs a looser limit. Start-up (loading the word lists) is the same for
any size and is taken off both figures. Prints each ratio; exits 1 when one is over
the limit.
"""
import argparse
import glob
import os
import resource
import re
import shutil
import subprocess
import sys
import tempfile

MB = 1 << 20


def name_parts(count=100000):
    """`count` distinct syllable tuples (a, b, c, d) to build invented names from."""
    syl = ["ka", "lo", "mi", "ren", "tor", "vas", "bel", "dun", "sig", "pra"]
    for i in range(count):
        a, b, c = syl[i % 10], syl[i // 10 % 10], syl[i // 100 % 10]
        yield a, b, c, syl[i // 1000 % 10] + syl[i // 10000 % 10]


def shapes(root):
    seeds = "\n\n".join(open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(root, "seeds", "*.txt"))))
    line = "Mayor Lori Lightfoot, “we will” say CTU President Jesse Sharkey and the union, "
    quotes = "“Yes,” said Ms Ann Lee. ‘No’ \"maybe “ and ” ' he said: “We will see. "
    shapes = {"seeds repeated": seeds + "\n\n", "one line": line, "quote marks": quotes}
    # a new person and a new organization in every sentence, then nominals and pronouns
    # that must find them among all entities so far ("the company", "she", "the firm"):
    # 100,000 distinct names, ~11 MB, so no name repeats in a 5 MB document
    names = []
    for a, b, c, d in name_parts():
        names.append(f"Mr {a.title()}{b}{c} {d.title()}{c} of {b.title()}{a} Corp said the plan was fine. "
                     f"{a.title()}{b}{c} {d.title()} Industries hired Dr {c.title()}{a} {b.title()}{d}. "
                     "The company said he would start. She told the firm it was fine. ")
    shapes["new names"] = "".join(names) + "\n\n"
    # organizations defined with acronyms, their presidents quoted for and against plans
    # and groups: roles, quotes and stances over ever more entities
    stances = []
    for a, b, c, d in name_parts():
        acro = (a[0] + b[0] + c[0] + d[0]).upper()
        stances.append(
            f"The {a.title()}{b} {c.title()}{d} Workers Union ({acro}) opposes the {b}{c} plan. "
            f"{acro} President {d.title()} {a.title()}{c} said: “We reject the {b}{c} plan and "
            f"support {d.title()}{a} Group.” He criticized {c.title()}{b} Holdings.\n\n")
    shapes["stances"] = "".join(stances)
    return shapes


def cpu_seconds(cmd, runs):
    """CPU time (user + system) of the child, the best of `runs` runs."""
    best = None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = t if best is None else min(best, t)
    return best


def instructions(cmd, tmp):
    """Instructions the command executes, counted by cachegrind (deterministic)."""
    out = os.path.join(tmp, "cachegrind.out")
    run = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}"] + cmd,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    m = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if not m:
        sys.exit(f"bounded.py: no instruction count in valgrind's output:\n{run.stderr}")
    return int(m.group(1).replace(",", ""))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="target/release/newsgraph")
    ap.add_argument("--limit", type=float, default=12.0)
    ap.add_argument("--measure", choices=["instructions", "cpu"], default="instructions")
    ap.add_argument("--runs", type=int, default=3, help="runs per size with --measure cpu (best taken)")
    ap.add_argument("--small-mb", type=float, default=1)
    ap.add_argument("--only", help="measure one shape (its name, e.g. 'new names')")
    a = ap.parse_args()
    if a.measure == "instructions" and shutil.which("valgrind") is None:
        sys.exit("bounded.py: --measure instructions needs valgrind (or use --measure cpu)")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        def work(path):
            cmd = [a.bin, "extract", "-q", "--jobs", "1", path, "-o", os.devnull]
            if a.measure == "instructions":
                return instructions(cmd, tmp) / 1e9
            return cpu_seconds(cmd, a.runs)

        def show(x):
            return f"{x:7.2f} G" if a.measure == "instructions" else f"{x:7.2f} s"

        # start-up (word lists) is the same for any size: taken off both figures
        empty = os.path.join(tmp, "empty.txt")
        open(empty, "w").close()
        base = work(empty)
        print(f"start-up {show(base).strip()} (taken off)")
        small = int(a.small_mb * MB)
        for name, unit in shapes(root).items():
            if a.only and name != a.only:
                continue
            figures = []
            for size in (small, 10 * small):
                text = (unit * (size // len(unit.encode()) + 1)).encode()[:size].decode("utf-8", "ignore")
                path = os.path.join(tmp, "doc.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                figures.append(max(work(path) - base, 1e-3))
            ratio = figures[1] / figures[0]
            worst = max(worst, ratio)
            print(f"{name:15} {small / MB:4g} MB {show(figures[0])}   {10 * small / MB:4g} MB {show(figures[1])}   ratio {ratio:5.1f}")
    print(f"worst ratio {worst:.1f} (limit {a.limit}, {a.measure})")
    return 1 if worst > a.limit else 0


if __name__ == "__main__":
    sys.exit(main())
