#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test suite (the gui suite
# under Xvfb). Ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
. build-aux/setup.sh

# shellcheck disable=SC2086
cairn_install_packages $CAIRN_PACKAGES $CAIRN_TEST_PACKAGES
builddir=_build
cairn_build "$builddir"

# Each run gets its own scratch folders so no test touches the user's files.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_CACHE_HOME="$scratch/cache" XDG_CONFIG_HOME="$scratch/config" \
       XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export GDK_BACKEND=x11 GTK_A11Y=none NO_AT_BRIDGE=1

status=0
xvfb-run -a -s '-screen 0 1400x1000x24' \
  meson test -C "$builddir" --no-rebuild --print-errorlogs --num-processes 2 || status=$?

python3 - "$builddir/meson-logs/testlog.json" <<'PY'
import json, sys
passed = failed = skipped = 0
with open(sys.argv[1]) as f:
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
exit $?
