#!/bin/sh
# run-fuzzer.sh FUZZER CORPUS SECONDS — a short libFuzzer run over a copy of
# the seed corpus (libFuzzer adds what it finds to its first directory, and
# the source tree is not to be written). A crash, a leak or a sanitizer
# report fails the test; the input that caused it is kept in the build
# directory's tests/fuzz as crash-…, to add to the corpus once fixed.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
fuzzer=$1 corpus=$2 seconds=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/aims-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$corpus"/* "$work"/
artifacts=$(dirname "$fuzzer")/
status=0
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$artifacts" -print_final_stats=1 "$work" || status=$?
exit "$status"
