#!/usr/bin/env bash
# Jib against docker build, in one run: the same app (examples/hello-jib), the same base image (jre:17 in the fleet
# registry), the same registry, alternating, RUNS times each. Before every build the app's source gets a one-line
# change, so each build makes and pushes a new classes layer (the common case: a release after a code change).
# Needs root (the fleet: a local dockerd and a registry). Figures: docs/performance.md, "Jib builds".
#
#   src/it/bench/jib-vs-docker.sh [RUNS]       (default 3)
#
#   jib:    mvn -o package kamal:build-push           (Jib inside Maven, no Docker daemon: DOCKER_HOST points nowhere)
#   docker: mvn -o package, then docker build + docker push of a Dockerfile FROM jre:17 that copies target/classes
#           and has the same entrypoint (Debian's docker 20.10 CLI, legacy builder, the fleet's local dockerd)
# Both columns are whole commands as a user runs them (Maven start-up included); "step" is the image part alone
# (Jib's own "Jib pushed ... in N s" line; docker build + push wall time).
#
# Environment: KAMAL_FLEET_TAG (fleet name jv<TAG>, default b), KEEP_FLEET=1 leaves the fleet up,
# BENCH_DIR work directory (default a new /tmp/jib-vs-docker.XXXX, kept: it holds every run's log).
set -euo pipefail
PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$PROJECT"
RUNS="${1:-3}"
NAME="jv${KAMAL_FLEET_TAG:-b}"
WORK="${BENCH_DIR:-$(mktemp -d /tmp/jib-vs-docker.XXXX)}"
DOCKER=/usr/bin/docker
say() { echo "==> $*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'; }

LOAD_BEFORE="$(load)"
say "fleet $NAME (local dockerd + registry) and the jre:17 base image"
src/it/fleet/fleet.sh up "$NAME" 1 --docker >/dev/null
[[ "${KEEP_FLEET:-0}" == 1 ]] || trap 'src/it/fleet/fleet.sh down "$NAME" >/dev/null 2>&1 || true' EXIT
src/it/fleet/jre-image.sh "$NAME" >/dev/null
STATE="${FLEET_STATE:-/tmp/kamal-fleet}/$NAME"
REG="$(cat "$STATE/registry.address")"
LOCAL_DOCKER="$(cat "$STATE/docker.host")"

say "packaging the plugin into a throw-away local repository"
./mvnw -B -o -q package -DskipTests -Dinvoker.skip >/dev/null
JAR="$(ls target/kamal-maven-plugin-*.jar | grep -v -e sources -e javadoc | head -1)"
M2="$HOME/.m2/repository"
MVN=("$PROJECT/mvnw" -B -o -Dmaven.repo.local="$WORK/repo" -Dmaven.repo.local.tail="$M2")
"${MVN[@]}" -q org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file -Dfile="$JAR" -DpomFile=pom.xml \
  >/dev/null

APP="$WORK/app"
rm -rf "$APP" && mkdir -p "$WORK/logs" && cp -r examples/hello-jib "$APP" && rm -rf "$APP/target"
mkdir -p "$APP/.kamal" && echo "KAMAL_REGISTRY_PASSWORD=unused" > "$APP/.kamal/secrets"
MAIN="$(sed -n 's/^ *main_class: *//p' "$APP/config/deploy.yml")"
cat > "$APP/Dockerfile" <<EOF
FROM $REG/jre:17
COPY target/classes /app/classes
ENTRYPOINT ["java", "-Xmx64m", "-cp", "/app/classes", "$MAIN"]
EOF
SOURCE="$(grep -rl 'GREETING = "' "$APP/src/main/java" | head -1)"
# a changed string constant changes the bytecode (a comment would not), so the classes layer is new every time
change() { sed -i "s/GREETING = \"[^\"]*\"/GREETING = \"hello from Jib, build $1\"/" "$SOURCE"; }

jib() {  # $1 = tag; prints "whole step"
  local t0 t1 log="$WORK/logs/jib-$1.log"
  change "$1"; t0="$(now)"
  (cd "$APP" && DOCKER_HOST=unix:///nonexistent/docker.sock "${MVN[@]}" package kamal:build-push \
    -Dkamal.version="$1" -Dkamal.deploy.registry.server="$REG" -Dkamal.deploy.builder.jib.from="$REG/jre:17" \
    -Dkamal.deploy.ssh.keys="[$STATE/id_ed25519]" -Dkamal.deploy.ssh.known_hosts="$STATE/known_hosts") \
    >"$log" 2>&1 || { echo "jib build failed: $log" >&2; exit 1; }
  t1="$(now)"
  echo "$(minus "$t1" "$t0") $(sed -n 's/.*Jib pushed .* in \([0-9.]*\) s.*/\1/p' "$log" | head -1)"
}

dockerb() {  # $1 = tag; prints "whole step"
  local t0 t1 t2 log="$WORK/logs/docker-$1.log"
  change "$1"; t0="$(now)"
  (cd "$APP" && "${MVN[@]}" -q package >"$log" 2>&1) || { echo "mvn package failed: $log" >&2; exit 1; }
  t1="$(now)"
  (cd "$APP" && DOCKER_HOST="$LOCAL_DOCKER" DOCKER_BUILDKIT=0 $DOCKER build -q -t "$REG/hello-jib-docker:$1" . \
    && DOCKER_HOST="$LOCAL_DOCKER" $DOCKER push -q "$REG/hello-jib-docker:$1") >>"$log" 2>&1 \
    || { echo "docker build failed: $log" >&2; exit 1; }
  t2="$(now)"
  echo "$(minus "$t2" "$t0") $(minus "$t2" "$t1")"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

say "warm-up (one build each, not counted: fills Maven's and the daemon's caches)"
jib w1 >/dev/null; dockerb w2 >/dev/null
: >"$WORK/jib.txt"; : >"$WORK/docker.txt"
for (( i = 1; i <= RUNS; i++ )); do
  # the order of the pair alternates, so neither tool always runs on a machine the other just warmed
  if (( i % 2 )); then jib "j$i" >>"$WORK/jib.txt"; dockerb "d$i" >>"$WORK/docker.txt"
  else dockerb "d$i" >>"$WORK/docker.txt"; jib "j$i" >>"$WORK/jib.txt"; fi
  say "pair $i: jib $(tail -1 "$WORK/jib.txt") | docker $(tail -1 "$WORK/docker.txt")  (whole step, s)"
done

printf '\n%-8s %14s %14s\n' "" "whole (median)" "step (median)"
for t in jib docker; do
  printf '%-8s %13.1fs %13.1fs\n' "$t" "$(cut -d' ' -f1 "$WORK/$t.txt" | median)" \
    "$(cut -d' ' -f2 "$WORK/$t.txt" | median)"
done
echo "runs: $RUNS each, alternating; load before: $LOAD_BEFORE, after: $(load); logs: $WORK/logs"
