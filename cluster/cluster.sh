#!/usr/bin/env bash
# A Switchboard cluster on this machine's loopback (docs/cluster.md): Kamailio on UDP 127.0.0.1:5080
# in front of N WildFly nodes that run the same switchboard.ear with standalone-full-ha.xml.
#
#   cluster/cluster.sh start [N]      build the EAR if needed, start Kamailio and N nodes (default 2)
#   cluster/cluster.sh stop           stop everything this script started (pid files), nothing else
#   cluster/cluster.sh status         each process, Kamailio's view of the nodes, the JGroups view
#   cluster/cluster.sh kill I         kill -9 node I (a crash, for failure tests)
#   cluster/cluster.sh start-node I   start node I again (after a kill or a stop-node)
#   cluster/cluster.sh stop-node I    stop node I gracefully
#
# Node I (1..N): port offset 200+100*I (HTTP 8080+offset, so node 1 is 8380, node 2 8480; management
# 9990+offset), SIP on UDP 5060+offset (5360, 5460), RTP 40000+10*offset.., JGroups TCP 7600+offset.
# The nodes come from the WildFly the README's run command unpacks into ear/target/wildfly, each with
# its own base directory under cluster/target/nodeI, and the README's settings: the console's operator
# (operator / Switchboard-1), the simulator API, the Prometheus registry.
# Environment: CLUSTER_DIR (default cluster/target), KAMAILIO_PORT (5080), CLUSTER_PASSWORD
# (the ActiveMQ cluster password every node shares), NODE_JAVA_OPTS, SKIP_BUILD=true.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUN=${CLUSTER_DIR:-$ROOT/cluster/target}
KAMAILIO_PORT=${KAMAILIO_PORT:-5080}
CLUSTER_PASSWORD=${CLUSTER_PASSWORD:-switchboard-cluster}
NODE_JAVA_OPTS=${NODE_JAVA_OPTS:--Xms64m -Xmx512m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m}
OPERATOR_USER=operator
OPERATOR_PASSWORD=Switchboard-1
CONTAINER_JNDI=java:jboss/infinispan/container/switchboard
CTL=$RUN/kamailio.ctl

die() { echo "cluster.sh: $*" >&2; exit 1; }
log() { echo "[cluster] $*" >&2; }

offset() { echo $((200 + 100 * $1)); }
http_port() { echo $((8080 + $(offset "$1"))); }
sip_port() { echo $((5060 + $(offset "$1"))); }
jgroups_port() { echo $((7600 + $(offset "$1"))); }
node_count() { cat "$RUN/nodes" 2>/dev/null || echo 0; }

wildfly_home() {
  local home
  home=$(ls -d "$ROOT"/ear/target/wildfly/wildfly-*/ 2>/dev/null | head -1)
  [ -n "$home" ] || die "no WildFly in ear/target/wildfly: build with mvn -Pwildfly -pl ear -am -DskipTests package"
  echo "${home%/}"
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

build() {
  if [ "${SKIP_BUILD:-false}" = true ] && [ -f "$ROOT/ear/target/switchboard.ear" ] && ls -d "$ROOT"/ear/target/wildfly/wildfly-* >/dev/null 2>&1; then
    return
  fi
  log "building the EAR and unpacking WildFly (the README's run command without wildfly:run)"
  mkdir -p "$RUN"
  # shellcheck disable=SC2086
  mvn ${MVN_FLAGS:--q} -Pwildfly -pl ear -am -DskipTests package >"$RUN/build.log" 2>&1 \
    || die "the build failed, see $RUN/build.log"
}

# The configuration every node shares, made once per start from the distribution's own files with the
# CLI offline (embed-server): the ee channel on TCP with TCPPING over 127.0.0.1 (no multicast), the
# switchboard cache container on that channel, the Prometheus registry, the console's operator.
make_template() {
  local n=$1 home=$2 t=$RUN/template
  rm -rf "$t"; mkdir -p "$t/deployments"
  cp -r "$home/standalone/configuration" "$t/"
  rm -rf "$t/configuration/standalone_xml_history"
  local cli=$RUN/template.cli i members=""
  {
    echo "embed-server --server-config=standalone-full-ha.xml --std-out=discard --stability=community"
    for i in $(seq 1 "$n"); do
      echo "/socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=jgroups-node$i:add(host=127.0.0.1, port=$(jgroups_port "$i"))"
      members="$members${members:+,}jgroups-node$i"
    done
    echo "/subsystem=jgroups/stack=tcp/protocol=MPING:remove"
    echo "/subsystem=jgroups/stack=tcp/protocol=TCPPING:add(add-index=0, socket-bindings=[$members])"
    echo "/subsystem=jgroups/channel=ee:write-attribute(name=stack, value=tcp)"
    # the adapter's shared state (docs/cluster-state.md) lives here; its caches are defined by the adapter
    echo "/subsystem=infinispan/cache-container=switchboard:add(marshaller=${CLUSTER_MARSHALLER:-PROTOSTREAM})"
    echo "/subsystem=infinispan/cache-container=switchboard/transport=jgroups:add(channel=ee)"
    echo "/subsystem=infinispan/cache-container=switchboard/replicated-cache=default:add()"
    echo "/subsystem=infinispan/cache-container=switchboard:write-attribute(name=default-cache, value=default)"
    echo "/extension=org.wildfly.extension.micrometer:add"
    echo "/subsystem=micrometer:add"
    echo "/subsystem=micrometer/registry=prometheus:add(context=/prometheus, security-enabled=false)"
    echo "stop-embedded-server"
  } >"$cli"
  JAVA_OPTS="-Djboss.server.base.dir=$t" "$home/bin/jboss-cli.sh" --file="$cli" >"$RUN/template.log" 2>&1 \
    || die "configuring standalone-full-ha.xml failed, see $RUN/template.log"
  "$home/bin/add-user.sh" -a -u "$OPERATOR_USER" -p "$OPERATOR_PASSWORD" -g operator -sc "$t/configuration" \
    >>"$RUN/template.log" 2>&1 || die "adding the console's operator failed, see $RUN/template.log"
  rm -rf "$t/log" "$t/data" "$t/tmp" "$t/configuration/standalone_xml_history"   # the offline run's own
}

write_dispatcher_list() {
  local n=$1 i
  {
    echo "# set 1: the Switchboard nodes (written by cluster/cluster.sh). setid destination flags priority attrs"
    for i in $(seq 1 "$n"); do
      echo "1 sip:127.0.0.1:$(sip_port "$i") 0 0 duid=node$i"
    done
  } >"$RUN/dispatcher.list"
}

start_kamailio() {
  command -v kamailio >/dev/null || die "kamailio is not installed (Debian: apt-get install kamailio)"
  alive "$RUN/kamailio.pid" && { log "Kamailio already runs (pid $(cat "$RUN/kamailio.pid"))"; return; }
  rm -f "$CTL" "$RUN/kamailio.pid"
  # -DD: stay in the foreground; -E: log to stderr. Started in the background here, stopped by its pid.
  kamailio -f "$ROOT/cluster/kamailio.cfg" -DD -E -m 64 -M 8 -P "$RUN/kamailio.pid" \
    -A "LISTEN=udp:127.0.0.1:$KAMAILIO_PORT" -A "DISPATCHER_LIST=\"$RUN/dispatcher.list\"" \
    -A "CTL_SOCKET=\"unix:$CTL\"" >"$RUN/kamailio.log" 2>&1 &
  for _ in $(seq 1 50); do [ -S "$CTL" ] && break; sleep 0.2; done
  [ -S "$CTL" ] || die "Kamailio did not start, see $RUN/kamailio.log"
  log "Kamailio on udp:127.0.0.1:$KAMAILIO_PORT (kamcmd -s unix:$CTL dispatcher.list)"
}

start_node() {
  local i=$1 home base off
  home=$(wildfly_home); base=$RUN/node$i; off=$(offset "$i")
  [ -d "$RUN/template" ] || die "no cluster set up: run cluster/cluster.sh start first"
  alive "$RUN/node$i.pid" && { log "node$i already runs (pid $(cat "$RUN/node$i.pid"))"; return; }
  if [ ! -d "$base" ]; then
    cp -r "$RUN/template" "$base"
  fi
  rm -f "$base"/deployments/switchboard.ear*
  cp "$ROOT/ear/target/switchboard.ear" "$base/deployments/"
  : >"$base/console.out"
  # setsid: the node is not in the caller's process group, so a Ctrl-C of the caller does not reach it
  # half-way; stop and kill find it by its pid file.
  JBOSS_PIDFILE=$RUN/node$i.pid LAUNCH_JBOSS_IN_BACKGROUND=1 \
  JAVA_OPTS="$NODE_JAVA_OPTS -Djava.net.preferIPv4Stack=true" \
    setsid "$home/bin/standalone.sh" -c standalone-full-ha.xml --stability=community \
    -b 127.0.0.1 -bmanagement 127.0.0.1 -bprivate 127.0.0.1 \
    -Djboss.server.base.dir="$base" -Djboss.node.name="node$i" -Djboss.socket.binding.port-offset="$off" \
    -Djboss.messaging.cluster.password="$CLUSTER_PASSWORD" \
    -Dswitchboard.cluster.container="$CONTAINER_JNDI" \
    -Dswitchboard.console.simulator=true \
    -Dswitchboard.sip.port="$(sip_port "$i")" \
    -Dswitchboard.sip.rtpPortRange="$((40000 + 10 * off))-$((40999 + 10 * off))" \
    -Dswitchboard.sip.rateLimit=0 -Dswitchboard.sip.maxCalls=900 \
    >"$base/console.out" 2>&1 &
  echo $! >"$RUN/node$i.script.pid"
  log "node$i starting: HTTP $(http_port "$i"), SIP $(sip_port "$i"), log $base/log/server.log"
}

wait_node() {
  local i=$1 out
  out=$RUN/node$i/console.out
  for _ in $(seq 1 600); do
    grep -q 'Deployed "switchboard.ear"' "$out" 2>/dev/null && { log "node$i up"; return 0; }
    if ! alive "$RUN/node$i.script.pid" || grep -q 'WFLYSRV0026.*with errors\|Failed to deploy' "$out" 2>/dev/null; then
      die "node$i did not deploy switchboard.ear, see $out and $RUN/node$i/log/server.log"
    fi
    sleep 0.5
  done
  die "node$i: no deployment after 300 s, see $out"
}

stop_pid_file() { # $1 pid file, $2 name, $3 grace seconds
  local f=$1 pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 $(($3 * 5))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$2 (pid $pid) did not stop in $3 s: kill -9"
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$f"
}

stop_node() {
  local i=$1
  stop_pid_file "$RUN/node$i.pid" "node$i" 30
  stop_pid_file "$RUN/node$i.script.pid" "node$i's standalone.sh" 5
}

kill_node() {
  local i=$1
  alive "$RUN/node$i.pid" || die "node$i does not run"
  kill -9 "$(cat "$RUN/node$i.pid")"
  stop_pid_file "$RUN/node$i.script.pid" "node$i's standalone.sh" 5
  rm -f "$RUN/node$i.pid"
  log "node$i killed (kill -9)"
}

status() {
  local n i
  n=$(node_count)
  if alive "$RUN/kamailio.pid"; then
    echo "kamailio: running, pid $(cat "$RUN/kamailio.pid"), udp:127.0.0.1:$KAMAILIO_PORT"
    # flags: A active, I inactive, P probing
    kamcmd -s "unix:$CTL" dispatcher.list 2>/dev/null | grep -E 'URI|FLAGS' | paste - - | awk '{print "  " $2, $4}' || true
  else
    echo "kamailio: stopped"
  fi
  for i in $(seq 1 "$n"); do
    if alive "$RUN/node$i.pid"; then
      echo "node$i: running, pid $(cat "$RUN/node$i.pid"), http://127.0.0.1:$(http_port "$i")/switchboard SIP udp:127.0.0.1:$(sip_port "$i")"
    else
      echo "node$i: stopped"
    fi
  done
  grep -h "ISPN000094" "$RUN"/node*/log/server.log 2>/dev/null | tail -1 | sed "s/.*ISPN000094: /last view: /" || true
}

stop_all() {
  local n i
  n=$(node_count)
  for i in $(seq 1 "$n"); do stop_node "$i"; done
  stop_pid_file "$RUN/kamailio.pid" "Kamailio" 10
  rm -f "$CTL"
  log "stopped"
}

cmd=${1:-}
case "$cmd" in
  start)
    n=${2:-2}
    [[ "$n" =~ ^[1-9]$ ]] || die "start: N must be 1..9, not '$n'"
    [ "$(node_count)" != 0 ] && alive "$RUN/kamailio.pid" && die "a cluster already runs (cluster/cluster.sh stop first)"
    build
    home=$(wildfly_home)
    rm -rf "$RUN"/node* "$RUN/template"; mkdir -p "$RUN"
    echo "$n" >"$RUN/nodes"
    make_template "$n" "$home"
    write_dispatcher_list "$n"
    start_kamailio
    # one node first: it forms the JGroups cluster alone, the others join it (no merge of two views)
    start_node 1; wait_node 1
    for i in $(seq 2 "$n"); do start_node "$i"; done
    for i in $(seq 2 "$n"); do wait_node "$i"; done
    status
    log "calls: sipp 127.0.0.1:$KAMAILIO_PORT -sf cluster/sipp/uac_handoff_rr.xml -s line1 -i 127.0.0.1 -p 5070 -mi 127.0.0.1 -mp 7000 -m 1 (docs/cluster.md)"
    ;;
  stop) stop_all ;;
  status) status ;;
  kill) [ -n "${2:-}" ] || die "kill: which node?"; kill_node "$2" ;;
  start-node) [ -n "${2:-}" ] || die "start-node: which node?"; start_node "$2"; wait_node "$2" ;;
  stop-node) [ -n "${2:-}" ] || die "stop-node: which node?"; stop_node "$2" ;;
  *) sed -n 2,11p "$0"; exit 2 ;;
esac
