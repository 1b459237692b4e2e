#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test suite (the gui suite
# under Xvfb). Ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
. build-aux/setup.sh

sanitize=no
for arg in "$@"; do
  case "$arg" in
    --sanitize) sanitize=yes ;;
    *) echo "test.sh: $arg: unknown option (--sanitize builds with ASan and UBSan)" >&2; exit 2 ;;
  esac
done

# shellcheck disable=SC2086
cairn_install_packages $CAIRN_PACKAGES $CAIRN_TEST_PACKAGES
if [ "$sanitize" = yes ]; then
  # AddressSanitizer and UndefinedBehaviorSanitizer over the unit suite.
  builddir=_build-sanitize
  cairn_build "$builddir" -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
  export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
  suites=(--suite unit)
else
  builddir=_build
  cairn_build "$builddir"
  suites=()
fi

# Each run gets its own scratch folders so no test touches the user's files.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export TMPDIR="$scratch/tmp"
mkdir -p "$TMPDIR"
export XDG_CACHE_HOME="$scratch/cache" XDG_CONFIG_HOME="$scratch/config" \
       XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export GDK_BACKEND=x11 GTK_A11Y=none NO_AT_BRIDGE=1

status=0
logs=("$builddir/meson-logs/testlog.json")
# A log left by an earlier run must not be counted if this one never starts.
rm -f "$builddir/meson-logs/testlog.json"
xvfb-run -a -s '-screen 0 1400x1000x24' \
  meson test -C "$builddir" --no-rebuild --print-errorlogs --num-processes 2 "${suites[@]}" || status=$?

# libFuzzer: each target runs for a bounded time (tests/fuzz/meson.build), built with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer. Only the fuzz targets are built here.
if [ "$sanitize" = no ]; then
  fuzzdir=_build-fuzz
  if [ ! -f "$fuzzdir/build.ninja" ]; then
    CC=clang meson setup "$fuzzdir" -Dfuzzing=true -Dwerror=false -Db_sanitize=address,undefined \
      -Db_lundef=false -Dfuzz_seconds="${CAIRN_FUZZ_SECONDS:-8}" >/dev/null
  fi
  # Regenerate first, so that targets added since the last run are listed.
  ninja -C "$fuzzdir" build.ninja >/dev/null
  mapfile -t fuzzers < <(meson introspect "$fuzzdir" --targets | python3 -c '
import json, sys
for t in json.load(sys.stdin):
    if t["name"].startswith("fuzz-"):
        print(t["filename"][0])')
  ninja -C "$fuzzdir" "${fuzzers[@]/#$PWD\/$fuzzdir\//}" >/dev/null
  rm -f "$fuzzdir/meson-logs/testlog.json"
  meson test -C "$fuzzdir" --no-rebuild --print-errorlogs --suite fuzz || status=$?
  logs+=("$fuzzdir/meson-logs/testlog.json")
fi

python3 - "${logs[@]}" <<'PY'
import json, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        f = open(path)
    except FileNotFoundError:
        print(f"test.sh: {path}: no test log (the test run did not start)", file=sys.stderr)
        failed += 1
        continue
    with f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            result = json.loads(line).get("result")
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
if skipped:
    print(f"({skipped} skipped)")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
# meson or xvfb-run failing without a failed test (a crash of the runner itself).
exit "$status"
