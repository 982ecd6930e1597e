#!/usr/bin/env bash
# Scores the project (the checkout this script lives in) on its independent question sets with the judge's
# scorer (../shared/eval/score.mjs): each set's articles plus the seeds are ingested into a fresh data dir,
# every question is asked through `ask --jsonl`, and OUT/<set>.txt gets the score lines, OUT/<set>-fails.jsonl
# every failure. Sets run two at a time (the machines have two cores).
#
# Usage: bash scripts/eval-sets.sh OUT [SET...]
#   SET: dev (both halves) | seeds (public, held-out, unseen) | holdout, holdout2 … (eval/<name>) |
#        archive:DIR (a generated archive: DIR/articles + DIR/questions.jsonl; its index is kept in DIR/data-<tag>)
#   Without SETs: dev seeds and every eval/holdout*.
# Summary: bash scripts/eval-sets.sh --summary OUT
set -u
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$root/../shared}"
score="$shared/eval/score.mjs"

summary() {
  for f in "$1"/*.txt; do
    [ -e "$f" ] || continue
    local name; name=$(basename "$f" .txt)
    local line; line=$(grep -E '^score' "$f" | tail -1)
    local fails; fails=$(grep -E '^failures' "$f" | tail -1)
    local n d w
    n=$(sed -E 's/.* ([0-9]+)\/([0-9]+) .*/\2/' <<<"$line")
    d=$(sed -E 's/failures: ([0-9]+) declined.*/\1/' <<<"$fails")
    w=$(sed -E 's/.*declined, ([0-9]+) answered.*/\1/' <<<"$fails")
    local r; r=$(sed -E 's/.* ([0-9]+)\/[0-9]+ .*/\1/' <<<"$line")
    printf '%-14s %s\n' "$name" "$(awk -v r="$r" -v d="$d" -v w="$w" -v n="$n" 'BEGIN { if (n > 0) printf "%5.1f / %4.1f / %4.1f  (%d/%d right, %d declined, %d wrong)", 100*r/n, 100*d/n, 100*w/n, r, n, d, w; else print "no score" }')"
  done
}

if [ "${1:-}" = "--summary" ]; then summary "$2"; exit 0; fi
out="${1:?usage: eval-sets.sh OUT [SET...]}"; shift
mkdir -p "$out"; out="$(cd "$out" && pwd)"
sets=("$@")
if [ ${#sets[@]} -eq 0 ]; then
  sets=(dev seeds)
  for d in "$root"/eval/holdout*; do sets+=("$(basename "$d")"); done
fi

ingest() { # ingest DATA FILES_DIR...
  local data="$1"; shift
  (cd "$root" && npx --no-install zonebot ingest "$@" --data-dir "$data") >"$data.ingest.log" 2>&1
}

scoreset() { # scoreset NAME QUESTIONS DATA
  (cd "$root" && node "$score" "$2" --project "$root" --data-dir "$3" --out "$out/$1-fails.jsonl") >"$out/$1.txt" 2>&1
}

halves() { # halves SRC ODD EVEN — the dev README's split by article number
  node -e '
const fs = require("fs"); const [src, odd, even] = process.argv.slice(1);
const rows = fs.readFileSync(src, "utf8").split("\n").filter(Boolean);
const num = (l) => { const id = JSON.parse(l).id; const m = id.match(/-(\d+)-/); return Number(m ? m[1] : id.match(/(\d+)$/)[1]); };
fs.writeFileSync(odd, rows.filter((l) => num(l) % 2 === 1).join("\n") + "\n");
fs.writeFileSync(even, rows.filter((l) => num(l) % 2 === 0).join("\n") + "\n");' "$1" "$2" "$3"
}

runset() {
  local set="$1" tmp
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/zonebot-eval.XXXXXX")
  scoreone "$set" "$tmp"
  rm -rf "$tmp"
}

scoreone() { # scoreone SET TMP
  local set="$1" tmp="$2"
  case "$set" in
    dev)
      mkdir -p "$tmp/articles"; cp "$shared"/eval/dev/articles/* "$shared"/seeds/*.txt "$tmp/articles/"
      ingest "$tmp/data" "$tmp/articles" || { echo "ingest failed" >"$out/dev-odd.txt"; return; }
      halves "$shared/eval/dev/questions.jsonl" "$tmp/odd.jsonl" "$tmp/even.jsonl"
      scoreset dev-odd "$tmp/odd.jsonl" "$tmp/data"
      scoreset dev-even "$tmp/even.jsonl" "$tmp/data" ;;
    seeds)
      ingest "$tmp/data" "$root"/seeds/*.txt || { echo "ingest failed" >"$out/seeds-public.txt"; return; }
      scoreset seeds-public "$root/tests/eval/seed_questions.public.jsonl" "$tmp/data"
      scoreset seeds-heldout "$root/tests/eval/heldout/seed_heldout.jsonl" "$tmp/data"
      cp -r "$tmp/data" "$tmp/data2"
      ingest "$tmp/data2" "$root/tests/eval/heldout/articles" || { echo "ingest failed" >"$out/seeds-unseen.txt"; return; }
      scoreset seeds-unseen "$root/tests/eval/heldout/unseen_questions.jsonl" "$tmp/data2" ;;
    archive:*)
      local dir="${set#archive:}" name; name="arch-$(basename "$dir")"
      local data="$dir/data-$(basename "$out")"
      [ -d "$data" ] || ingest "$data" "$dir/articles" || { echo "ingest failed" >"$out/$name.txt"; return; }
      scoreset "$name" "$dir/questions.jsonl" "$data" ;;
    *)
      local dir="$root/eval/$set"
      [ -d "$dir" ] || { echo "no set $set" >"$out/$set.txt"; return; }
      mkdir -p "$tmp/articles"; cp "$dir"/articles/* "$shared"/seeds/*.txt "$tmp/articles/"
      ingest "$tmp/data" "$tmp/articles" || { echo "ingest failed: $(tail -c 300 "$tmp/data.ingest.log")" >"$out/$set.txt"; return; }
      scoreset "$set" "$dir/questions.jsonl" "$tmp/data" ;;
  esac
}

running=0
for set in "${sets[@]}"; do
  runset "$set" &
  running=$((running + 1))
  if [ "$running" -ge "${EVAL_JOBS:-2}" ]; then wait -n; running=$((running - 1)); fi
done
wait
summary "$out"
