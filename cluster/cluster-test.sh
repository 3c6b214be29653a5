#!/usr/bin/env bash
# The cluster suite (docs/cluster.md, "The cluster suite"): Kamailio and two WildFly nodes on loopback
# (cluster/cluster.sh), SIPp load through Kamailio, node 2 killed with kill -9 in the middle, node 2
# started again at the end. Every check prints PASS or FAIL; the suite fails when one fails. Bounded:
# every wait has a limit, and everything started here is stopped on exit (pid files, no orphans).
#
#   cluster/cluster-test.sh
#
# Environment: CLUSTER_RATE calls/s (default 20: one node of this 2-core machine alone must carry it after
# the kill), CLUSTER_BEFORE_KILL and CLUSTER_AFTER_KILL seconds of load before the kill and from 5 s after
# it (20 and 30), CLUSTER_LONG_CALLS calls held across the kill (20, placed before the load). Keep
# CLUSTER_BEFORE_KILL at most 25: a node ends a call that sent no RTP for 60 s (sipRtpTimeoutSeconds), and
# the long calls send none, so they must get their BYE (within 30 s of the kill) before that., SKIP_BUILD=true to use the EAR already built. Results: cluster/target/suite/summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RATE=${CLUSTER_RATE:-20}
BEFORE=${CLUSTER_BEFORE_KILL:-20}
AFTER=${CLUSTER_AFTER_KILL:-30}
LONG_CALLS=${CLUSTER_LONG_CALLS:-20}
export CLUSTER_DIR=$ROOT/cluster/target
OUT=$CLUSTER_DIR/suite
KAMAILIO=127.0.0.1:5080
CTL=unix:$CLUSTER_DIR/kamailio.ctl
KLOG=$CLUSTER_DIR/kamailio.log
NODE1=http://127.0.0.1:8380/switchboard/api
NODE2=http://127.0.0.1:8480/switchboard/api
SIP1=sip:127.0.0.1:5360
SIP2=sip:127.0.0.1:5460
OPERATOR=(-u operator:Switchboard-1 -H X-Switchboard-Operator:1)
HANDOFF=$ROOT/cluster/sipp/uac_handoff_rr.xml
LONG=$ROOT/cluster/sipp/uac_long_awaits_bye_rr.xml

for tool in sipp kamailio kamcmd curl python3 setsid flock; do
  command -v $tool >/dev/null || { echo "cluster-test: '$tool' is not installed (Debian: sip-tester, kamailio, curl, python3)" >&2; exit 2; }
done

# the nodes and Kamailio must not inherit the suite's lock (fd 9)
cluster() { "$ROOT/cluster/cluster.sh" "$@" 9>&-; }
SIPP_PIDS=()
cleanup() {
  local p
  for p in "${SIPP_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  cluster stop || true
}

now() { date +%s.%N; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }
log() { echo "[suite $(date -u +%T)] $*" | tee -a "$OUT/summary.txt" >&2; }
FAILED=()
pass() { log "PASS $1"; }
fail() { log "FAIL $1"; FAILED+=("$1"); }
figure() { log "FIGURE $1"; }

# wait_until SECONDS COMMAND...: polls every 0.2 s; false when the time ran out
wait_until() {
  local limit=$1; shift
  local end; end=$(python3 -c "import time,sys; print(time.time() + float(sys.argv[1]))" "$limit")
  while :; do
    "$@" && return 0
    python3 -c "import time,sys; sys.exit(0 if time.time() < float(sys.argv[1]) else 1)" "$end" || return 1
    sleep 0.2
  done
}

# node_state SIPURI: Kamailio's flags for a node (AP active, IP inactive and probing, ...)
node_state() {
  kamcmd -s "$CTL" dispatcher.list 2>/dev/null | awk -v uri="$1" '$1 == "URI:" { cur = $2 } $1 == "FLAGS:" && cur == uri { print $2 }'
}
node_active() { [[ "$(node_state "$1")" == A* ]]; }
node_down() { [[ "$(node_state "$1")" == I* || "$(node_state "$1")" == D* ]]; }

# routed_calls SIPURI [FIRST_LINE]: Call-IDs whose last INVITE Kamailio sent to that node
routed_calls() {
  tail -n +"${2:-1}" "$KLOG" | awk -v uri="$1" '/SWITCHBOARD-ROUTE INVITE/ { node[$(NF-2)] = $NF } END { for (c in node) if (node[c] == uri) print c }'
}

# a SIPp client in the background: NAME SCENARIO PORT RATE CALLS EXTRA...
start_sipp() {
  local name=$1 scenario=$2 port=$3 rate=$4 calls=$5; shift 5
  mkdir -p "$OUT/$name"
  (cd "$OUT/$name" && exec sipp "$KAMAILIO" -sf "$scenario" -s line1 -i 127.0.0.1 -p "$port" \
      -mi 127.0.0.1 -mp $((26000 + (port - 5070) * 100)) -r "$rate" -m "$calls" -l $((rate * 20)) -trace_stat -fd 1 -trace_err -buff_size 2097152 \
      -nostdin "$@" >sipp.out 2>&1) &
  SIPP_PIDS+=($!)
  eval "${name^^}_PID=$!"
}

# sipp_counts NAME: "created successful failed" from the last line of its statistics file
sipp_counts() {
  python3 - "$OUT/$1" <<'EOF'
import csv, glob, sys
try:
    rows = list(csv.DictReader(open(glob.glob(sys.argv[1] + "/*_.csv")[0]), delimiter=";"))
    last = rows[-1]
    print(last["TotalCallCreated"], last["SuccessfulCall(C)"], last["FailedCall(C)"])
except (IndexError, KeyError, OSError) as e:
    print("0 0 no-statistics")
EOF
}

# the JSON helpers: admin list of a media mode; how many calls a console lists, per node field
admin_list() { curl -sf "$1/priorities/$2" | python3 -c 'import json,sys; print(",".join(json.load(sys.stdin)["admin"]))'; }
calls_of_node() { # API NODE: how many calls the console at API lists with "node": NODE
  curl -sf "${OPERATOR[@]}" "$1/calls" | python3 -c 'import json,sys; print(sum(1 for c in json.load(sys.stdin) if c.get("node") == sys.argv[1]))' "$2"
}
lists_calls_of() { local n; n=$(calls_of_node "$1" "$2" 2>/dev/null) && [ "${n:-0}" -gt 0 ]; }
lists_no_calls_of() { local n; n=$(calls_of_node "$1" "$2" 2>/dev/null) && [ "$n" = 0 ]; }
all_got_bye() { # FILE-OF-CALL-IDS: every one has a FAR-END-BYE line in the long calls' log
  local id
  while read -r id; do grep -q "FAR-END-BYE $id " "$OUT"/long/*_logs.log 2>/dev/null || return 1; done <"$1"
}

exec 9>/tmp/switchboard-cluster.lock
flock 9
rm -rf "$OUT"; mkdir -p "$OUT"
trap cleanup EXIT
trap "exit 143" INT TERM   # so that an interrupted suite still stops what it started
log "cluster suite: $RATE calls/s, ${BEFORE} s before the kill, ${AFTER} s from 5 s after it, $LONG_CALLS long calls"

t0=$(now)
cluster start 2 2>&1 | tee -a "$OUT/summary.txt"
figure "Kamailio and 2 nodes up in $(secs "$t0" "$(now)") s"
wait_until 10 node_active "$SIP1" && wait_until 10 node_active "$SIP2" \
  && pass "Kamailio sees both nodes active (OPTIONS probing)" || fail "Kamailio sees both nodes active (OPTIONS probing)"

# --- an operator's edit on node 1 holds on node 2 (R3 across the cluster) -------------------------------
edit="suite-$$,fax"
curl -sf "${OPERATOR[@]}" -X PUT -H 'Content-Type: application/json' \
  --data "[\"suite-$$\",\"fax\"]" "$NODE1/priorities/DATAMODEM" >/dev/null \
  && [ "$(admin_list "$NODE1" DATAMODEM)" = "$edit" ] \
  && pass "priority list edited on node 1" || fail "priority list edited on node 1"
same_on_node2() { [ "$(admin_list "$NODE2" DATAMODEM 2>/dev/null)" = "$edit" ]; }
wait_until 10 same_on_node2 && pass "[shared state] node 2 holds node 1's priority edit" \
  || fail "[shared state] node 2 holds node 1's priority edit (it has '$(admin_list "$NODE2" DATAMODEM || true)')"

# --- long calls held across the kill, then load through Kamailio spread over both nodes ---------------
# long calls first, so that round robin alternates over them alone: answered, handed to fax, then they
# wait for the far end's BYE (at most 90 s)
start_sipp long "$LONG" 5071 10 "$LONG_CALLS" -trace_logs -timeout 180s
established() { [ "$(cat "$OUT"/long/*_logs.log 2>/dev/null | grep -c '^ESTABLISHED')" -ge "$LONG_CALLS" ]; }
wait_until 30 established && pass "$LONG_CALLS long calls established through Kamailio" \
  || fail "$LONG_CALLS long calls established through Kamailio ($(cat "$OUT"/long/*_logs.log 2>/dev/null | grep -c '^ESTABLISHED') were)"
# load A: from now until 5 s after the kill; the calls in progress on node 2 at the kill are lost
a_line=$(($(wc -l <"$KLOG") + 1))
start_sipp load_a "$HANDOFF" 5070 "$RATE" $((RATE * (BEFORE + 5))) -d 1000 -timeout $((BEFORE + 120))s
t_load=$(now)
until_load() { python3 -c "import time,sys; sys.exit(0 if time.time() >= float(sys.argv[1]) + float(sys.argv[2]) else 1)" "$t_load" "$1"; }
took_calls() { [ "$(routed_calls "$SIP1" "$a_line" | wc -l)" -gt 0 ] && [ "$(routed_calls "$SIP2" "$a_line" | wc -l)" -gt 0 ]; }
wait_until 10 took_calls || true
n1=$(routed_calls "$SIP1" "$a_line" | wc -l); n2=$(routed_calls "$SIP2" "$a_line" | wc -l)
[ "$n1" -gt 0 ] && [ "$n2" -gt 0 ] && pass "both nodes took calls (node 1: $n1, node 2: $n2 so far)" \
  || fail "both nodes took calls (node 1: $n1, node 2: $n2 so far)"
listed_before=false
if wait_until 10 lists_calls_of "$NODE1" node2; then
  listed_before=true; pass "[shared state] node 1's console lists node 2's calls"
else
  fail "[shared state] node 1's console lists node 2's calls (GET /api/calls has no call with \"node\":\"node2\")"
fi
# which long calls node 2 holds: their Call-IDs as Kamailio routed them
{ grep -h '^ESTABLISHED' "$OUT"/long/*_logs.log || true; } | awk '{print $2}' | sort >"$OUT/long-calls"
routed_calls "$SIP2" | sort >"$OUT/node2-calls"
comm -12 "$OUT/long-calls" "$OUT/node2-calls" >"$OUT/long-on-node2"
comm -23 "$OUT/long-calls" "$OUT/node2-calls" >"$OUT/long-on-node1"
log "long calls on node 2: $(wc -l <"$OUT/long-on-node2"), on node 1: $(wc -l <"$OUT/long-on-node1")"
wait_until "$BEFORE" until_load "$BEFORE" || true

# --- kill -9 node 2 -------------------------------------------------------------------------------
t_kill=$(now)
cluster kill 2
if wait_until 15 node_down "$SIP2"; then
  t_routed=$(now)
  figure "kill -9 -> Kamailio marks node 2 down: $(secs "$t_kill" "$t_routed") s"
  pass "Kamailio marked node 2 down within 15 s"
else
  fail "Kamailio marked node 2 down within 15 s (its flags: $(node_state "$SIP2"))"
fi

# the survivor learns of the loss from JGroups (Infinispan logs the new view)
node2_left() { grep -q 'ISPN100001: Node node2 left the cluster' "$CLUSTER_DIR/node1/log/server.log"; }
# the time is the log line's own (the check above ran first, so the moment this poll sees it is later)
left_at() {
  grep -m1 'ISPN100001: Node node2 left the cluster' "$CLUSTER_DIR/node1/log/server.log" | python3 -c "
import sys, time, datetime
stamp = sys.stdin.read()[:23]
print(datetime.datetime.strptime(stamp, '%Y-%m-%d %H:%M:%S,%f').timestamp())"
}
if wait_until 15 node2_left; then
  figure "kill -9 -> node 1 sees node 2 leave the cluster: $(secs "$t_kill" "$(left_at)") s"
else
  fail "node 1 sees node 2 leave the cluster within 15 s"
fi

# load B: starts 5 s after the kill; every one of its calls must succeed
wait_until 6 python3 -c "import time,sys; sys.exit(0 if time.time() >= float(sys.argv[1]) + 5 else 1)" "$t_kill" || true
b_line=$(($(wc -l <"$KLOG") + 1))
start_sipp load_b "$HANDOFF" 5072 "$RATE" $((RATE * AFTER)) -d 1000 -timeout $((AFTER + 90))s

# the calls node 2 held end with a BYE from node 1 (through Kamailio) and leave the directory, within 30 s
if [ -s "$OUT/long-on-node2" ]; then
  if wait_until 30 all_got_bye "$OUT/long-on-node2"; then
    last=$(grep -h -F -f "$OUT/long-on-node2" "$OUT"/long/*_logs.log | awk '/^FAR-END-BYE/ {split($3, t, "."); printf "%.6f\n", t[1] + t[3] / 1e6}' | sort -n | tail -1 || true)
    figure "kill -9 -> the last of node 2's $(wc -l <"$OUT/long-on-node2") long calls got its BYE: $(secs "$t_kill" "$last") s"
    pass "[shared state] every long call node 2 held got a BYE from the far end within 30 s"
  else
    fail "[shared state] every long call node 2 held got a BYE from the far end within 30 s ($(grep -h -F -f "$OUT/long-on-node2" "$OUT"/long/*_logs.log | grep -c '^FAR-END-BYE') of $(wc -l <"$OUT/long-on-node2"))"
  fi
else
  fail "node 2 held some of the long calls at the kill"
fi
if ! $listed_before; then
  fail "[shared state] node 2's calls left the directory (not checkable: node 1's console never listed them)"
elif wait_until 30 lists_no_calls_of "$NODE1" node2; then
  pass "[shared state] node 2's calls left the directory (node 1's console)"
else
  fail "[shared state] node 2's calls left the directory (node 1's console still lists $(calls_of_node "$NODE1" node2 || echo '?'))"
fi
if grep -q '^FAR-END-BYE' <(grep -h -F -f "$OUT/long-on-node1" "$OUT"/long/*_logs.log); then
  fail "node 1's long calls were left alone (some got a BYE)"
else
  pass "node 1's long calls were left alone"
fi

wait "$LOAD_A_PID" || true
read -r a_created a_ok a_failed < <(sipp_counts load_a)
figure "load A (across the kill): $a_created calls, $a_ok succeeded, $a_failed failed (calls in progress on node 2 are lost)"
wait "$LOAD_B_PID" || true
read -r b_created b_ok b_failed < <(sipp_counts load_b)
[ "$b_failed" = 0 ] && [ "$b_ok" = $((RATE * AFTER)) ] \
  && pass "calls started 5 s after the kill all succeed ($b_ok of $((RATE * AFTER)))" \
  || fail "calls started 5 s after the kill all succeed ($b_ok succeeded, $b_failed failed of $((RATE * AFTER)))"
b_node2=$(routed_calls "$SIP2" "$b_line" | wc -l)
[ "$b_node2" = 0 ] && pass "Kamailio sent none of them to node 2" || fail "Kamailio sent none of them to node 2 ($b_node2 went there)"

# --- node 2 comes back ----------------------------------------------------------------------------
t_restart=$(now)
cluster start-node 2
figure "node 2 restarted and deployed in $(secs "$t_restart" "$(now)") s"
wait_until 10 node_active "$SIP2" && pass "Kamailio sees node 2 active again" || fail "Kamailio sees node 2 active again"
wait_until 10 same_on_node2 && pass "[shared state] the restarted node 2 holds the priority edit" \
  || fail "[shared state] the restarted node 2 holds the priority edit (it has '$(admin_list "$NODE2" DATAMODEM || true)')"
c_line=$(($(wc -l <"$KLOG") + 1))
c_rate=$((RATE < 20 ? RATE : 20))
start_sipp load_c "$HANDOFF" 5073 "$c_rate" $((c_rate * 5)) -d 500 -timeout 60s
wait "$LOAD_C_PID" || true
read -r c_created c_ok c_failed < <(sipp_counts load_c)
c_node2=$(routed_calls "$SIP2" "$c_line" | wc -l)
[ "$c_failed" = 0 ] && [ "$c_node2" -gt 0 ] \
  && pass "after the rejoin calls succeed and node 2 takes some ($c_ok succeeded, $c_node2 on node 2)" \
  || fail "after the rejoin calls succeed and node 2 takes some ($c_ok succeeded, $c_failed failed, $c_node2 on node 2)"

kill "$LONG_PID" 2>/dev/null || true
wait "$LONG_PID" 2>/dev/null || true
figure "suite time $(secs "$t0" "$(now)") s"
if [ ${#FAILED[@]} -gt 0 ]; then
  log "cluster suite: ${#FAILED[@]} check(s) failed:"
  for f in "${FAILED[@]}"; do log "  $f"; done
  exit 1
fi
log "cluster suite: every check passed"
