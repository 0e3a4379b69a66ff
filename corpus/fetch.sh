#!/usr/bin/env bash
# Fetch the pinned corpus modules (corpus/modules.txt) through the module
# proxy into a work directory outside the repository, make the copies
# writable, download what their packages need, and check that the listed
# packages build with the local Go. Nothing is written inside the repository.
#
#   corpus/fetch.sh [WORKDIR]    (default: $REDISTLSLINT_CORPUS_DIR or /tmp/redistlslint-corpus)
#
# Prints one line per module: OK, or FAIL with the reason. Exit status 1 if
# any module failed.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:-${REDISTLSLINT_CORPUS_DIR:-${TMPDIR:-/tmp}/redistlslint-corpus}}"
mkdir -p "$work/src"
export GOTOOLCHAIN=local GOWORK=off GOFLAGS=-mod=mod

fail=0
while read -r mod ver pkgs <&3; do
  case "$mod" in ''|'#'*) continue ;; esac
  dst="$work/src/$mod@$ver"
  if [ "$ver" = local ]; then
    # The corpus's own module (corpus/<last element of its path>): copied
    # afresh on every fetch.
    rm -rf "$dst" && mkdir -p "$(dirname "$dst")"
    cp -r "$here/${mod##*/}" "$dst" && chmod -R u+w "$dst" && touch "$dst/.fetched"
  elif [ ! -f "$dst/.fetched" ]; then
    dir="$(cd "$work" && go mod download -json "$mod@$ver" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')"
    if [ -z "$dir" ]; then
      echo "FAIL $mod@$ver: go mod download failed"; fail=1; continue
    fi
    rm -rf "$dst" && mkdir -p "$(dirname "$dst")"
    cp -r "$dir" "$dst" && chmod -R u+w "$dst"
    # A module from a monorepo may replace a sibling with a relative path
    # that its zip does not contain: use the published version instead.
    awk '/=>[ \t]+\.\.?\//{sub(/^replace[ \t]+/, ""); print $1, $NF}' "$dst/go.mod" |
      while read -r old path; do
        [ -d "$dst/$path" ] || (cd "$dst" && go mod edit -dropreplace="$old")
      done
    touch "$dst/.fetched"
  fi
  # Download and build what the listed packages (and their tests) need.
  # shellcheck disable=SC2086
  if ! out="$(cd "$dst" && go list -e -deps -test $pkgs >/dev/null 2>&1 && go build $pkgs 2>&1)"; then
    echo "FAIL $mod@$ver: build: $(echo "$out" | head -3)"; fail=1; continue
  fi
  echo "OK   $mod@$ver ($pkgs)"
done 3< "$here/modules.txt"
exit $fail
