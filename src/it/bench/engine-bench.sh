#!/usr/bin/env bash
# Engine benchmark: 10 commands on each of 50 real sshd hosts (fleet bn, subnet 41) through HostRunner and
# JschTransport, with TCP_NODELAY on and off, alternating, RUNS times each (default 1). Needs root (fleet.sh).
# Each measurement runs in a fresh JVM. Figures and how to read them: docs/performance.md.
#
#   src/it/bench/engine-bench.sh [RUNS]
#   HOSTS=50 COMMANDS=10 JAVA_OPTS=... src/it/bench/engine-bench.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
RUNS="${1:-1}"
./mvnw -B -o -q test-compile
./mvnw -B -o -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/cp.txt
CP="target/test-classes:target/classes:$(cat target/cp.txt)"
trap 'src/it/fleet/fleet.sh down bn' EXIT
for (( i = 1; i <= RUNS; i++ )); do
  for nodelay in on off; do
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} -Dkamal.projectDir="$PWD" -cp "$CP" org.kamal4j.engine.EngineBenchmark \
      --hosts "${HOSTS:-50}" --commands "${COMMANDS:-10}" --nodelay "$nodelay" --keep
  done
done
