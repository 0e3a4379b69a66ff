#!/usr/bin/env bash
# Runs the benchmark (see bench/main.go): bench/run.sh [-smoke] [-runs=N] ...
# Downloads go to ${XDG_CACHE_HOME:-~/.cache}/redistlslint-bench, outside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./bench "$@"
