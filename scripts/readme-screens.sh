#!/usr/bin/env bash
# Prints a text capture of each screen of the real binary at 80x24, for the README.
# Builds a small demo journal with the CLI in a temp dir, then drives the TUI in tmux.
# Usage: scripts/readme-screens.sh > /tmp/screens.txt   (needs tmux)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
exe="$PWD/target/release/rekindle"
dir="$(mktemp -d)"
trap 'tmux kill-session -t readme 2>/dev/null || true; rm -rf "$dir"' EXIT
export REKINDLE_DATA_DIR="$dir" TZ="CET-1CEST,M3.5.0,M10.5.0/3"

at() { REKINDLE_NOW="$1" "$exe" "${@:2}" >/dev/null; }
at 2026-11-01T20:00:00+01:00 boundary add "No work email after 19:00" --from 19:00 --until 07:00 --days mon,tue,wed,thu,fri
# Boundary ids are generated; look the first one up for the check-ins below.
b1=$(REKINDLE_NOW=2026-11-01T20:00:00+01:00 "$exe" boundary list | awk 'NR==1{print $1}')
at 2026-11-01T20:00:00+01:00 boundary add "Lunch away from the desk" --from 12:00 --until 13:00 --days mon,tue,wed,thu,fri
# Three weeks of check-ins drifting upwards, with gaps.
day=0
for r in "4 3 7" "5 3 7" "4 2 8" "5 3 6" "" "3 2 8" "" \
         "5 4 6" "6 4 6" "6 5 5" "" "6 4 5" "4 3 6" "" \
         "7 5 5" "6 5 4" "7 6 4" "8 6 4" "7 5 5" "" "" ; do
  date=$(date -d "2026-11-02 + $day days" +%F); day=$((day + 1))
  [ -z "$r" ] && continue
  set -- $r
  at "${date}T21:30:00+01:00" checkin -e "$1" -c "$2" -f "$3" --sleep 6.5 --outside --kept "$b1" --note "Day $day of the demo journal."
done
at 2026-11-23T21:00:00+01:00 checkin -e 7 -c 4 -f 5 --sleep 6.5 --outside --rest --slipped "$b1" --note "Back-to-back incident calls. Skipped lunch again."
at 2026-11-10T18:00:00+01:00 connect Sam --kind call --felt nourishing --date 2026-11-10 --gratitude "Sam checked in on me first last week."
at 2026-11-20T18:00:00+01:00 connect "Team lead" --kind in_person --felt draining --by them --date 2026-11-20 --note "Another reorg."
at 2026-11-21T18:00:00+01:00 connect Mum --kind video --felt nourishing --by mutual --date 2026-11-21

tmux kill-session -t readme 2>/dev/null || true
tmux new-session -d -s readme -x 80 -y 24 "env REKINDLE_NOW=2026-11-23T21:04:05+01:00 '$exe'"
sleep 0.5
capture() { sleep 0.3; echo "### $1"; echo '```text'; tmux capture-pane -p -t readme | sed -e 's/[[:space:]]*$//'; echo '```'; echo; }
capture "1 Check-in"
for n in 2 3 4 5 6; do
  tmux send-keys -t readme "$n"
  case $n in 2) name="2 Connections";; 3) name="3 Boundaries";; 4) name="4 Trends";; 5) name="5 Journal";; 6) name="6 Settings";; esac
  capture "$name"
done
tmux send-keys -t readme 1 '?'
capture "Help (?)"
tmux send-keys -t readme Escape
sleep 0.1
tmux send-keys -t readme x
capture "Export (x)"
tmux send-keys -t readme Escape
