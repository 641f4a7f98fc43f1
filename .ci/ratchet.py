#!/usr/bin/env python3
"""Runs ../shared/eval/score.py on each suite in .ci/floors.json and fails when a figure
falls below its floor (or a `.max` figure rises above its ceiling).

    python3 .ci/ratchet.py --bin target/release/newsgraph --shared ../shared
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def suites(shared):
    ev = os.path.join(shared, "eval")
    corpus = os.path.join(shared, "corpus")
    return {
        "gold-seeds": ["gold", os.path.join(ev, "gold", "seeds"), os.path.join(shared, "seeds")],
        "gold-bbc": ["gold", os.path.join(ev, "gold", "bbc"), os.path.join(corpus, "bbc")],
        "conll": ["conll", os.path.join(corpus, "conll2003", "eng.testa")],
        "polnear": ["polnear", os.path.join(corpus, "polnear", "dev")],
        "dsa": ["dsa", os.path.join(corpus, "directed_sentiment", "valid.txt")],
    }


def get(fig, dotted):
    for part in dotted.split("."):
        fig = fig[part]
    return fig


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--shared", required=True)
    args = ap.parse_args()
    floors = json.load(open(os.path.join(HERE, "floors.json")))
    score = os.path.join(args.shared, "eval", "score.py")
    failed = []
    for name, want in floors.items():
        if name.startswith("_"):
            continue
        cmd = [sys.executable, score, *suites(args.shared)[name], "--bin", args.bin, "--json"]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        fig = json.loads(out.strip().splitlines()[-1])
        for key, floor in want.items():
            if key.endswith(".max"):
                got = get(fig, key[: -len(".max")])
                ok = got <= floor
                rel = "<="
            else:
                got = get(fig, key)
                ok = got >= floor
                rel = ">="
            print(f"{'ok  ' if ok else 'FAIL'} {name:11} {key:28} {got:>7} (floor {rel} {floor})")
            if not ok:
                failed.append(f"{name} {key}")
    if failed:
        sys.exit("accuracy below the floors: " + ", ".join(failed))


if __name__ == "__main__":
    main()
