#!/usr/bin/env bash
# Side by side: real Kamal 2.12 and the plugin deploy (or roll back) the same app to the same fleet hosts from the
# same config/deploy.yml, alternating, RUNS times each. Needs root (the fleet). Figures: docs/performance.md.
#
#   src/it/bench/vs-kamal.sh HOSTS real|fake RUNS [deploy|rollback]
#
#   real: every host runs its own dockerd and pulls from the fleet's registry (src/it/fleet/fleet.sh --docker);
#   fake: real sshd per host, but a stand-in `docker` (src/it/bench/fake-docker.sh) first on the remote PATH, so
#         the figures are the two tools, SSH and sshd, not Docker.
#
# Environment:
#   KAMAL            real Kamal's launcher (default ../shared/kamal-anchor/kamal beside the project, set up with
#                    its setup.sh); when it does not run, the plugin is measured alone and the output says so
#   KAMAL_FLEET_TAG  fleet names end with it (default b): r<HOSTS><TAG> (real); f<HOSTS><TAG>, g<HOSTS><TAG>, ...
#                    (fake, 200 hosts each), so runs of different sizes can share the machine
#   BOOT_LIMIT       adds `boot: {limit: BOOT_LIMIT}` to the deploy.yml (e.g. 25%)
#   JAVA_HOME        the JDK Maven runs the plugin on (default: the java on the PATH); the summary names it
#   JVM_CONFIG       written to the app's .mvn/jvm.config; default "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC
#                    -Xms64m", what examples/hello and docs/performance.md recommend for a project that deploys;
#                    JVM_CONFIG= (empty) for none
#   KEEP_FLEET=1     leave the fleets up at the end (a second call reuses them); SKIP_BUILD=1 reuses target/*.jar
#   FLOOR=1          deploy or rollback: also runs src/it/bench/docker-floor.sh as a third "tool" (floor): the
#                    Docker work over plain ssh with no tool around it (what neither tool can go below on this
#                    machine; on fake hosts the stand-in docker's work and sshd's), and Maven alone (`mvn
#                    validate` in the app, no plugin goal: what any Maven plugin pays before its first line runs)
#   WARMUPS=1        deploy only: one warm-up deploy (by the plugin) instead of two, for 500 hosts where a run
#                    takes minutes
#   MVN              the Maven launcher that runs the plugin (default: bin/mvn of the Maven 3.9 distribution the
#                    project's ./mvnw installed, i.e. Maven as a user with Maven installed runs it). MVN=./mvnw
#                    measures through the wrapper script, which adds ~0.2 s of its own per call (it hashes the
#                    distribution URL in shell, one process per character) before Maven starts
#   BENCH_DIR        work directory (default a new /tmp/vs-kamal.XXXX; kept, it holds every run's log)
#
# The deploy.yml: service `bench`, image `bench` (examples/hello's image with label service=bench), role `web`
# (proxy: false) on 80 % of the hosts and role `workers` on the rest (at least one when HOSTS >= 2), registry login,
# one clear env var. Kamal runs `ruby ... bin/kamal deploy -P --version V` (or `kamal rollback V`), the plugin
# `mvn -B -o kamal:deploy -Dkamal.skipPush=true -Dkamal.version=V` (or `kamal:rollback`), from a throw-away local
# repository chained before ~/.m2 (nothing is installed into ~/.m2). Every deploy boots a version not yet on the
# hosts (k1, p1, k2, ...), so each has an old container to replace; the order of the pair alternates.
set -euo pipefail
PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$PROJECT"
usage() { sed -n '5p' "$0" | sed 's/^#  //' >&2; exit 2; }
say() { echo "vs-kamal: $*" >&2; }

# ---- summary (also `vs-kamal.sh --summary WORKDIR`: the runs finished so far, e.g. of an interrupted benchmark) ----
summary() {
  stats() { # TOOL COLUMN -> "median min max"
    awk -v t="$1" -v c="$2" '$1 == t { print $c }' "$WORK/results" | sort -g | awk '
      { v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f %.2f %.2f", m, v[1], v[NR] }'
  }
  range() { # TOOL MINCOL MAXCOL -> "a-b" over all runs
    awk -v t="$1" -v a="$2" -v b="$3" '$1 == t { if (lo == "" || $a < lo) lo = $a; if ($b > hi) hi = $b } END { print (lo == hi ? lo : lo "-" hi) }' "$WORK/results"
  }
  echo
  # issue 14's wall goal for this scenario: 0.8 x Kamal on real hosts, 0.6 on 10 fake ones, 0.5 on 100 and more
  local GOAL=0.5; [[ "$MODE" == real ]] && GOAL=0.8; [[ "$MODE" == fake && "$HOSTS" -lt 100 ]] && GOAL=0.6
  local finished; finished="$(awk '$1 == "plugin"' "$WORK/results" | wc -l)"
  echo "== $SCENARIO, $HOSTS $MODE hosts ($web web with proxy: false, $workers workers), $finished of $RUNS runs each, alternating"
  echo "   $(date -u +%FT%TZ), $(nproc) cores, load (1/5/15 min) before $LOAD_START, after $LOAD_END"
  echo "   plugin $PLUGIN_VERSION run by ${MVN:-mvn} on ${JAVA_VERSION:-java}$([[ -n "${JVM_CONFIG:-}" ]] && echo " with .mvn/jvm.config: $JVM_CONFIG")$(
    (( HAVE_KAMAL )) && echo ", Kamal $KAMAL_VERSION" || echo ", KAMAL NOT RUN: plugin alone")${BOOT_LIMIT:+, boot.limit $BOOT_LIMIT}"
  echo
  printf '| %-6s | %-22s | %-22s | %-13s | %-14s | %-16s |\n' tool "wall s (median min-max)" "CPU s (median min-max)" \
    "peak RSS MiB" "commands/host" "connections/host"
  echo "|---|---|---|---|---|---|"
  for t in "${TOOLS[@]}"; do
    read -r wm wlo whi <<< "$(stats "$t" 3)"; read -r cm clo chi <<< "$(stats "$t" 4)"
    read -r rm _ rhi <<< "$(stats "$t" 5)"
    printf '| %-6s | %-22s | %-22s | %-13s | %-14s | %-16s |\n' "$t" "$wm ($wlo-$whi)" "$cm ($clo-$chi)" \
      "$(( ${rm%.*} / 1024 )) (max $(( ${rhi%.*} / 1024 )))" "$(range "$t" 6 7)" "$(range "$t" 8 9)"
  done
  if (( HAVE_KAMAL )); then
    read -r kw _ _ <<< "$(stats kamal 3)"; read -r pw _ _ <<< "$(stats plugin 3)"
    read -r kc _ _ <<< "$(stats kamal 4)"; read -r pc _ _ <<< "$(stats plugin 4)"
    echo
    echo "ratio plugin / Kamal (medians): wall $(awk -v a="$pw" -v b="$kw" 'BEGIN { printf "%.2f", a / b }')," \
      "client CPU $(awk -v a="$pc" -v b="$kc" 'BEGIN { printf "%.2f", a / b }')"
    echo "table row: | $HOSTS $MODE hosts, $SCENARIO | $kw s / $kc s | $pw s / $pc s |" \
      "$(awk -v a="$pw" -v b="$kw" -v c="$pc" -v d="$kc" 'BEGIN { printf "%.2f / %.2f", a / b, c / d }') | $LOAD_START -> $LOAD_END |"
  fi
  if [[ " ${TOOLS[*]} " == *" floor "* ]]; then
    read -r fw _ _ <<< "$(stats floor 3)"; read -r pw _ _ <<< "$(stats plugin 3)"
    echo "the Docker work alone (floor): wall $fw s; the plugin takes $(awk -v a="$pw" -v b="$fw" 'BEGIN { printf "%.2f", a - b }') s more$(
      (( HAVE_KAMAL )) && read -r kw _ _ <<< "$(stats kamal 3)" && echo ", Kamal $(awk -v a="$kw" -v b="$fw" 'BEGIN { printf "%.2f", a - b }') s more;" \
        "the goal $GOAL x Kamal = $(awk -v a="$kw" -v g="$GOAL" 'BEGIN { printf "%.2f", g * a }') s")"
  fi
  if [[ " ${TOOLS[*]} " == *" maven "* ]]; then
    read -r mw _ _ <<< "$(stats maven 3)"; read -r fw _ _ <<< "$(stats floor 3)"; read -r pw _ _ <<< "$(stats plugin 3)"
    echo "Maven alone (mvn validate in the app, no plugin): wall $mw s; floor + Maven = $(awk -v a="$fw" -v b="$mw" \
      'BEGIN { printf "%.2f", a + b }') s, the plugin's own share above that $(awk -v p="$pw" -v a="$fw" -v b="$mw" \
      'BEGIN { printf "%.2f", p - a - b }') s"
  fi
  echo "runs: $WORK/results (tool label wall cpu rssKiB cmdMin cmdMax connMin connMax load1Before load1After sftpSessions); logs: $WORK/logs"
}

if [[ "${1:-}" == --summary ]]; then
  WORK="${2:?usage: vs-kamal.sh --summary WORKDIR}"
  # shellcheck disable=SC1091
  source "$WORK/meta"
  LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg) (now)"
  summary
  exit 0
fi
HOSTS="${1:-}"; MODE="${2:-}"; RUNS="${3:-}"; SCENARIO="${4:-deploy}"
[[ "$HOSTS" =~ ^[0-9]+$ ]] && (( HOSTS >= 1 && HOSTS <= 999 )) || usage
[[ "$MODE" == real || "$MODE" == fake ]] || usage
[[ "$RUNS" =~ ^[0-9]+$ ]] && (( RUNS >= 1 )) || usage
[[ "$SCENARIO" == deploy || "$SCENARIO" == rollback ]] || usage
[[ "${WARMUPS:-2}" == 2 || ( "${WARMUPS:-2}" == 1 && "$SCENARIO" == deploy ) ]] || { echo "vs-kamal: WARMUPS is 2, or 1 for a deploy" >&2; exit 2; }
[[ "$MODE" == real && "$HOSTS" -gt 20 ]] && { echo "vs-kamal.sh: at most 20 real hosts (one dockerd each)" >&2; exit 2; }
[[ "$(id -u)" == 0 ]] || { echo "vs-kamal.sh: needs root (the fleet uses network namespaces)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "vs-kamal.sh: installing GNU time"; apt-get install -y --no-install-recommends time >/dev/null; }

TAG="${KAMAL_FLEET_TAG:-b}"
STATE_ROOT="${FLEET_STATE:-/tmp/kamal-fleet}"
KAMAL="${KAMAL:-$PROJECT/../shared/kamal-anchor/kamal}"
export KAMAL_SRC="${KAMAL_SRC:-$HOME/.cache/kamal-src}"   # the launcher looks under $HOME, which a run changes
WORK="${BENCH_DIR:-$(mktemp -d /tmp/vs-kamal.XXXX)}"
mkdir -p "$WORK"/{home/.ssh,repo,app/config,app/.kamal,logs}
FLEET="src/it/fleet/fleet.sh"

if "$KAMAL" version >/dev/null 2>&1; then
  HAVE_KAMAL=1; KAMAL_VERSION="$("$KAMAL" version)"
else
  HAVE_KAMAL=0; KAMAL_VERSION=none
  say "Kamal does not run ($KAMAL): measuring the PLUGIN ALONE, no ratios (see ../shared/kamal-anchor/README.md)"
fi

# ---- the plugin, into a throw-away local repository --------------------------------------------------------------
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  say "packaging the plugin"
  ./mvnw -B -o -q package -DskipTests -Dinvoker.skip >/dev/null
fi
JAR="$(ls target/kamal-maven-plugin-*.jar | grep -v -e sources -e javadoc | head -1)"
PLUGIN_VERSION="$(basename "$JAR" .jar)"; PLUGIN_VERSION="${PLUGIN_VERSION#kamal-maven-plugin-}"
M2="$HOME/.m2/repository"
if [[ -z "${MVN:-}" ]]; then
  MVN="$(MVNW_VERBOSE=true ./mvnw -v 2>/dev/null | sed -n 's/^found existing MAVEN_HOME at //p' | head -1)/bin/mvn"
fi
[[ "$MVN" == ./* ]] && MVN="$PROJECT/${MVN#./}"
[[ -x "$MVN" ]] || { say "no Maven launcher at $MVN (set MVN)"; exit 2; }
./mvnw -B -o -q -Dmaven.repo.local="$WORK/repo" -Dmaven.repo.local.tail="$M2" \
  org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file -Dfile="$JAR" -DpomFile=pom.xml >/dev/null

# ---- fleets -------------------------------------------------------------------------------------------------------
FLEETS=()
if [[ "$MODE" == real ]]; then
  FLEETS=("r$HOSTS$TAG")
else
  for (( c = 0; c * 200 < HOSTS; c++ )); do
    FLEETS+=("$(echo fghij | cut -c$(( c + 1 )))$HOSTS$TAG")
  done
fi
cleanup() {
  [[ "${KEEP_FLEET:-0}" == 1 ]] && { say "fleets left up: ${FLEETS[*]} (fleet.sh down NAME)"; return; }
  local f; for f in "${FLEETS[@]}"; do "$FLEET" down "$f" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT

left="$HOSTS"
for f in "${FLEETS[@]}"; do
  n=$(( left > 200 ? 200 : left )); left=$(( left - n ))
  say "fleet $f: $n hosts ($MODE)"
  if [[ "$MODE" == real ]]; then
    "$FLEET" up "$f" "$n" --docker >/dev/null
    src/it/fleet/images.sh "$f"
  else
    "$FLEET" up "$f" "$n" >/dev/null
    install -m 0755 src/it/bench/fake-docker.sh "$STATE_ROOT/$f/path/docker"
    rm -rf "$STATE_ROOT/$f"/hosts/*/fake-docker
  fi
done
F1="$STATE_ROOT/${FLEETS[0]}"
# One key and one known_hosts for both tools: the first fleet's key is authorised on every fleet.
cp "$F1/id_ed25519" "$WORK/home/.ssh/id_ed25519"; chmod 600 "$WORK/home/.ssh/id_ed25519"
: > "$WORK/home/.ssh/known_hosts"; : > "$WORK/hosts.txt"; LOGS=()
for f in "${FLEETS[@]}"; do
  d="$STATE_ROOT/$f"
  [[ "$d" == "$F1" ]] || cat "$F1/id_ed25519.pub" >> "$d/authorized_keys"
  cat "$d/known_hosts" >> "$WORK/home/.ssh/known_hosts"
  cat "$d/hosts.txt" >> "$WORK/hosts.txt"
  for (( i = 1; i <= $(cat "$d/count"); i++ )); do LOGS+=("$d/hosts/$i/sshd.log"); done
done
mapfile -t ADDRS < "$WORK/hosts.txt"

if [[ "$MODE" == real ]]; then
  REG="$(cat "$F1/registry.address")"
else
  REG="198.18.$(cat "$F1/subnet").1:5000"   # never contacted: the stand-in docker answers the pulls
fi

# ---- versions -----------------------------------------------------------------------------------------------------
FLOOR="${FLOOR:-0}"
# Versions start with this run's time, so a fleet kept up from an earlier run (KEEP_FLEET=1) has no container of
# the version being booted: otherwise each deploy would first rename the earlier run's container out of the way.
VP="$(date +%H%M%S)-"
VERSIONS=("${VP}w1" "${VP}w2")
for (( i = 1; i <= RUNS; i++ )); do VERSIONS+=("${VP}k$i" "${VP}p$i"); (( FLOOR )) && VERSIONS+=("${VP}f$i"); done
if [[ "$MODE" == real ]]; then
  say "pushing $REG/bench:{${VERSIONS[*]}} (examples/hello's app:v1 with label service=bench)"
  export DOCKER_HOST; DOCKER_HOST="$(cat "$F1/docker.host")"
  # A health check that tolerates a loaded machine (examples/hello's 2 s timeout and 3 retries fail at load 40).
  printf 'FROM %s/app:v1\nLABEL service=bench\nHEALTHCHECK --interval=1s --timeout=10s --start-period=1s --retries=10 CMD wget -q -O /dev/null http://127.0.0.1:80/up || exit 1\n' "$REG" | DOCKER_BUILDKIT=0 /usr/bin/docker build -q -t bench:base - >/dev/null
  for v in "${VERSIONS[@]}"; do
    /usr/bin/docker tag bench:base "$REG/bench:$v"
    /usr/bin/docker push -q "$REG/bench:$v" >/dev/null
  done
  unset DOCKER_HOST
fi

# ---- the app both tools deploy ------------------------------------------------------------------------------------
workers=0; (( HOSTS >= 2 )) && workers=$(( HOSTS / 5 > 0 ? HOSTS / 5 : 1 ))
web=$(( HOSTS - workers ))
{
  echo "# Written by src/it/bench/vs-kamal.sh: read by Kamal 2.12 and by kamal-maven-plugin alike."
  echo "service: bench"
  echo "image: bench"
  echo "registry:"
  echo "  server: $REG"
  echo "  username: bench"
  # A literal password, no .kamal/secrets: Debian 12's dotenv gem lacks what Kamal 2.12 reads secrets files with.
  echo "  password: bench-registry-password"
  echo "servers:"
  echo "  web:"
  echo "    proxy: false"
  echo "    hosts:"
  for (( i = 0; i < web; i++ )); do echo "      - ${ADDRS[$i]}"; done
  if (( workers )); then
    echo "  workers:"
    echo "    hosts:"
    for (( i = web; i < HOSTS; i++ )); do echo "      - ${ADDRS[$i]}"; done
  fi
  echo "env:"
  echo "  clear:"
  echo "    BENCH: side-by-side"
  echo "deploy_timeout: 120   # generous: the benchmark machine may be very busy"
  echo "builder:"
  echo "  arch: amd64"
  echo "ssh:"
  echo "  user: root"
  echo "  keys_only: true"
  echo "  keys:"
  echo "    - $WORK/home/.ssh/id_ed25519"
  [[ -n "${BOOT_LIMIT:-}" ]] && { echo "boot:"; echo "  limit: \"$BOOT_LIMIT\""; }
} > "$WORK/app/config/deploy.yml"
rm -f "$WORK/app/.kamal/secrets"
# Kamal resolves a default version from git even when given one (rollback fails outside a repository): one commit.
if [[ ! -d "$WORK/app/.git" ]]; then
  git -C "$WORK/app" init -q
  git -C "$WORK/app" -c user.name=bench -c user.email=bench@localhost commit -q --allow-empty -m bench
fi
cat > "$WORK/app/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.kamal4j.bench</groupId>
  <artifactId>bench</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>org.kamal4j</groupId>
        <artifactId>kamal-maven-plugin</artifactId>
        <version>$PLUGIN_VERSION</version>
      </plugin>
    </plugins>
  </build>
</project>
POM
rm -rf "$WORK/app/.mvn"
JVM_CONFIG="${JVM_CONFIG-"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m"}"
if [[ -n "$JVM_CONFIG" ]]; then mkdir -p "$WORK/app/.mvn"; echo "$JVM_CONFIG" > "$WORK/app/.mvn/jvm.config"; fi

# ---- one run ------------------------------------------------------------------------------------------------------
# tool_cmd TOOL ACTION VERSION: the command line, run in the app directory.
tool_cmd() {
  if [[ "$1" == kamal ]]; then
    echo "env HOME=$WORK/home KAMAL_SRC=$KAMAL_SRC $KAMAL $2 $([[ "$2" == deploy ]] && echo "-P --version $3" || echo "$3")"
  elif [[ "$1" == maven ]]; then
    echo "env MAVEN_OPTS=-Duser.home=$WORK/home $MVN -B -o -Dmaven.repo.local=$WORK/repo -Dmaven.repo.local.tail=$M2 validate"
  elif [[ "$1" == floor ]]; then
    echo "env FLOOR_MODE=$2 FLOOR_KEY=$WORK/home/.ssh/id_ed25519 FLOOR_KNOWN_HOSTS=$WORK/home/.ssh/known_hosts FLOOR_REG=$REG" \
      "FLOOR_DIR=$WORK FLOOR_WEB=$(IFS=,; echo "${ADDRS[*]:0:$web}") FLOOR_WORKERS=$(IFS=,; echo "${ADDRS[*]:$web}") bash $PROJECT/src/it/bench/docker-floor.sh $3 $current"
  else
    echo "env MAVEN_OPTS=-Duser.home=$WORK/home $MVN -B -o -Dmaven.repo.local=$WORK/repo" \
      "-Dmaven.repo.local.tail=$M2 kamal:$2 -Dkamal.version=$3$([[ "$2" == deploy ]] && echo " -Dkamal.skipPush=true")"
  fi
}

# Lines of every host's sshd log so far.
log_offsets() { local l; for l in "${LOGS[@]}"; do wc -l < "$l"; done; }

# measure TOOL ACTION VERSION LABEL: runs it, appends "tool label wall user+sys rssKiB cmdMin cmdMax connMin connMax
# load1Before load1After subsystems" to $WORK/results.
measure() {
  local tool="$1" action="$2" version="$3" label="$4" log="$WORK/logs/$4.log" rc=0
  local -a before; mapfile -t before < <(log_offsets)
  local load0; load0="$(cut -d' ' -f1 /proc/loadavg)"
  # shellcheck disable=SC2046
  (cd "$WORK/app" && /usr/bin/time -f '%e %U %S %M' -o "$WORK/logs/$label.time" $(tool_cmd "$tool" "$action" "$version") \
    > "$log" 2>&1) || rc=$?
  local load1; load1="$(cut -d' ' -f1 /proc/loadavg)"
  if (( rc != 0 )); then
    tail -40 "$log" >&2
    say "$label ($tool $action $version) FAILED with exit $rc; full log: $log"
    exit 1
  fi
  sleep 1   # fleet.sh's log writers stamp sshd's lines asynchronously
  local i cmds conns subs cmin=999999 cmax=0 nmin=999999 nmax=0 stot=0
  for (( i = 0; i < ${#LOGS[@]}; i++ )); do
    read -r cmds conns subs < <(tail -n "+$(( before[i] + 1 ))" "${LOGS[$i]}" | awk '
      # with fleet.sh ForceCommand, sshd logs every exec (and scp) session as "forced-command"
      /Starting session: / { c++ } /Starting session: subsystem/ { s++ } /Accepted publickey/ { n++ }
      END { print c + 0, n + 0, s + 0 }')
    (( cmds < cmin )) && cmin=$cmds; (( cmds > cmax )) && cmax=$cmds
    (( conns < nmin )) && nmin=$conns; (( conns > nmax )) && nmax=$conns
    stot=$(( stot + subs ))
  done
  local wall user sys rss; read -r wall user sys rss < "$WORK/logs/$label.time"
  local cpu; cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
  echo "$tool $label $wall $cpu $rss $cmin $cmax $nmin $nmax $load0 $load1 $stot" >> "$WORK/results"
  printf '  %-6s %-4s %-8s wall %6.2f s  cpu %6.2f s  rss %4d MiB  commands/host %s-%s  connections/host %s-%s  sftp %s  load %s -> %s\n' \
    "$tool" "$label" "$action $version" "$wall" "$cpu" $(( rss / 1024 )) "$cmin" "$cmax" "$nmin" "$nmax" "$stot" "$load0" "$load1" >&2
}

# ---- the runs -----------------------------------------------------------------------------------------------------
: > "$WORK/results"
TOOLS=(plugin); (( HAVE_KAMAL )) && TOOLS=(kamal plugin)
(( FLOOR )) && TOOLS+=(floor maven)
say "$SCENARIO on $HOSTS $MODE hosts ($web web, $workers workers), $RUNS runs each of: ${TOOLS[*]}; work dir $WORK"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
write_meta() {
  declare -p HOSTS MODE RUNS SCENARIO web workers HAVE_KAMAL KAMAL_VERSION PLUGIN_VERSION LOAD_START TOOLS > "$WORK/meta"
  declare -p JVM_CONFIG BOOT_LIMIT JAVA_VERSION >> "$WORK/meta" 2>/dev/null || true
}
# the JDK Maven runs on (mvnw takes JAVA_HOME's, else the java on the PATH)
JAVA_VERSION="$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | sed -n 1p)"
write_meta
# Warm-up, not counted: boots w1 and w2 (so every later deploy replaces a running container, and a rollback has a
# stopped one to go back to) and fills the page cache for both tools.
# WARMUPS=1 (deploy only) keeps the first, for large fleets where each run takes minutes.
warm=(plugin plugin); (( HAVE_KAMAL )) && warm=(plugin kamal)
measure "${warm[0]}" deploy "${VP}w1" warm1
current="${VP}w1"
if [[ "${WARMUPS:-2}" != 1 ]]; then
  measure "${warm[1]}" deploy "${VP}w2" warm2
  current="${VP}w2"
fi
: > "$WORK/results"
for (( i = 1; i <= RUNS; i++ )); do
  order=(); for (( j = 0; j < ${#TOOLS[@]}; j++ )); do order+=("${TOOLS[(j + i - 1) % ${#TOOLS[@]}]}"); done
  for t in "${order[@]}"; do
    if [[ "$SCENARIO" == deploy ]]; then
      v="$VP${t:0:1}$i"; measure "$t" deploy "$v" "${t:0:1}$i"
    else
      v=$([[ "$current" == "${VP}w1" ]] && echo "${VP}w2" || echo "${VP}w1"); measure "$t" rollback "$v" "${t:0:1}$i"
    fi
    [[ "$t" == maven ]] || current="$v"   # Maven alone deploys nothing
  done
done
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"

summary
