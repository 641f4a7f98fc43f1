#!/usr/bin/env bash
# Seeds the fuzz corpora (tests/fuzz/corpus, not committed) from the repository's own
# small inputs: the seed articles, short hostile texts, and graph JSON (tests/data and
# the seeds' graph). Usage: [FUZZ_CORPUS=DIR] bash tests/fuzz/seed.sh [path/to/newsgraph]
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-target/release/newsgraph}
C=${FUZZ_CORPUS:-tests/fuzz/corpus}
mkdir -p "$C/pipeline" "$C/exporters"
cp seeds/*.txt "$C/pipeline/"
# the first paragraphs of each seed, small inputs mutate faster
for f in seeds/*.txt; do
    head -c 1500 "$f" > "$C/pipeline/head-$(basename "$f")"
done
printf '“We are asking for a delay,” said CTU President Jesse Sharkey.' > "$C/pipeline/quote.txt"
printf '"Unbalanced, said Mr Smith. “Nested ‘quotes’ here,” she said. "' > "$C/pipeline/quotes.txt"
printf 'Mr Gordon Brown spent \xa35bn.' > "$C/pipeline/latin1.txt"
printf '\xef\xbb\xbfMayor Lori Lightfoot opposes a delay.' > "$C/pipeline/bom.txt"
printf '\xff\xfeZ\x00o\x00\xeb\x00 \x00s\x00a\x00i\x00d\x00' > "$C/pipeline/utf16le.txt"
cp tests/data/*.json "$C/exporters/"
if [ -x "$BIN" ]; then
    for f in seeds/*.txt; do
        "$BIN" extract -q "$f" -o "$C/exporters/$(basename "$f" .txt).json"
    done
fi
echo "corpora: $(ls "$C/pipeline" | wc -l) texts, $(ls "$C/exporters" | wc -l) graphs"
