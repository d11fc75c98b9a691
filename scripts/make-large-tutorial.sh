#!/usr/bin/env bash
# Makes a large copy of the GradNorm tutorial for timing the document pipeline:
# copies tutorials/ to DIR/tutorials and grows gradnorm.md to about SIZE bytes by
# repeating its prose (the "Core Concepts" section without its flowchart, and the
# "Troubleshooting" section) before the final section. Every tagged snippet stays
# exactly once, so the page still runs.
#
#   scripts/make-large-tutorial.sh [DIR] [SIZE]     # defaults: /tmp/big 50000000
#   .build/release/render-tutorial gradnorm --quick --quiet --tutorials DIR/tutorials --output DIR/out
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
directory="${1:-/tmp/big}"
size="${2:-50000000}"
rm -rf "$directory/tutorials" "$directory/out"
mkdir -p "$directory"
cp -a "$root/tutorials" "$directory/tutorials"
source="$root/tutorials/gradnorm.md"
target="$directory/tutorials/gradnorm.md"
prose="$directory/prose.md"
awk '
    /^## Core Concepts/ { keep = 1 }
    /^## Implementation/ { keep = 0 }
    /^## Troubleshooting/ { keep = 1 }
    /^```mermaid/ { fence = 1 }
    keep && !fence { print }
    fence && /^```$/ { fence = 0 }
' "$source" > "$prose"
head_lines=$(grep -n '^## Troubleshooting' "$source" | cut -d: -f1)
chunk=$(wc -c < "$prose")
base=$(wc -c < "$source")
copies=$(( (size - base) / chunk ))
{
    head -n $((head_lines - 1)) "$source"
    for ((copy = 0; copy < copies; copy++)); do cat "$prose"; echo; done
    tail -n +"$head_lines" "$source"
} > "$target"
rm "$prose"
echo "$target: $(wc -c < "$target") bytes, $copies copies of $chunk bytes of prose"
