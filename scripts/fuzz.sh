#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang, ASan + UBSan) into build-fuzz/ and runs them.
#   scripts/fuzz.sh [TARGET|all] [SECONDS]      default: all, 600 s per target
# Targets run two at a time (FUZZ_JOBS). Seeds are assembled into build-fuzz/corpus/TARGET at
# run time (fuzz/seed_corpus.py); what the fuzzer learns stays there for the next run. A crash,
# leak, UB or broken check fails the run and prints the reproducer's path and how to replay it.
# scripts/test.sh runs this with 30 s per target (CORROBORATE_FUZZ_SECONDS); docs/RELIABILITY.md has the results.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
target=${1:-all}
seconds=${2:-600}
jobs=${FUZZ_JOBS:-2}
dir=${FUZZ_BUILD_DIR:-$here/build-fuzz}

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
if [ ! -f "$dir/CMakeCache.txt" ]; then
  cmake -S "$here" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
        -DCORROBORATE_FUZZ=ON "${launcher[@]}" >/dev/null
fi
all=$(cd "$here/fuzz" && ls ./*_fuzz.cc | sed 's|^\./||; s|_fuzz\.cc$||')
if [ "$target" = all ]; then
  targets=$all
  cmake --build "$dir" -j "$jobs" --target fuzz_all
else
  echo "$all" | grep -qx "$target" || { echo "fuzz.sh: unknown target $target; one of:" $all >&2; exit 2; }
  targets=$target
  cmake --build "$dir" -j "$jobs" --target "${target}_fuzz"
fi

mkdir -p "$dir/corpus" "$dir/crashes" "$dir/logs"
# shellcheck disable=SC2086
python3 "$here/fuzz/seed_corpus.py" --root "$here" --out "$dir/corpus" $targets

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

run_one() {
  local t=$1 dict=() max_len=16384
  [ -f "$here/fuzz/dict/$t.dict" ] && dict=(-dict="$here/fuzz/dict/$t.dict")
  case $t in html_clean|feed|warc) max_len=131072 ;; esac
  mkdir -p "$dir/crashes/$t"
  if "$dir/fuzz/${t}_fuzz" "$dir/corpus/$t" "${dict[@]}" -max_total_time="$seconds" -max_len=$max_len \
       -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$dir/crashes/$t/" \
       >"$dir/logs/$t.log" 2>&1; then
    echo "fuzz $t: ok, $(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$dir/logs/$t.log" | grep -Eo '[0-9]+$') runs in ${seconds} s," \
         "$(grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[^ ]+' "$dir/logs/$t.log" | tail -1)"
  else
    echo "fuzz $t: FAILED; log $dir/logs/$t.log"
    grep -E 'ERROR|SUMMARY|check failed|runtime error' "$dir/logs/$t.log" | head -5 | sed 's/^/    /'
    for f in "$dir/crashes/$t"/*; do
      [ -f "$f" ] && echo "    reproducer: $f   (replay: $dir/fuzz/${t}_fuzz $f)"
    done
    return 1
  fi
}
export -f run_one
export here dir seconds

failed=0
# shellcheck disable=SC2086
printf '%s\n' $targets | xargs -P "$jobs" -I{} bash -c 'run_one {}' || failed=1
if [ $failed -ne 0 ]; then
  echo "fuzz.sh: a target failed: save the reproducer under tests/fuzz/regressions/TARGET/ with its fix" >&2
  exit 1
fi
