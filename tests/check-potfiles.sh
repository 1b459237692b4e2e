#!/bin/sh
# Every source file with translatable strings is listed in po/POTFILES.in,
# and every listed file exists.
set -eu
cd "$1"
status=0
for f in $(grep -rlE '(^|[^A-Za-z_])(N?_|C_|g_dngettext|ngettext)\(' src --include='*.c' | sort) \
         $(grep -rl 'translatable="yes"' ui | sort); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "po/POTFILES.in: $f has translatable strings but is not listed"
    status=1
  fi
done
while read -r f; do
  case "$f" in ''|'#'*) continue ;; esac
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in: $f is listed but does not exist"
    status=1
  fi
done < po/POTFILES.in
exit $status
