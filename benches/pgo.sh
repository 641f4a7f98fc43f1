#!/usr/bin/env bash
# A profile-guided build of newsgraph: target/pgo/newsgraph.
#
#   bash benches/pgo.sh [TRAINING INPUT...]
#
# 1. builds newsgraph instrumented (-Cprofile-generate) in target/pgo/gen;
# 2. runs it over the seeds in every export format and over the training inputs (by
#    default ../shared/corpus/polnear/train/text: 840 US political articles, none of
#    them in the BBC corpus the speed figures are measured on), as files on one thread
#    and as JSON Lines on two;
# 3. merges the counts with llvm-profdata (rustup's llvm-tools component, added if
#    missing) and builds again with them (-Cprofile-use) in target/pgo/use.
#
# The profile is made afresh from the code being built, never committed: a profile of
# older code would silently miss the functions that changed. Outputs are the same as
# the plain release build's (the profile changes code layout and inlining, not what
# the code does); the script checks that on the seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
shared=${NEWSGRAPH_SHARED:-$root/../shared}
if [ $# -gt 0 ]; then
    train=("$@")
else
    train=("$shared/corpus/polnear/train/text")
fi
for t in "${train[@]}"; do
    [ -e "$t" ] || { echo "pgo.sh: no training input $t" >&2; exit 2; }
done

host=$(rustc -vV | sed -n 's/^host: //p')
profdata="$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata"
if [ ! -x "$profdata" ]; then
    rustup component add llvm-tools
fi

out=$root/target/pgo
rm -rf "$out/profiles"
mkdir -p "$out/profiles"
# --target: the flags reach newsgraph and its dependencies, not the build scripts
RUSTFLAGS="-Cprofile-generate=$out/profiles" \
    cargo build --release --locked --target "$host" --target-dir "$out/gen"
gen=$out/gen/$host/release/newsgraph
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in json dot graphml gexf cyjs jsonl; do
    "$gen" extract -q seeds/*.txt --format "$f" -o "$tmp/seeds.$f"
done
"$gen" extract -q "${train[@]}" -o "$tmp/train.json" -j 1
"$gen" convert "$tmp/train.json" --to graphml -o "$tmp/train.graphml"
# the same articles as JSON Lines on two threads: code that no training run reaches is
# taken for cold and built small (a 1 GB JSON Lines run was slower than the plain build
# before these lines)
python3 - "$tmp/train.jsonl" "${train[@]}" <<'PY'
import json, os, sys
out, inputs = sys.argv[1], sys.argv[2:]
paths = []
for p in inputs:
    if os.path.isdir(p):
        for d, _, fs in sorted(os.walk(p)):
            paths += [os.path.join(d, f) for f in sorted(fs) if not f.startswith(".")]
    else:
        paths.append(p)
with open(out, "w", encoding="utf-8") as w:
    for i, p in enumerate(paths):
        text = open(p, "rb").read().decode("utf-8", "replace")
        w.write(json.dumps({"id": str(i), "title": os.path.basename(p), "text": text}) + "\n")
PY
"$gen" extract -q "$tmp/train.jsonl" -o "$tmp/train-jsonl.json" -j 2
"$profdata" merge -o "$out/newsgraph.profdata" "$out/profiles"

# built afresh: cargo does not rebuild a dependency for new counts in the same file
rm -rf "$out/use"
RUSTFLAGS="-Cprofile-use=$out/newsgraph.profdata" \
    cargo build --release --locked --target "$host" --target-dir "$out/use"
cp "$out/use/$host/release/newsgraph" "$out/newsgraph"
"$out/newsgraph" extract -q seeds/*.txt -o "$tmp/pgo.json"
cmp "$tmp/seeds.json" "$tmp/pgo.json"
echo "pgo.sh: $out/newsgraph (profile: $out/newsgraph.profdata)"
