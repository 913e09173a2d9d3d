#!/usr/bin/env bash
# Runs the shared scorer in model mode against a scripted loopback model
# that returns the offline accounts shuffled plus one invented quote per
# answer, and checks that quote_fidelity is 1.000 and required_recall is no
# lower than offline; then reports prompt recall (the required accounts
# whose evidence reached the prompt at the default budget).
#
# usage: scripts/eval-model.sh [SET...]   SET: questions paraphrases wikicontradict ramdocs
# EVAL_LIMIT=N scores only the first N questions of each set;
# PROMPT_BUDGET=N sets the prompt budget in tokens (default: crosscheck's).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
[ -d "$shared/eval" ] || shared=/work/shared
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(questions paraphrases wikicontradict ramdocs)
tmp=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

cd "$root"
go build -o "$tmp/crosscheck" ./cmd/crosscheck
go build -o "$tmp/eval-model" ./scripts/eval-model

corpus_of() {
	case $1 in
	questions | paraphrases) echo "$shared/corpus" ;;
	wikicontradict) echo "$shared/eval-corpora/wikicontradict" ;;
	ramdocs) echo "$shared/eval-corpora/ramdocs" ;;
	esac
}
file_of() {
	case $1 in
	questions | paraphrases) echo "$shared/eval/$1.json" ;;
	*) echo "$shared/eval/$1-dev.json" ;;
	esac
}
metric() { sed -n "s/.*[ :]$1=\([0-9.]*\).*/\1/p" | tail -1; }

status=0
for set in "${sets[@]}"; do
	corpus=$(corpus_of "$set")
	eval_file=$(file_of "$set")
	rm -f "$tmp/url" "$tmp/prompts.jsonl"
	"$tmp/eval-model" -url-file "$tmp/url" -record "$tmp/prompts.jsonl" &
	pid=$!
	for _ in $(seq 50); do [ -s "$tmp/url" ] && break; sleep 0.1; done
	url=$(cat "$tmp/url")
	off=$(python3 "$shared/eval/score.py" "$eval_file" "$corpus" -- "$tmp/crosscheck" ask --json --corpus "$corpus" 2>/dev/null | tail -1)
	mod=$(env -u OPENAI_API_KEY -u CROSSCHECK_EMBED_MODEL OPENAI_BASE_URL="$url" CROSSCHECK_CHAT_MODEL=eval-scripted CROSSCHECK_DATA="$tmp/data" ${PROMPT_BUDGET:+CROSSCHECK_PROMPT_BUDGET=$PROMPT_BUDGET} \
		python3 "$shared/eval/score.py" "$eval_file" "$corpus" -- "$tmp/crosscheck" ask --json --corpus "$corpus" 2>/dev/null | tail -1)
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	pid=""
	recall=$(python3 "$root/scripts/eval-model-recall.py" "$eval_file" "$corpus" "$tmp/prompts.jsonl" | tail -1)
	off_req=$(echo "$off" | metric required_recall)
	mod_req=$(echo "$mod" | metric required_recall)
	mod_fid=$(echo "$mod" | metric quote_fidelity)
	prompts=$(wc -l <"$tmp/prompts.jsonl" 2>/dev/null || echo 0)
	verdict=$(python3 -c "print('ok' if '$mod_fid' == '1.000' and float('${mod_req:-0}') >= float('${off_req:-1}') and $prompts > 0 else 'FAIL')")
	[ "$verdict" = ok ] || status=1
	echo "$set: offline required_recall=$off_req; model required_recall=$mod_req quote_fidelity=$mod_fid ($prompts prompts answered by the scripted model); $recall; $verdict"
	echo "  offline $off"
	echo "  model   $mod"
done
exit $status
