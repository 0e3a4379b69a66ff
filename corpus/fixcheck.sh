#!/usr/bin/env bash
# Apply redistlslint's suggested fixes to every corpus module whose last
# run (corpus/check.sh) has findings with fixes, and check the result:
# the fixes change something, the changed files are gofmt-clean, the
# packages (tests included) still type-check, and a second -fix changes
# nothing.
#
#   corpus/fixcheck.sh        (after corpus/check.sh)
#
# Works on copies under $REDISTLSLINT_CORPUS_DIR/fixed; the fetched
# modules stay as they are. Exits 1 on any failure.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${REDISTLSLINT_CORPUS_DIR:-${TMPDIR:-/tmp}/redistlslint-corpus}"
bin="${REDISTLSLINT_BIN:-$work/redistlslint}"
[ -x "$bin" ] && [ -d "$work/run" ] || { echo "fixcheck: run corpus/check.sh first" >&2; exit 2; }
export GOTOOLCHAIN=local GOWORK=off GOFLAGS=-mod=mod

fail=0
checked=0
while read -r mod ver pkgs <&3; do
  case "$mod" in ''|'#'*) continue ;; esac
  base="$work/run/$(echo "$mod@$ver" | tr '/@' '__')"
  grep -q '"suggested_fixes"' "$base.json" 2>/dev/null || continue
  checked=$((checked + 1))
  bad=0
  src="$work/src/$mod@$ver"
  fixed="$work/fixed/$mod@$ver"
  again="$work/fixed/$mod@$ver.again"
  rm -rf "$fixed" "$again" && mkdir -p "$(dirname "$fixed")"
  cp -r "$src" "$fixed" && chmod -R u+w "$fixed"
  # shellcheck disable=SC2086
  (cd "$fixed" && "$bin" -fix -test=true $pkgs >/dev/null 2>"$fixed.fix.err")
  changed=$(diff -rq "$src" "$fixed" | awk '/^Files /{print $4}')
  if [ -z "$changed" ]; then
    echo "FAIL $mod@$ver: -fix changed nothing"; cat "$fixed.fix.err"; fail=1; continue
  fi
  n=$(echo "$changed" | wc -l)
  unformatted=$(gofmt -l $changed)
  if [ -n "$unformatted" ]; then echo "FAIL $mod@$ver: not gofmt-clean: $unformatted"; bad=1; fi
  # Type-check the fixed packages, test files included (nothing is run).
  # shellcheck disable=SC2086
  if ! out=$(cd "$fixed" && go test -count=1 -vet=off -run='^$' $pkgs 2>&1); then
    echo "FAIL $mod@$ver: the fixed code does not build:"; echo "$out" | grep -v '^ok\|no test files' | head -20; bad=1
  fi
  cp -r "$fixed" "$again"
  # shellcheck disable=SC2086
  (cd "$again" && "$bin" -fix -test=true $pkgs >/dev/null 2>&1)
  if ! diff -rq "$fixed" "$again" >/dev/null; then
    echo "FAIL $mod@$ver: a second -fix changed:"; diff -r "$fixed" "$again" | head -20; bad=1
  fi
  if [ $bad = 1 ]; then fail=1; else echo "ok   $mod@$ver: fixes in $n file(s) build, are gofmt-clean and idempotent"; fi
done 3<"$repo/corpus/modules.txt"
echo "fixcheck: $checked module(s) with fixes"
exit $fail
