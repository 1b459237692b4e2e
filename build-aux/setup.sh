# Sourced by run.sh and test.sh: install what is missing, then configure and
# build in _build. Nothing here needs doing by hand.

CAIRN_PACKAGES="build-essential pkg-config meson ninja-build gettext libgtk-4-dev
libadwaita-1-dev libglib2.0-dev libsqlite3-dev sqlite3 libcairo2-dev libpango1.0-dev
libpoppler-glib-dev libjson-glib-dev libsodium-dev zlib1g-dev libgtk-4-bin desktop-file-utils appstream
xvfb xauth dbus poppler-utils fonts-dejavu-core xdotool"

# Peers for the benchmarks and the fuzzers (tests/bench, tests/fuzz); xmllint
# (libxml2-utils) is the peer of bench-cin.
CAIRN_TEST_PACKAGES="graphviz weasyprint clang libclang-rt-14-dev libxml2-utils"

cairn_install_packages () {
  local missing=()
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "Installing ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

cairn_build () {
  local builddir="${1:-_build}"
  shift || true
  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" "$@" >/dev/null
  fi
  ninja -C "$builddir" >/dev/null
}
