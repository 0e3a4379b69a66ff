#!/usr/bin/env bash
# Run redistlslint over the corpus and compare with the reviewed
# expectations (corpus/expected.txt, corpus/silent.txt).
#
#   corpus/check.sh [-nofetch] [-write FILE] [-- extra redistlslint flags]
#
# Work directory: $REDISTLSLINT_CORPUS_DIR (default /tmp/redistlslint-corpus);
# modules are fetched there first (corpus/fetch.sh; a no-op once done).
# Prints NEW / MISSING / CHANGED / SILENT / ERROR lines and precision, and
# exits 1 when the run differs from the expectations.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${REDISTLSLINT_CORPUS_DIR:-${TMPDIR:-/tmp}/redistlslint-corpus}"
write=()
fetch=1
if [ "${1:-}" = "-nofetch" ]; then fetch=0; shift; fi
if [ "${1:-}" = "-write" ]; then write=(-write "$2"); shift 2; fi
[ "${1:-}" = "--" ] && shift
extra=("$@")

if [ $fetch = 1 ]; then
  "$repo/corpus/fetch.sh" "$work" >"$work.fetch.log" 2>&1 || { cat "$work.fetch.log"; echo "corpus: fetch failed" >&2; }
fi
# REDISTLSLINT_BIN: use that binary instead of building the repository's.
bin="${REDISTLSLINT_BIN:-$work/redistlslint}"
if [ -z "${REDISTLSLINT_BIN:-}" ]; then
  (cd "$repo" && go build -o "$bin" ./cmd/redistlslint) || exit 2
fi

out="$work/run"
rm -rf "$out" && mkdir -p "$out"
export GOTOOLCHAIN=local GOWORK=off GOFLAGS=-mod=mod
while read -r mod ver pkgs <&3; do
  case "$mod" in ''|'#'*) continue ;; esac
  dst="$work/src/$mod@$ver"
  base="$out/$(echo "$mod@$ver" | tr '/@' '__')"
  printf '%s\n%s\n' "$mod@$ver" "$dst" >"$base.module"
  : >"$base.json"
  if [ ! -f "$dst/.fetched" ]; then echo "not fetched" >"$base.err"; echo -1 >"$base.exit"; continue; fi
  # shellcheck disable=SC2086
  (cd "$dst" && "$bin" -json -test=true "${extra[@]}" $pkgs) >"$base.json" 2>"$base.err" </dev/null
  echo $? >"$base.exit"
done 3<"$repo/corpus/modules.txt"

cd "$repo" && go run ./corpus/compare -run "$out" -expected corpus/expected.txt -silent corpus/silent.txt "${write[@]}"
