#!/usr/bin/env bash
# Load harness for the SIP path (issue 12): drives SIPp at a list of rates against Switchboard and,
# in the same run, the same client against a SIPp UAS (the baseline). See docs/performance.md.
#
#   perf/load.sh [--running] [--offset N] [--scenario voice|voice_handoff|voice_to_fax]
#                [--rates 50,100,200] [--seconds 30] [--call-ms 1000] [--warmup 20] [--no-baseline] [--jfr]
#                [--out DIR]
#   perf/load.sh --smoke        # CI: a few seconds at a moderate rate on a server it starts; 0 failures
#
# Without --running it builds the EAR and starts WildFly as the README's run command does
# (standalone-full.xml, 127.0.0.1, the console's simulator on), plus a port offset and the SIP
# admission limits raised for load; it stops the server at the end. With --running it uses the
# server whose SIP port is 5060+offset.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUNNING=false; OFFSET=0; SCENARIO=voice_handoff; RATES=50,100,200; SECONDS_PER_RATE=30; CALL_MS=1000
BASELINE=true; JFR=false; SMOKE=false; OUT=""; WARMUP=20
while [ $# -gt 0 ]; do
  case "$1" in
    --running) RUNNING=true ;;
    --offset) OFFSET=$2; shift ;;
    --scenario) SCENARIO=$2; shift ;;
    --rates) RATES=$2; shift ;;
    --seconds) SECONDS_PER_RATE=$2; shift ;;
    --call-ms) CALL_MS=$2; shift ;;
    --no-baseline) BASELINE=false ;;
    --jfr) JFR=true ;;
    --warmup) WARMUP=$2; shift ;;
    --out) OUT=$2; shift ;;
    --smoke) SMOKE=true ;;
    -h|--help) sed -n 2,13p "$0"; exit 0 ;;
    *) echo "perf/load.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if $SMOKE; then
  SCENARIO=voice_handoff; RATES=${SMOKE_RATE:-20}; SECONDS_PER_RATE=5; CALL_MS=500; BASELINE=false; WARMUP=0
  # a cold server on a busy CI machine may keep work waiting past sipMaxQueueDelayMillis: the smoke test checks
  # that the path works, not overload control, so it sheds only far beyond the default
  SERVER_PROPS="-Dswitchboard.sip.maxQueueDelay=2000"
fi
case "$SCENARIO" in
  voice|voice_handoff) SCENARIO_FILE=$ROOT/perf/sipp/$SCENARIO.xml ;;
  # the in-container tests' scenario: the CNG tone as RTP from its pcap, then a re-INVITE to T.38
  voice_to_fax) SCENARIO_FILE=$ROOT/arquillian/src/test/resources/sipp/uac_voice_to_fax.xml ;;
  *) echo "perf/load.sh: --scenario '$SCENARIO' is none of voice, voice_handoff, voice_to_fax" >&2; exit 2 ;;
esac
for tool in sipp java jstat python3 curl; do
  command -v $tool >/dev/null || { echo "perf/load.sh: '$tool' is not installed (SIPp: Debian package sip-tester)" >&2; exit 2; }
done

HTTP_PORT=$((8080 + OFFSET)); SIP_PORT=$((5060 + OFFSET)); UAS_PORT=$((5090 + OFFSET))
CLIENT_PORT=$((5070 + OFFSET)); CLIENT_MEDIA=$((30000 + 10 * OFFSET)); UAS_MEDIA=$((32000 + 10 * OFFSET))
OUT=${OUT:-$ROOT/perf/results/$(date -u +%Y-%m-%dT%H%M%SZ)-$SCENARIO}
mkdir -p "$OUT"
SERVER_SCRIPT_PID=""; UAS_PID=""

cleanup() {
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

log() { echo "[load] $*" | tee -a "$OUT/run.log" >&2; }

start_server() {
  log "building the EAR (the README's run command without wildfly:run)"
  # shellcheck disable=SC2086
  mvn ${MVN_FLAGS:--q} -Pwildfly -pl ear -am -DskipTests package >"$OUT/build.log" 2>&1 \
    || { echo "perf/load.sh: the build failed, see $OUT/build.log" >&2; exit 1; }
  local home; home=$(ls -d "$ROOT"/ear/target/wildfly/wildfly-*/ | head -1)
  rm -f "$home"/standalone/deployments/switchboard.ear*
  cp "$ROOT/ear/target/switchboard.ear" "$home/standalone/deployments/"
  # the README's server, plus: a port offset (so that it can run beside another), and admission
  # limits raised for load (docs/sip.md): no rate limit, more calls at once, more RTP ports
  LAUNCH_JBOSS_IN_BACKGROUND=1 JAVA_OPTS="${SERVER_JAVA_OPTS:--Xms64m -Xmx512m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m} -Djava.net.preferIPv4Stack=true" \
    "$home/bin/standalone.sh" -c standalone-full.xml -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.socket.binding.port-offset="$OFFSET" -Dswitchboard.console.simulator=true \
    -Dswitchboard.sip.port="$SIP_PORT" -Dswitchboard.sip.rateLimit=0 -Dswitchboard.sip.maxCalls=900 ${SERVER_PROPS:-} \
    -Dswitchboard.sip.rtpPortRange="$((40000 + 10 * OFFSET))-$((41999 + 10 * OFFSET))" \
    >"$OUT/server.out" 2>&1 &
  SERVER_SCRIPT_PID=$!
  local log_file=$home/standalone/log/server.log
  for _ in $(seq 1 300); do
    if grep -q 'Deployed "switchboard.ear"' "$OUT/server.out" 2>/dev/null; then break; fi
    if ! kill -0 "$SERVER_SCRIPT_PID" 2>/dev/null || grep -q 'WFLYSRV0026.*with errors\|Failed to deploy' "$OUT/server.out" 2>/dev/null; then
      echo "perf/load.sh: WildFly did not deploy switchboard.ear, see $OUT/server.out and $log_file" >&2; exit 1
    fi
    sleep 1
  done
  grep -q 'Deployed "switchboard.ear"' "$OUT/server.out" || { echo "perf/load.sh: no deployment after 300 s" >&2; exit 1; }
  log "WildFly up: HTTP $HTTP_PORT, SIP $SIP_PORT"
}

server_pid() {
  # the JVM listening on the SIP port
  ss -lunpH "sport = :$SIP_PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# the JVM's used heap after the step (S0U + S1U + EU + OU); empty for the SIPp UAS, which is no JVM
heap_mb() { { jstat -gc "$1" 2>/dev/null || true; } | awk 'NR==2 {printf "%.0f", ($3 + $4 + $6 + $8) / 1024}'; }

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
      -mi 127.0.0.1 -mp "$CLIENT_MEDIA" -r "$rate" -m "$calls" -d "$CALL_MS" -l $((rate * 10)) \
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
  echo "scenario: $SCENARIO, rates $RATES, $SECONDS_PER_RATE s each, calls of $CALL_MS ms, warm-up $WARMUP s"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet 2>/dev/null || echo ' (modified)')"
} >"$OUT/machine.txt"
log "results in $OUT"

if $BASELINE; then
  sipp -sf "$ROOT/perf/sipp/uas_baseline.xml" -i 127.0.0.1 -p "$UAS_PORT" -mi 127.0.0.1 -mp "$UAS_MEDIA" \
      -nostdin >"$OUT/uas.out" 2>&1 &
  UAS_PID=$!
fi
IFS=',' read -ra RATE_LIST <<<"$RATES"
if [ "$WARMUP" -gt 0 ]; then
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
  python3 "$ROOT/perf/summarize.py" check "$OUT/results.csv"
fi
