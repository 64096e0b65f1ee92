#!/usr/bin/env bash
# The main job, on one machine: a local 3-host fleet (each host: sshd and its own Docker daemon, in its own
# network namespace; a registry; a local Docker daemon for building), then `mvn kamal:setup` of examples/hello.
#
#   sudo examples/deploy-local.sh         bring the fleet up, install the plugin, deploy, show how to reach the app
#   sudo examples/deploy-local.sh down    remove the fleet again
#
# Needs root (network namespaces) and docker.io, openssh-server, busybox-static, docker-registry, iproute2,
# iptables (.ci/run installs them on a fresh Debian 12). Set MAVEN_ARGS=-o to build offline.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT="$(cd "$HERE/.." && pwd)"
FLEET="$PROJECT/src/it/fleet/fleet.sh"
NAME=demo
export FLEET_STATE="${FLEET_STATE:-/tmp/kamal-fleet}"

step() { printf '\n==> %s\n' "$*"; }

if [[ "${1:-up}" == down ]]; then
  "$FLEET" down "$NAME"
  exit 0
fi
[[ "${1:-up}" == up ]] || { echo "usage: $0 [up|down]" >&2; exit 2; }
[[ $EUID -eq 0 ]] || { echo "deploy-local.sh: run as root (the fleet uses network namespaces): sudo $0" >&2; exit 1; }

step "1/4 Local fleet '$NAME': 3 hosts on 198.18.60.0/24, each with sshd and Docker, registry 198.18.60.1:5000"
"$FLEET" up "$NAME" 3 --subnet 60 --docker

step "2/4 Base image kamal-fleet/busybox:latest (the example's FROM; there is no Docker Hub here)"
"$PROJECT/src/it/fleet/images.sh" "$NAME"

step "3/4 Install kamal-maven-plugin into the local Maven repository"
(cd "$PROJECT" && ./mvnw -B -q install -DskipTests -Dinvoker.skip)

step "4/4 mvn kamal:setup in examples/hello (builds with the fleet's local Docker daemon)"
export DOCKER_HOST
DOCKER_HOST="$(cat "$FLEET_STATE/$NAME/docker.host")"
# Debian's docker.io has no buildx: the classic builder.
export DOCKER_BUILDKIT=0
start=$(date +%s)
(cd "$HERE/hello" && ../../mvnw -B kamal:setup)
echo "kamal:setup took $(( $(date +%s) - start )) s"

step "The app is running"
for i in 1 2; do
  host="198.18.60.1$i"
  sock="unix:///run/docker-$NAME-$i.sock"
  container="$(/usr/bin/docker -H "$sock" ps --latest --filter label=service=hello --filter label=role=web --format '{{.Names}}')"
  port="$(/usr/bin/docker -H "$sock" port "$container" 80/tcp)"
  port="${port%%$'\n'*}"
  port="${port##*:}"
  printf '  %-45s -> %s\n' "curl http://$host:$port/" "$(curl -s --max-time 5 "http://$host:$port/" || echo '(no answer)')"
done
worker="$(/usr/bin/docker -H "unix:///run/docker-$NAME-3.sock" ps --filter label=service=hello --format '{{.Names}} ({{.Status}})')"
echo "  workers on 198.18.60.13: $worker"
cat <<TEXT

Deploy again after a change (kamal:deploy is bound to Maven's deploy phase):
  cd examples/hello && DOCKER_HOST=$DOCKER_HOST DOCKER_BUILDKIT=0 ../../mvnw deploy
Other goals: ../../mvnw kamal:details | kamal:app-logs | kamal:rollback -Dkamal.version=<version>
Remove the fleet:
  examples/deploy-local.sh down
TEXT
