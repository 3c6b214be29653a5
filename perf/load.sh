#!/usr/bin/env bash
# Load harness for the SIP path (issue 12): drives SIPp at a list of rates against Switchboard and,
# in the same run, the same client against a SIPp UAS (the baseline). See docs/performance.md.
#
#   perf/load.sh [--running] [--offset N] [--scenario voice|voice_handoff|unknown_probe|voice_to_fax|prompt_gather]
#                [--rates 50,100,200] [--seconds 30] [--call-ms 1000] [--warmup 20] [--no-baseline] [--jfr]
#                [--out DIR]
#   perf/load.sh --scenario held|rtp [--calls 10000] [--rates 100] [--hold 30] ...
#                               # calls up at once: ramp at the first rate, hold, heap per call
#   perf/load.sh --smoke        # CI: a few seconds at a moderate rate on a server it starts; 0 failures
#   --no-build: start the EAR and WildFly already built under ear/target (mvn -Pwildfly -pl ear -am package)
#
# Without --running it builds the EAR and starts WildFly as the README's run command does
# (standalone-full.xml, 127.0.0.1, the console's simulator on), plus a port offset and the SIP
# admission limits raised for load; it stops the server at the end. With --running it uses the
# server whose SIP port is 5060+offset.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUNNING=false; OFFSET=0; SCENARIO=voice_handoff; RATES=50,100,200; SECONDS_PER_RATE=30; CALL_MS=1000
BASELINE=true; JFR=false; SMOKE=false; OUT=""; WARMUP=20; CALLS=""; HOLD=30; RATES_SET=false; OFFSET_SET=false
CALL_MS_SET=false; BUILD=true
while [ $# -gt 0 ]; do
  case "$1" in
    --running) RUNNING=true ;;
    --offset) OFFSET=$2; OFFSET_SET=true; shift ;;
    --scenario) SCENARIO=$2; shift ;;
    --rates) RATES=$2; RATES_SET=true; shift ;;
    --seconds) SECONDS_PER_RATE=$2; shift ;;
    --call-ms) CALL_MS=$2; CALL_MS_SET=true; shift ;;
    --calls) CALLS=$2; shift ;;
    --hold) HOLD=$2; shift ;;
    --no-baseline) BASELINE=false ;;
    --jfr) JFR=true ;;
    --warmup) WARMUP=$2; shift ;;
    --out) OUT=$2; shift ;;
    --smoke) SMOKE=true ;;
    --no-build) BUILD=false ;;
    -h|--help) sed -n 2,16p "$0"; exit 0 ;;
    *) echo "perf/load.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if $SMOKE; then
  # 100 calls at 20/s: enough to cross every layer (SIP, core, MDBs, the ledger's XA handoff) many
  # times, short enough for CI; an offset of its own, clear of the in-container tests' (100)
  SCENARIO=voice_handoff; RATES=${SMOKE_RATE:-20}; SECONDS_PER_RATE=5; CALL_MS=500; BASELINE=false; WARMUP=0
  # a cold server on a busy CI machine may keep work waiting past sipMaxQueueDelayMillis: the smoke test checks
  # that the path works, not overload control, so it sheds only far beyond the default
  SERVER_PROPS="-Dswitchboard.sip.maxQueueDelay=2000"
  $OFFSET_SET || OFFSET=600
fi
UAS_FILE=$ROOT/perf/sipp/uas_baseline.xml; CONCURRENT=false; LIMIT_FACTOR=10   # SIPp's -l: rate x this
case "$SCENARIO" in
  voice|voice_handoff) SCENARIO_FILE=$ROOT/perf/sipp/$SCENARIO.xml ;;
  # audio and T.38 offered at once: the prober hands the call to voice outside a transaction (non-XA)
  unknown_probe) SCENARIO_FILE=$ROOT/perf/sipp/$SCENARIO.xml ;;
  # the in-container tests' scenario: the CNG tone as RTP from its pcap, then a re-INVITE to T.38
  voice_to_fax) SCENARIO_FILE=$ROOT/arquillian/src/test/resources/sipp/uac_voice_to_fax.xml ;;
  # the IVR menu: a digit gathered, a prompt, a recording ended by #, the server hangs up (about 8 s a call)
  prompt_gather) SCENARIO_FILE=$ROOT/perf/sipp/prompt_gather.xml; UAS_FILE=$ROOT/perf/sipp/uas_prompt_gather.xml; LIMIT_FACTOR=30 ;;
  # calls up at once: on hold (no RTP), or with RTP both ways; no baseline (a SIPp UAS has no heap to weigh)
  held|rtp) SCENARIO_FILE=$ROOT/perf/sipp/$SCENARIO.xml; CONCURRENT=true; BASELINE=false
    if [ "$SCENARIO" = held ]; then CALLS=${CALLS:-10000}; $RATES_SET || RATES=100
    else CALLS=${CALLS:-1000}; $RATES_SET || RATES=50; fi
    RAMP_RATE=${RATES%%,*}
    # every call lasts the ramp, the hold and 10 s to spare, and at least 70 s: longer than the
    # server's RTP-inactivity timeout (60 s), so that a call it wrongly ends is a failed call here
    $CALL_MS_SET || CALL_MS=$(( (CALLS / RAMP_RATE + HOLD + 10) * 1000 ))
    [ "$CALL_MS" -ge 70000 ] || CALL_MS=70000 ;;
  *) echo "perf/load.sh: --scenario '$SCENARIO' is none of voice, voice_handoff, unknown_probe, voice_to_fax, prompt_gather, held, rtp" >&2; exit 2 ;;
esac
for tool in sipp java jstat jcmd python3 pgrep; do
  command -v $tool >/dev/null || { echo "perf/load.sh: '$tool' is not installed (SIPp: Debian package sip-tester; pgrep: procps)" >&2; exit 2; }
done
# the SIP admission limits for load: room for every call (one even RTP port each); a range past
# 2,000 ports starts at 10000, below the kernel's ephemeral ports (32768 and up)
MAX_CALLS=900
if $CONCURRENT; then
  if [ "$CALLS" -ge 900 ]; then MAX_CALLS=$((CALLS + 100)); fi
else
  # a rate's calls up at once (rate x call length, plus a second of set-up), twice over: at 950/s of
  # 1 s calls about 1,000 are up, and a limit of 900 refused calls the server had room for
  max_rate=$(tr ',' '\n' <<<"$RATES" | sort -n | tail -1)
  needed=$(( max_rate * (CALL_MS / 1000 + 1) * 2 ))
  if [ "$needed" -gt "$MAX_CALLS" ]; then MAX_CALLS=$needed; fi
fi
if [ "$MAX_CALLS" -gt 900 ]; then RTP_RANGE="10000-$((10000 + 2 * MAX_CALLS + 99))"
else RTP_RANGE="$((40000 + 10 * OFFSET))-$((41999 + 10 * OFFSET))"; fi
# 10,000 calls need more than the default heap; the heap per call is measured, not limited
# a heap for load (docs/administrator-guide.md, Tuning, Heap): the SIP stack keeps every finished
# transaction, with its parsed request, for RFC 3261's 32 s, which at 300 calls/s is more than
# WildFly's default -Xmx512m leaves room for; and ZGC, which collects while the server runs: G1's
# young collections of that heap stopped the server for 20-46 ms even with a 20 ms pause goal, and
# they were the p99 of INVITE->200 at 300/s (20-24 ms; 4 ms with ZGC, for about 13 % more CPU).
# ZGC gets 2 GB: with 1 GB it stalled allocating threads (the SIP receive thread too) for up to
# 650 ms past capacity (400/s), and callers retransmitted
DEFAULT_SERVER_OPTS="-Xms2g -Xmx2g -XX:+UseZGC"
$CONCURRENT && DEFAULT_SERVER_OPTS="-Xms256m -Xmx1536m"

HTTP_PORT=$((8080 + OFFSET)); SIP_PORT=$((5060 + OFFSET)); UAS_PORT=$((5090 + OFFSET))
CLIENT_PORT=$((5070 + OFFSET)); CLIENT_MEDIA=$((30000 + 10 * OFFSET)); UAS_MEDIA=$((32000 + 10 * OFFSET))
OUT=${OUT:-$ROOT/perf/results/$(date -u +%Y-%m-%dT%H%M%SZ)-$SCENARIO}
mkdir -p "$OUT"
SERVER_SCRIPT_PID=""; UAS_PID=""; CLIENT_PID=""

cleanup() {
  [ -n "$CLIENT_PID" ] && kill "$CLIENT_PID" 2>/dev/null || true
  [ -n "$UAS_PID" ] && kill "$UAS_PID" 2>/dev/null || true
  if [ -n "$SERVER_SCRIPT_PID" ]; then
    local java_pid; java_pid=$(pgrep -P "$SERVER_SCRIPT_PID" java || true)
    kill "$SERVER_SCRIPT_PID" 2>/dev/null || true   # standalone.sh passes the TERM on to WildFly
    # a server whose threads are all stuck (see docs/performance.md) never finishes a graceful stop
    for _ in $(seq 1 30); do kill -0 "$SERVER_SCRIPT_PID" 2>/dev/null || break; sleep 1; done
    [ -n "$java_pid" ] && kill -9 "$java_pid" 2>/dev/null || true
    wait "$SERVER_SCRIPT_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
# a signal (CI's timeout, ^C) ends the script through its EXIT trap, so the server is stopped then too
trap 'exit 130' INT TERM HUP

log() { echo "[load] $*" | tee -a "$OUT/run.log" >&2; }

start_server() {
  if $BUILD; then
    log "building the EAR (the README's run command without wildfly:run)"
    # shellcheck disable=SC2086
    mvn ${MVN_FLAGS:--q} -Pwildfly -pl ear -am -DskipTests package >"$OUT/build.log" 2>&1 \
      || { echo "perf/load.sh: the build failed, see $OUT/build.log; its end:" >&2; tail -n 40 "$OUT/build.log" >&2; exit 1; }
  fi
  local home; home=$(ls -d "$ROOT"/ear/target/wildfly/wildfly-*/ 2>/dev/null | head -1)
  [ -n "$home" ] && [ -f "$ROOT/ear/target/switchboard.ear" ] || { echo "perf/load.sh: no ear/target/switchboard.ear" \
      "and unpacked WildFly: build first (mvn -Pwildfly -pl ear -am -DskipTests package) or drop --no-build" >&2; exit 1; }
  rm -f "$home"/standalone/deployments/switchboard.ear*
  # the prompt_gather scenario records a voicemail per call: start each run with none
  rm -rf "$home"/standalone/data/switchboard-voicemail
  # and an empty ledger: the sample's H2 file grows by a row per handoff, and a file left by a server
  # killed in the middle of a write (a run stopped by ^C or CI's timeout) can be unreadable
  # (with it go the transaction log's in-doubt records of such a server, which name the old file's branches)
  rm -f "$home"/standalone/data/switchboard/ledger.*.db
  rm -rf "$home"/standalone/data/tx-object-store
  cp "$ROOT/ear/target/switchboard.ear" "$home/standalone/deployments/"
  # the README's server (its configuration read-only: what the harness changes over the CLI is
  # forgotten when it stops), plus: a port offset (so that it can run beside another), and admission
  # limits raised for load (docs/sip.md): no rate limit, more calls at once, more RTP ports
  # with --jfr, stacks deep enough to reach the MDB under the container's frames (jfr_top.py's activities)
  local jfr_opts=""; $JFR && jfr_opts="-XX:FlightRecorderOptions=stackdepth=256"
  # every collection and its pause, to tell a GC pause from queueing when latency jumps
  jfr_opts="$jfr_opts -Xlog:gc:file=$OUT/gc.log:uptime"
  LAUNCH_JBOSS_IN_BACKGROUND=1 JAVA_OPTS="${SERVER_JAVA_OPTS:-$DEFAULT_SERVER_OPTS -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m} -Djava.net.preferIPv4Stack=true $jfr_opts" \
    "$home/bin/standalone.sh" --read-only-server-config=standalone-full.xml -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.socket.binding.port-offset="$OFFSET" -Dswitchboard.console.simulator=true \
    -Dswitchboard.sip.port="$SIP_PORT" -Dswitchboard.sip.rateLimit=0 -Dswitchboard.sip.maxCalls="$MAX_CALLS" ${SERVER_PROPS:-} \
    -Dswitchboard.sip.rtpPortRange="$RTP_RANGE" \
    >"$OUT/server.out" 2>&1 &
  SERVER_SCRIPT_PID=$!
  local log_file=$home/standalone/log/server.log
  for _ in $(seq 1 300); do
    # a failure first: WildFly also says "Deployed" for an EAR whose persistence unit (say) did not start
    if ! kill -0 "$SERVER_SCRIPT_PID" 2>/dev/null \
        || grep -q 'WFLYSRV0026.*with errors\|Failed to deploy\|WFLYCTL0013' "$OUT/server.out" 2>/dev/null; then
      echo "perf/load.sh: WildFly did not deploy switchboard.ear, see $OUT/server.out and $log_file" >&2; explain_failure; exit 1
    fi
    if grep -q 'Deployed "switchboard.ear"' "$OUT/server.out" 2>/dev/null; then break; fi
    sleep 1
  done
  grep -q 'Deployed "switchboard.ear"' "$OUT/server.out" || { echo "perf/load.sh: no deployment after 300 s" >&2; explain_failure; exit 1; }
  # the sample applications log a line at INFO for each thing they do to a call (about five a call,
  # to the console and to server.log): what the README's demo shows, and what a server under load
  # would not log (docs/performance.md); SAMPLES_LOG_LEVEL=INFO keeps them
  "$home/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$((9990 + OFFSET))" \
      --command="/subsystem=logging/logger=dev.switchboard.samples:add(level=${SAMPLES_LOG_LEVEL:-WARN})" >>"$OUT/run.log" 2>&1 \
    || { echo "perf/load.sh: could not set the samples' log level through the CLI, see $OUT/run.log" >&2; exit 1; }
  log "WildFly up: HTTP $HTTP_PORT, SIP $SIP_PORT, sipMaxCalls $MAX_CALLS, RTP ports $RTP_RANGE, samples logging at ${SAMPLES_LOG_LEVEL:-WARN}"
}

server_pid() {
  if [ -n "$SERVER_SCRIPT_PID" ]; then
    pgrep -P "$SERVER_SCRIPT_PID" java | head -1   # the JVM standalone.sh started
  else
    # the JVM listening on the SIP port (iproute2's ss)
    ss -lunpH "sport = :$SIP_PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
  fi
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# the JVM's used heap after the step (S0U + S1U + EU + OU); empty for the SIPp UAS, which is no JVM
heap_mb() { { jstat -gc "$1" 2>/dev/null || true; } | awk 'NR==2 {printf "%.0f", ($3 + $4 + $6 + $8) / 1024}'; }
# the same in KB after a full collection (System.gc), so that only what is live counts
live_heap_kb() { jcmd "$1" GC.run >/dev/null 2>&1 || true; { jstat -gc "$1" 2>/dev/null || true; } | awk 'NR==2 {printf "%.0f", $3 + $4 + $6 + $8}'; }
# UDP datagrams sent on the machine (both ends of every RTP stream, when they share it): a datagram that
# a full socket buffer drops was still sent, so this counts what flows, not what a reader kept up with
udp_out() { awk '/^Udp:/ && $5 ~ /^[0-9]+$/ {print $5}' /proc/net/snmp; }

adapter_latencies() { java "$ROOT/perf/AdapterLatencies.java" "$@" 2>>"$OUT/run.log" || true; }

# one SIPp client run: $1 target name, $2 port, $3 rate, $4 pid to watch (CPU, heap), $5 adapter? (true/false)
run_step() {
  local target=$1 port=$2 rate=$3 pid=$4 adapter=$5
  local dir=$OUT/$target-$rate calls=$((rate * SECONDS_PER_RATE))
  mkdir -p "$dir"
  $adapter && adapter_latencies "$pid" reset
  local t0 c0 jfr_file=""
  t0=$(date +%s.%N); c0=$(cpu_ticks "$pid")
  if $adapter && $JFR; then
    jfr_file=$dir/server.jfr
    jcmd "$pid" JFR.start name=load settings=profile duration="$((SECONDS_PER_RATE + 5))s" filename="$jfr_file" >/dev/null
  fi
  log "$target: $calls calls at $rate/s"
  local rc=0
  (cd "$dir" && sipp "127.0.0.1:$port" -sf "$SCENARIO_FILE" -s sip -i 127.0.0.1 -p "$CLIENT_PORT" \
      -mi 127.0.0.1 -mp "$CLIENT_MEDIA" -r "$rate" -m "$calls" -d "$CALL_MS" -l $((rate * LIMIT_FACTOR)) \
      -trace_stat -fd 1 -trace_rtt -rtt_freq 1 -trace_err -nostdin \
      -timeout "$((SECONDS_PER_RATE + CALL_MS / 1000 + 60))s" -timeout_error >sipp.out 2>&1) || rc=$?
  local t1 c1 hz
  t1=$(date +%s.%N); c1=$(cpu_ticks "$pid"); hz=$(getconf CLK_TCK)
  local cpu; cpu=$(python3 -c "print(round(100 * ($c1 - $c0) / $hz / ($t1 - $t0)))")
  local heap; heap=$(heap_mb "$pid"); heap=${heap:-}
  local lat=""
  if $adapter; then
    adapter_latencies "$pid" >"$dir/adapter-latencies.txt"
    lat=$dir/adapter-latencies.txt
  fi
  [ -n "$jfr_file" ] && { jcmd "$pid" JFR.stop name=load >/dev/null 2>&1 || true; }
  python3 "$ROOT/perf/summarize.py" row --dir "$dir" --target "$target" --scenario "$SCENARIO" --rate "$rate" \
      --calls "$calls" --call-ms "$CALL_MS" --sipp-rc "$rc" --cpu "$cpu" --heap "$heap" --latencies "$lat" \
      >>"$OUT/results.csv"
}

# calls up at once ($CALLS): ramp at $RAMP_RATE/s, wait until the provider holds them all, measure the
# server's CPU over the hold and its live heap before and with the calls, then let SIPp hang up
run_concurrent() {
  local pid=$1 dir=$OUT/switchboard-$SCENARIO-$CALLS
  mkdir -p "$dir"
  [ "$SCENARIO" = rtp ] && python3 "$ROOT/perf/audio.py" "$dir/audio-pcmu.wav"
  local heap0; heap0=$(live_heap_kb "$pid")
  log "switchboard: $CALLS calls at $RAMP_RATE/s, each up $((CALL_MS / 1000)) s (live heap before: $((heap0 / 1024)) MB)"
  (cd "$dir" && exec sipp "127.0.0.1:$SIP_PORT" -sf "$SCENARIO_FILE" -s sip -i 127.0.0.1 -p "$CLIENT_PORT" \
      -mi 127.0.0.1 -mp "$CLIENT_MEDIA" -r "$RAMP_RATE" -m "$CALLS" -l "$CALLS" -d "$CALL_MS" \
      -trace_stat -fd 1 -trace_rtt -rtt_freq 1 -trace_err -nostdin \
      -timeout "$((CALL_MS / 1000 + CALLS / RAMP_RATE + 60))s" -timeout_error >sipp.out 2>&1) &
  CLIENT_PID=$!
  # all calls up, or (once the ramp's time is over) no new call for 6 s: a call refused with 503 never
  # comes up, and waiting for it would measure only after the others have started to end
  local held=0 most=0 still=0 ramp_end=$(( $(date +%s) + CALLS / RAMP_RATE )) deadline=$(( $(date +%s) + 2 * CALLS / RAMP_RATE + 60 ))
  while [ "$(date +%s)" -lt "$deadline" ] && kill -0 "$CLIENT_PID" 2>/dev/null; do
    held=$(adapter_latencies "$pid" calls); held=${held:-0}
    [ "$held" -ge "$CALLS" ] && break
    if [ "$held" -gt "$most" ]; then most=$held; still=0; else still=$((still + 1)); fi
    [ "$(date +%s)" -ge "$ramp_end" ] && [ "$still" -ge 3 ] && [ "$held" -gt 0 ] && break
    sleep 2
  done
  log "switchboard: the provider holds $held calls; measuring CPU for $HOLD s"
  local t0 c0 u0 t1 c1 u1 hz
  t0=$(date +%s.%N); c0=$(cpu_ticks "$pid"); u0=$(udp_out)
  sleep "$HOLD"
  t1=$(date +%s.%N); c1=$(cpu_ticks "$pid"); u1=$(udp_out); hz=$(getconf CLK_TCK)
  local cpu udp heap1
  cpu=$(python3 -c "print(round(100 * ($c1 - $c0) / $hz / ($t1 - $t0)))")
  udp=$(python3 -c "print(round(($u1 - $u0) / ($t1 - $t0)))")
  held=$(adapter_latencies "$pid" calls); held=${held:-0}
  heap1=$(live_heap_kb "$pid")
  log "switchboard: $held calls held, live heap $((heap1 / 1024)) MB; waiting for SIPp to hang up"
  local rc=0
  wait "$CLIENT_PID" || rc=$?
  CLIENT_PID=""
  python3 "$ROOT/perf/summarize.py" row --dir "$dir" --target switchboard --scenario "$SCENARIO" --rate "$RAMP_RATE" \
      --calls "$CALLS" --call-ms "$CALL_MS" --sipp-rc "$rc" --cpu "$cpu" --heap "$((heap1 / 1024))" \
      --held "$held" --heap-before-kb "$heap0" --heap-held-kb "$heap1" --udp-out "$udp" >>"$OUT/results.csv"
}

# what went wrong, where CI shows it: the ends of the server's and SIPp's logs
explain_failure() {
  echo "perf/load.sh: the last lines of the server's output ($OUT/server.out):" >&2
  tail -n 40 "$OUT/server.out" 2>/dev/null | sed 's/^/  server| /' >&2 || true
  local f
  for f in "$OUT"/switchboard-*/*_errors.log; do
    [ -f "$f" ] || continue
    echo "perf/load.sh: SIPp's first errors ($f):" >&2
    head -n 30 "$f" | sed 's/^/  sipp| /' >&2
  done
}

if ! $RUNNING; then
  start_server
fi
PID=$(server_pid)
[ -n "$PID" ] || { echo "perf/load.sh: nothing listens for SIP on UDP $SIP_PORT (start the server, or drop --running)" >&2; exit 1; }
python3 "$ROOT/perf/summarize.py" header >"$OUT/results.csv"
{
  echo "date: $(date -u +%FT%TZ)"; echo "host: $(uname -srm), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"; echo "java: $(java -version 2>&1 | head -1)"
  echo "sipp: $(sipp -v 2>&1 | grep -m1 SIPp)"
  if $CONCURRENT; then echo "scenario: $SCENARIO, $CALLS calls at once, ramp $RAMP_RATE/s, calls of $CALL_MS ms, CPU over $HOLD s of hold, warm-up $WARMUP s"
  else echo "scenario: $SCENARIO, rates $RATES, $SECONDS_PER_RATE s each, calls of $CALL_MS ms, warm-up $WARMUP s"; fi
  echo "server: sipMaxCalls $MAX_CALLS, RTP ports $RTP_RANGE, ${SERVER_JAVA_OPTS:-$DEFAULT_SERVER_OPTS}"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet 2>/dev/null || echo ' (modified)')"
} >"$OUT/machine.txt"
log "results in $OUT"

if $BASELINE; then
  sipp -sf "$UAS_FILE" -i 127.0.0.1 -p "$UAS_PORT" -mi 127.0.0.1 -mp "$UAS_MEDIA" \
      -nostdin >"$OUT/uas.out" 2>&1 &
  UAS_PID=$!
fi
IFS=',' read -ra RATE_LIST <<<"$RATES"
if $CONCURRENT; then
  RATE_LIST=()   # one step, not a list of rates
  if [ "$WARMUP" -gt 0 ]; then
    # short voice calls first, so that the ramp meets a compiled server: a cold one refuses the first
    # calls with 503 (work waits past sipMaxQueueDelayMillis); then the 32 s the SIP stack keeps
    # their finished transactions (RFC 3261 timers H and J), so that the heap measured before the
    # ramp holds none of them
    log "warm-up: $WARMUP s of 1 s voice calls at $RAMP_RATE/s, then 35 s for their transactions to end"
    (mkdir -p "$OUT/warmup" && cd "$OUT/warmup" && sipp "127.0.0.1:$SIP_PORT" -sf "$ROOT/perf/sipp/voice.xml" -s sip \
        -i 127.0.0.1 -p "$CLIENT_PORT" -mi 127.0.0.1 -mp "$CLIENT_MEDIA" -r "$RAMP_RATE" -m $((RAMP_RATE * WARMUP)) \
        -d 1000 -nostdin -timeout "$((WARMUP + 60))s" >sipp.out 2>&1) || log "warm-up had failed calls (see $OUT/warmup)"
    sleep 35
  fi
  run_concurrent "$PID"
elif [ "$WARMUP" -gt 0 ]; then
  # a fresh JVM interprets before it compiles: without this the first step measures the JIT
  log "warm-up: $WARMUP s at ${RATE_LIST[0]}/s, not reported"
  (mkdir -p "$OUT/warmup" && cd "$OUT/warmup" && sipp "127.0.0.1:$SIP_PORT" -sf "$SCENARIO_FILE" -s sip -i 127.0.0.1 \
      -p "$CLIENT_PORT" -mi 127.0.0.1 -mp "$CLIENT_MEDIA" -r "${RATE_LIST[0]}" -m $((RATE_LIST[0] * WARMUP)) \
      -d "$CALL_MS" -nostdin -timeout "$((WARMUP + 60))s" >sipp.out 2>&1) || log "warm-up had failed calls (see $OUT/warmup)"
fi
for rate in "${RATE_LIST[@]}"; do
  run_step switchboard "$SIP_PORT" "$rate" "$PID" true
  if $BASELINE; then
    run_step baseline "$UAS_PORT" "$rate" "$UAS_PID" false
  fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"

python3 "$ROOT/perf/summarize.py" table "$OUT/results.csv" | tee "$OUT/results.txt"
if $SMOKE; then
  python3 "$ROOT/perf/summarize.py" check "$OUT/results.csv" || { explain_failure; exit 1; }
  log "smoke passed"
fi
