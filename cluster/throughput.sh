#!/usr/bin/env bash
# Calls per second through Kamailio with 2 nodes, then with 1 (node 2 stopped), for docs/cluster.md:
# at each rate SIPp places rate x seconds calls of cluster/sipp/uac_handoff_rr.xml (answer, digit 9,
# handoff to fax, BYE after 1 s) and the row says how many succeeded and the rate SIPp reached.
#
#   cluster/throughput.sh [--rates 10,20,40] [--seconds 15]
#
# Starts its own cluster (cluster/cluster.sh start 2) and stops it; prints a Markdown table and writes
# it to cluster/target/throughput.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RATES=10,20,40; SECONDS_PER_RATE=15
while [ $# -gt 0 ]; do
  case "$1" in
    --rates) RATES=$2; shift ;;
    --seconds) SECONDS_PER_RATE=$2; shift ;;
    *) sed -n 2,10p "$0"; exit 2 ;;
  esac
  shift
done
export CLUSTER_DIR=$ROOT/cluster/target
OUT=$CLUSTER_DIR/throughput
cluster() { "$ROOT/cluster/cluster.sh" "$@" 9>&-; }
exec 9>/tmp/switchboard-cluster.lock
flock 9
trap 'cluster stop || true' EXIT
trap 'exit 143' INT TERM
rm -rf "$OUT"; mkdir -p "$OUT"

run() { # NODES RATE
  local dir=$OUT/$1-nodes-$2 rc=0
  mkdir -p "$dir"
  (cd "$dir" && sipp 127.0.0.1:5080 -sf "$ROOT/cluster/sipp/uac_handoff_rr.xml" -s line1 -i 127.0.0.1 -p 5074 \
      -mi 127.0.0.1 -mp 26500 -r "$2" -m $(($2 * SECONDS_PER_RATE)) -l $(($2 * 30)) -d 1000 -trace_stat -fd 1 -buff_size 2097152 \
      -nostdin -timeout $((SECONDS_PER_RATE + 90))s >sipp.out 2>&1) || rc=$?
  python3 - "$dir" "$1" "$2" "$(cut -d' ' -f1 /proc/loadavg)" <<'EOF'
import csv, glob, sys
d, nodes, rate, load = sys.argv[1:]
rows = list(csv.DictReader(open(glob.glob(d + "/*_.csv")[0]), delimiter=";"))
last = rows[-1]
print(f"| {nodes} | {rate} | {last['TotalCallCreated']} | {last['SuccessfulCall(C)']} | {last['FailedCall(C)']} "
      f"| {float(last['CallRate(C)']):.1f} | {load} |")
EOF
}

cluster start 2
{
  echo "| nodes | offered calls/s | calls | succeeded | failed | rate SIPp reached | load average |"
  echo "|---|---|---|---|---|---|---|"
} | tee "$CLUSTER_DIR/throughput.md"
for r in ${RATES//,/ }; do run 2 "$r" | tee -a "$CLUSTER_DIR/throughput.md"; done
cluster stop-node 2
# Kamailio marks node 2 down at its next unanswered OPTIONS probe
for _ in $(seq 1 50); do
  kamcmd -s "unix:$CLUSTER_DIR/kamailio.ctl" dispatcher.list \
    | awk '$1 == "URI:" { u = $2 } $1 == "FLAGS:" && u == "sip:127.0.0.1:5460" && $2 ~ /^I/ { found = 1 } END { exit !found }' && break
  sleep 0.2
done
for r in ${RATES//,/ }; do run 1 "$r" | tee -a "$CLUSTER_DIR/throughput.md"; done
