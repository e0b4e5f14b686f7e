#!/usr/bin/env bash
# Run the whole `npm test` under faketime for chosen days (Beijing time), outside `npm test` itself, to show
# that nothing depends on the calendar: the product reads time only through its clock, the tests pin it, and
# the machine's date (here faked, and the process time zone set to Asia/Shanghai) changes nothing.
#
#   scripts/date-matrix.sh                       # the four days of issue 13
#   scripts/date-matrix.sh "2027-06-15 10:00:00" # chosen days ("YYYY-MM-DD HH:MM:SS", Beijing time)
#
# Each run's summary (exit code, minutes, test counts) is printed at the end and written to
# tmp/date-matrix/summary.txt; the full logs are beside it.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v faketime >/dev/null; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && apt-get install -y -qq faketime >/dev/null
  else
    echo "需要 faketime:请以 root 运行 apt-get install -y faketime" >&2
    exit 2
  fi
fi
days=("$@")
if [ ${#days[@]} -eq 0 ]; then
  days=("2026-12-03 10:00:00" "2026-12-31 10:00:00" "2027-01-01 00:30:00" "2028-02-29 10:00:00")
fi
out=tmp/date-matrix
mkdir -p "$out"
: >"$out/summary.txt"
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 CI=true
status=0
for day in "${days[@]}"; do
  log="$out/$(echo "$day" | tr ' :' '__').log"
  echo "▶ npm test at $day (Asia/Shanghai) → $log"
  start=$(date +%s)
  # '@' lets the faked clock run on from that instant; monotonic clocks (timers) stay real. The browser is
  # not the product and keeps the real clock (e2e/playwright.config.ts drops LD_PRELOAD and FAKETIME* from
  # its environment: under libfaketime Chromium never finished a sign-in, then failed to start). The
  # session cookie's expiry comes from the portal's (faked) clock: it lives 30 days (the server's session
  # decides), so any day from 30 days before the machine's real time on works with the real-clock browser.
  TZ=Asia/Shanghai FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "@$day" npm test >"$log" 2>&1
  code=$?
  minutes=$(( ($(date +%s) - start + 59) / 60 ))
  plain=$(sed 's/\x1b\[[0-9;]*m//g' "$log")
  units=$(echo "$plain" | grep -E "Tests +[0-9]+ (passed|failed)" | sed 's/^@liangxin\///; s/:test://' | awk '{$1=$1};1' | paste -sd ';' -)
  e2e=$(echo "$plain" | grep -E "^\s+[0-9]+ (passed|failed|flaky|skipped)" | awk '{$1=$1};1' | paste -sd ',' -)
  line="$day: exit $code, ${minutes} min; vitest: ${units:-—}; playwright: ${e2e:-—}"
  echo "$line" | tee -a "$out/summary.txt"
  [ $code -eq 0 ] || status=1
done
echo
cat "$out/summary.txt"
exit $status
