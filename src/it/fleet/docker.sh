# Sourced by fleet.sh: Docker for a fleet. One dockerd per host namespace, a registry on the bridge
# address (198.18.N.1:5000) and a "local" dockerd for the deploying machine in its own namespace NAME-local
# (so its bridge and iptables rules stay out of the root namespace). Expects NAME, DIR, SUBNET, BR, COUNT.
# shellcheck shell=bash
DOCKER_LIB=1
DOCKER_BIN=/usr/bin/docker
LOCAL_IP_SUFFIX=9

registry_addr() { echo "198.18.$SUBNET.1:5000"; }

# Starts dockerd for namespace NS with files under D (pid file, log); socket /run/docker-NS.sock.
start_dockerd() {
  local ns="$1" d="$2"
  pid_alive "$d/dockerd.pid" && return 0
  rm -f "$d/dockerd.pid"
  mkdir -p "$d" "$DIR/docker/$ns"
  # nsenter, not `ip netns exec`: the latter remounts /sys and dockerd dies ("Devices cgroup isn't mounted").
  # A containerd namespace of its own keeps daemons apart even if a system containerd is running.
  # Container networks come from 198.19.0.0/16 (inside the benchmarking range, like the hosts), never from the
  # private ranges Docker picks by default; each daemon is in its own namespace, so they may reuse the pool.
  setsid nsenter --net="/run/netns/$ns" /usr/sbin/dockerd \
    --data-root "$DIR/docker/$ns" --exec-root "/run/dx-$ns" --pidfile "$d/dockerd.pid" \
    -H "unix:///run/docker-$ns.sock" --insecure-registry "$(registry_addr)" \
    --containerd-namespace "fleet-$ns" --containerd-plugins-namespace "fleet-$ns-plugins" \
    --bip 198.19.239.1/24 --default-address-pool base=198.19.240.0/20,size=24 \
    --shutdown-timeout 2 --log-level warn </dev/null >>"$d/dockerd.log" 2>&1 8>&- 9>&- &
}

wait_dockerd() {
  local ns="$1" d="$2" deadline=$(( SECONDS + 90 ))
  until "$DOCKER_BIN" -H "unix:///run/docker-$ns.sock" version >/dev/null 2>&1; do
    (( SECONDS < deadline )) || die "dockerd in $ns did not come up; see $d/dockerd.log"
    sleep 0.2
  done
}

start_registry() {
  local d="$DIR/registry"
  mkdir -p "$d/data"
  pid_alive "$d/registry.pid" && return 0
  cat > "$d/config.yml" <<CONF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $d/data
  delete:
    enabled: true
http:
  addr: $(registry_addr)
CONF
  setsid /usr/bin/docker-registry serve "$d/config.yml" </dev/null >>"$d/registry.log" 2>&1 8>&- 9>&- &
  echo "$!" > "$d/registry.pid"
  local deadline=$(( SECONDS + 20 ))
  until bash -c "exec 3<>/dev/tcp/198.18.$SUBNET.1/5000" 2>/dev/null; do
    (( SECONDS < deadline )) || die "registry did not listen on $(registry_addr); see $d/registry.log"
    sleep 0.1
  done
}

make_local_netns() {
  local ns="$NAME-local" veth="kv$NAME-l"
  [[ -e "/run/netns/$ns" ]] || ip netns add "$ns"
  if ! ip link show "$veth" >/dev/null 2>&1; then
    ip link add "$veth" type veth peer name eth0 netns "$ns"
    ip link set "$veth" master "$BR" up
    ip -n "$ns" addr add "198.18.$SUBNET.$LOCAL_IP_SUFFIX/24" dev eth0
    ip -n "$ns" link set lo up
    ip -n "$ns" link set eth0 up
    ip -n "$ns" route add default via "198.18.$SUBNET.1"
  fi
}

docker_up() {
  local i
  start_registry
  make_local_netns
  start_dockerd "$NAME-local" "$DIR/local"
  for (( i = 1; i <= COUNT; i++ )); do start_dockerd "$NAME-$i" "$DIR/hosts/$i"; done
  wait_dockerd "$NAME-local" "$DIR/local"
  for (( i = 1; i <= COUNT; i++ )); do wait_dockerd "$NAME-$i" "$DIR/hosts/$i"; done
  registry_addr > "$DIR/registry.address"
  echo "unix:///run/docker-$NAME-local.sock" > "$DIR/docker.host"
}

# Stops one dockerd (by pid file) and prints its pid; containerd shims it left are found by its exec-root.
stop_dockerd() {
  local ns="$1" d="$2" pid
  stop_pidfile "$d/dockerd.pid" "/run/docker-$ns.sock"
}

# Shims and managed containerd that outlived their dockerd, recognised by our unique exec-root path.
leftover_pids() {
  grep -lsF -- "/run/dx-$1/" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3 || true
}

# Unmounts anything still mounted below a path (overlay layers, netns files) so rm -rf can succeed.
unmount_below() {
  local m
  for m in $(awk -v p="$1" 'index($2, p) == 1 { print $2 }' /proc/self/mounts | sort -r); do
    umount -l "$m" 2>/dev/null || true
  done
}

docker_stop_host() {
  local i="$1" ns="$NAME-$1" pids
  pids="$(stop_dockerd "$ns" "$DIR/hosts/$i")"
  wait_gone "$pids" 30
  docker_cleanup_ns "$ns"
}

docker_cleanup_ns() {
  local ns="$1" pids
  pids="$(leftover_pids "$ns")"
  if [[ -n "$pids" ]]; then kill -KILL $pids 2>/dev/null || true; fi
  unmount_below "/run/dx-$ns/"
  unmount_below "$DIR/docker/$ns/"
  rm -rf "/run/dx-$ns" "/run/docker-$ns.sock"
}

# Prints pids being stopped; fleet.sh waits for them, then calls docker_cleanup for the rest.
docker_down() {
  local h i
  [[ -d "$DIR" ]] || return 0
  stop_dockerd "$NAME-local" "$DIR/local"
  for h in "$DIR"/hosts/*; do
    [[ -d "$h" ]] || continue
    i="${h##*/}"
    stop_dockerd "$NAME-$i" "$h"
  done
  stop_pidfile "$DIR/registry/registry.pid" "$DIR/registry/config.yml"
}

docker_cleanup() {
  local ns
  for ns in $(ls /run | sed -n "s/^dx-\($NAME-\([0-9]*\|local\)\)\$/\1/p"); do
    docker_cleanup_ns "$ns"
  done
  unmount_below "$DIR/"
}

docker_status() {
  local i n ok=0
  n="$(cat "$DIR/count")"
  for (( i = 1; i <= n; i++ )); do
    "$DOCKER_BIN" -H "unix:///run/docker-$NAME-$i.sock" version >/dev/null 2>&1 && ok=$(( ok + 1 ))
  done
  echo "fleet $NAME: $ok/$n dockerd up, registry $(cat "$DIR/registry.address" 2>/dev/null), local DOCKER_HOST=$(cat "$DIR/docker.host")"
}
