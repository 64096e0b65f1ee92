#!/usr/bin/env bash
# The main job, on one machine: a local 3-host fleet (each host: sshd and its own Docker daemon, in its own network
# namespace; a registry; a local Docker daemon for building), then examples/hello deployed with kamal-maven-plugin:
# v1 with `mvn kamal:setup` (web on hosts 1-2 behind the real kamal-proxy on port 80, workers on host 3), then v2
# with `mvn deploy` while a bounded HTTP client keeps asking both web hosts. Ends with a short summary.
#
#   examples/deploy-local.sh         as root (sudo examples/deploy-local.sh works too); run it again to redeploy
#   examples/deploy-local.sh down    remove the fleet and everything on it
#
# Installs what it lacks from .ci/packages (the list .ci/run installs too). Fleet name: KAMAL_DEMO_FLEET (default
# demo), always on subnet 198.18.60.0/24 as config/deploy.yml says. MAVEN_ARGS=-o makes the Maven steps offline.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT="$(cd "$HERE/.." && pwd)"
FLEET="$PROJECT/src/it/fleet/fleet.sh"
export KAMAL_DEMO_FLEET="${KAMAL_DEMO_FLEET:-demo}"
export FLEET_STATE="${FLEET_STATE:-/tmp/kamal-fleet}"
NAME="$KAMAL_DEMO_FLEET"
WEB=(198.18.60.11 198.18.60.12)
PAGE="hello from kamal-maven-plugin"

step() { printf '\n==> %s\n' "$*"; }

[[ $EUID -eq 0 ]] || { echo "deploy-local.sh: run as root (the fleet uses network namespaces)" >&2; exit 1; }
case "${1:-up}" in
  down) "$FLEET" down "$NAME"; exit 0 ;;
  up) ;;
  *) echo "usage: $0 [up|down]" >&2; exit 2 ;;
esac
started=$SECONDS

step "1/6 Packages (.ci/packages; apt-get installs what is missing)"
"$PROJECT/.ci/install-packages.sh"

step "2/6 Local fleet '$NAME': 3 hosts on 198.18.60.0/24, each with sshd and Docker; registry 198.18.60.1:5000"
"$FLEET" up "$NAME" 3 --subnet 60 --docker

step "3/6 Images: the example's base image and the real kamal-proxy v0.9.2 on every host (no Docker Hub here)"
"$PROJECT/src/it/fleet/images.sh" "$NAME"

step "4/6 Install kamal-maven-plugin into the local Maven repository"
(cd "$PROJECT" && ./mvnw -B -q install -Dmaven.test.skip=true -Dinvoker.skip)

export DOCKER_HOST
DOCKER_HOST="$(cat "$FLEET_STATE/$NAME/docker.host")"
export DOCKER_BUILDKIT=0   # Debian's docker.io has no buildx: the classic builder
mvn_hello() { (cd "$HERE/hello" && ../../mvnw -B "$@"); }

step "5/6 v1: mvn kamal:setup in examples/hello (Docker checked, kamal-proxy started, app booted)"
mvn_hello kamal:setup -Dkamal.version=v1 "-Dkamal.deploy.builder.args.APP_VERSION=$PAGE v1"

step "6/6 v2: mvn deploy while a client keeps asking http://${WEB[0]}/ and http://${WEB[1]}/"
log="$(mktemp)"; stop="$(mktemp)"
# Bounded: only the fleet's web addresses, at most 20000 requests or 10 minutes, and it stops when the deploy ends.
(
  n=0; end=$(( SECONDS + 600 ))
  while [[ -e "$stop" ]] && (( n < 20000 && SECONDS < end )); do
    for host in "${WEB[@]}"; do
      answer="$(curl -s --max-time 5 -w ' %{http_code}' "http://$host/" | tr -d '\r\n' || true)"
      printf '%s %s\n' "$host" "${answer:- 000}" >> "$log"
      n=$(( n + 1 ))
    done
  done
) &
client=$!
sleep 1
deploy_start=$SECONDS
mvn_hello deploy -Dkamal.version=v2 "-Dkamal.deploy.builder.args.APP_VERSION=$PAGE v2"
deploy_seconds=$(( SECONDS - deploy_start ))
sleep 1
rm -f "$stop"
wait "$client"

total=$(wc -l < "$log")
failed=$(grep -vc ' 200$' "$log" || true)
v1=$(grep -c "$PAGE v1 200\$" "$log" || true)
v2=$(grep -c "$PAGE v2 200\$" "$log" || true)
rm -f "$log"

step "Summary ($(( SECONDS - started )) s in all; the v2 deploy took $deploy_seconds s)"
for host in "${WEB[@]}"; do
  printf '  http://%s/  ->  %s (through kamal-proxy)\n' "$host" "$(curl -s --max-time 5 "http://$host/" || echo '(no answer)')"
done
worker="$(/usr/bin/docker -H "unix:///run/docker-$NAME-3.sock" ps --filter label=service=hello --format '{{.Names}}')"
echo "  workers on 198.18.60.13: ${worker:-(none running)}"
echo "  $total requests during the deploy, $failed failed, v1 -> v2 ($v1 answered v1, $v2 answered v2)"
cat <<TEXT

Deploy again after a change (commit it first: the image is built from a clean git clone of HEAD, as Kamal does;
kamal:deploy is bound to Maven's deploy phase):
  cd examples/hello && DOCKER_HOST=$DOCKER_HOST DOCKER_BUILDKIT=0 KAMAL_DEMO_FLEET=$NAME ../../mvnw deploy -Dkamal.version=v3
Remove everything: examples/deploy-local.sh down
TEXT
(( failed == 0 ))
