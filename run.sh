#!/usr/bin/env bash
# Installs what is missing, builds, creates a demo board database if you have
# none, and opens Cairn on it. With no display it writes the demo documents
# into ./cairn-demo-output/ instead and says where they are.
set -euo pipefail
cd "$(dirname "$0")"
. build-aux/setup.sh

# shellcheck disable=SC2086
cairn_install_packages $CAIRN_PACKAGES
cairn_build _build

cli=_build/src/cli/cairn-cli
datadir="${XDG_DATA_HOME:-$HOME/.local/share}/cairn"
db="$datadir/demo.cairn"
mkdir -p "$datadir"
chmod 700 "$datadir"
if [ ! -f "$db" ]; then
  echo "Creating the demo board database $db (2,000 synthetic children)…"
  "$cli" demo --db "$db"
fi

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  export GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
  exec _build/src/cairn --db "$db"
fi

# No display: the headless equivalent, through cairn-cli.
out="$PWD/cairn-demo-output"
rm -rf "$out"
mkdir -p "$out"
# A board with accounts (every demo board) needs a login: the demo's chair
# (README, "Demo accounts").
scr_cli () { "$cli" "$@"; }
if ! "$cli" list scrs --db "$db" >/dev/null 2>&1; then
  scr_cli () { "$cli" "$@" --user demo-chair --password-fd 3 3<<<"cairn-demo-password"; }
fi
"$cli" check --db "$db" > "$out/check.txt"
scr_cli list cases --db "$db" > "$out/cases.tsv"
scr_cli list scrs --db "$db" > "$out/scrs.tsv"
scr_cli list conferences --db "$db" > "$out/conferences.tsv"
scr_cli list meetings --db "$db" > "$out/meetings.tsv"
scr_cli due --db "$db" --overdue > "$out/overdue-timers.tsv"
# Serious case review executive summaries: publishable where the publication
# check passes; otherwise the draft (marked not for publication), saying why.
while IFS=$'\t' read -r ref _; do
  [ -n "$ref" ] || continue
  pdf="$out/scr-$ref.pdf"
  if ! why=$(scr_cli report scr --db "$db" --scr "$ref" --publishable -o "$pdf" 2>&1 >/dev/null); then
    echo "${why%%$'\n'*}; writing the draft instead"
    scr_cli report scr --db "$db" --scr "$ref" -o "$pdf" >/dev/null ||
      echo "$ref: the draft could not be written either"
  fi
done < <(scr_cli list scrs --db "$db" || true)
# Conference and board minutes: the latest initial conference's outcome summary
# and full minutes, and the latest board meeting's agenda and minutes (copies,
# not issued versions; each conference document written is in the audit trail).
conference=$(grep -P '\tinitial' "$out/conferences.tsv" | tail -n 1 | cut -f 1 || true)
if [ -n "$conference" ]; then
  scr_cli report outcome --db "$db" --conference "$conference" -o "$out/outcome-$conference.pdf" >/dev/null
  scr_cli report minutes --db "$db" --conference "$conference" -o "$out/minutes-$conference.pdf" >/dev/null
fi
meeting=$(tail -n 1 "$out/meetings.tsv" | cut -f 1)
if [ -n "$meeting" ]; then
  scr_cli report agenda --db "$db" --meeting "$meeting" -o "$out/agenda-$meeting.pdf" >/dev/null
  scr_cli report board-minutes --db "$db" --meeting "$meeting" -o "$out/board-minutes-$meeting.pdf" >/dev/null
fi
# The process view: each edition's reference map (no login), and where one case stands
# (signed in as above when the board has accounts).
for edition in wt2010 wt2013; do
  "$cli" pathway --edition "$edition" -o "$out/pathway-$edition.pdf"
done
# (From the lists already written: `list … | head` would end cairn-cli with
# SIGPIPE on a board of any size, and pipefail would stop this script.)
first_case=$(head -n 1 "$out/cases.tsv" | cut -f 1)
if [ -n "$first_case" ]; then
  scr_cli pathway --db "$db" --case "$first_case" -o "$out/pathway-${first_case//\//-}.pdf"
fi
# The annual report of the demo's latest year (every section written), with
# its figures as CSV for analysts; a draft is still written, and says why.
annual_status=0
scr_cli report annual --db "$db" --year latest -o "$out/annual-report.pdf" \
  --csv "$out/annual-figures" > "$out/annual-report.txt" || annual_status=$?
case $annual_status in
  0) ;;
  1) echo "The annual report was written as a draft: $out/annual-report.txt lists the sections without narrative" ;;
  *) echo "The annual report could not be written (status $annual_status)" ;;
esac
# The DfE Children in Need census: a demo board of census-era years writes
# its 2023-24 return, the DfE rules check it (queries are listed, not
# fatal), and a new empty board imports it.
census_db="$datadir/census-demo.cairn"
if [ ! -f "$census_db" ]; then
  "$cli" demo --db "$census_db" --years 2022-23..2023-24 >/dev/null
fi
census_cli () { "$cli" "$@" --user demo-chair --password-fd 3 3<<<"cairn-demo-password"; }
census_cli cin export --db "$census_db" --year 2023-24 -o "$out/cin-census-2023-24.xml"
"$cli" cin validate "$out/cin-census-2023-24.xml" > "$out/cin-census-2023-24-validation.txt" || [ $? -eq 1 ]
census_board="$(mktemp -d)/census-import.cairn"
"$cli" cin import --db "$census_board" --create "$out/cin-census-2023-24.xml" > "$out/cin-census-import.txt" 2>&1 ||
  echo "The census import failed: $out/cin-census-import.txt says why"
rm -rf "$(dirname "$census_board")"
first_child=${first_case%%/*}
if [ -n "$first_child" ]; then
  scr_cli export --db "$db" --child "$first_child" -o "$out/$first_child.json"
fi

echo "No display found, so Cairn wrote the demo board's documents instead:"
ls -1 "$out" | sed "s|^|  $out/|"
