#!/usr/bin/env bash
# Engine benchmark on real sshd hosts (fleet bn, subnet 41) through HostRunner and JschTransport. Needs root.
#   1. 10 commands on each of 50 hosts at once, TCP_NODELAY on and off;
#   2. 50 commands one after another on 1 host of the same fleet, TCP_NODELAY on and off (round-trip cost).
# The runs alternate on/off, RUNS times each (default 1), each in a fresh JVM. Figures: docs/performance.md.
#
#   src/it/bench/engine-bench.sh [RUNS]
#   HOSTS=50 COMMANDS=10 JAVA_OPTS=... src/it/bench/engine-bench.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
RUNS="${1:-1}"
HOSTS="${HOSTS:-50}"
./mvnw -B -o -q test-compile
./mvnw -B -o -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/cp.txt
CP="target/test-classes:target/classes:$(cat target/cp.txt)"
trap 'src/it/fleet/fleet.sh down bn' EXIT

bench() {
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -Dkamal.projectDir="$PWD" -cp "$CP" org.kamal4j.engine.EngineBenchmark --hosts "$HOSTS" --keep "$@"
}

for (( i = 1; i <= RUNS; i++ )); do
  for nodelay in on off; do bench --commands "${COMMANDS:-10}" --nodelay "$nodelay"; done
done
for (( i = 1; i <= RUNS; i++ )); do
  for nodelay in on off; do bench --use 1 --commands 50 --nodelay "$nodelay"; done
done
