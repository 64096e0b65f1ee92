#!/usr/bin/env bash
# The floor of a deploy on real hosts: the Docker work every blue-green deploy of Kamal's shape has to do, sent
# straight over OpenSSH (one multiplexed connection per host) with no tool around it. vs-kamal.sh runs it as a third
# "tool" with FLOOR=1: its figures bound what Kamal and the plugin can reach on the same machine (on real hosts the
# Docker daemons' work; on fake hosts the stand-in docker's and sshd's, src/it/bench/fake-docker.sh).
#
#   docker-floor.sh NEW_VERSION OLD_VERSION
#
# Environment (vs-kamal.sh sets it): FLOOR_KEY, FLOOR_KNOWN_HOSTS, FLOOR_REG (registry host:port), FLOOR_WEB and
# FLOOR_WORKERS (comma-separated addresses), FLOOR_DIR (a scratch directory), FLOOR_MODE (deploy, the default, or
# rollback).
#
# Per host, as both tools do it: registry login, docker pull, the service label check; the web hosts run the new
# container and wait for it to be healthy (polling docker inspect every 0.1 s), then stop the old one; the worker
# hosts wait for the first healthy web container (the barrier), then do the same; then every host tags latest,
# removes stopped containers beyond five and the service's images no container uses. Left out: what only a tool needs (the lock,
# audit lines, asking what runs, the env file, the kamal network).
# A rollback (FLOOR_MODE=rollback, NEW_VERSION's container is there, stopped): as Kamal's rollback, no login, pull
# or prune; the stopped container is renamed out of the way and a new one run from the image still on the host,
# then the same wait, barrier and stop, and `latest` tagged again.
set -euo pipefail
NEW="$1"; OLD="$2"; IMAGE="$FLOOR_REG/bench"
CTL="$FLOOR_DIR/cm-%h"
ssh_() { ssh -i "$FLOOR_KEY" -o UserKnownHostsFile="$FLOOR_KNOWN_HOSTS" -o StrictHostKeyChecking=yes -o BatchMode=yes \
  -o ControlMaster=auto -o ControlPath="$CTL" -o ControlPersist=60 "root@$1" "$2"; }
# one connection per host for the whole run, closed at the end (the next run connects again, as the tools do)
trap 'for h in ${FLOOR_WEB//,/ } ${FLOOR_WORKERS//,/ }; do ssh -o ControlPath="$CTL" -O exit "root@$h" 2>/dev/null; done' EXIT

pull="echo bench-registry-password | docker login $FLOOR_REG -u bench --password-stdin >/dev/null \
&& docker pull -q $IMAGE:$NEW >/dev/null && docker inspect -f '{{ .Config.Labels.service }}' $IMAGE:$NEW | grep -qx bench"
boot() { # ROLE: run, wait until healthy
  echo "i=0; docker run --detach --restart unless-stopped --name bench-$1-$NEW --network kamal --label service=bench \
--label role=$1 --label destination= $IMAGE:$NEW >/dev/null && until [ \"\$(docker inspect --type container \
--format '{{.State.Health.Status}}' bench-$1-$NEW)\" = healthy ]; do i=\$((i + 1)); [ \$i -lt 1200 ] || exit 1; \
sleep 0.1; done"
}
stop() { echo "docker container ls --all --filter name=^bench-$1-$OLD\$ --quiet | xargs -r docker stop -t 30 >/dev/null"; }
prune="docker tag $IMAGE:$NEW $IMAGE:latest && docker ps -q -a --filter label=service=bench --filter status=created \
--filter status=exited --filter status=dead | tail -n +6 | while read c; do docker rm \$c >/dev/null; done; \
docker image prune --force --filter label=service=bench >/dev/null; docker image ls --filter label=service=bench \
--format '{{.ID}} {{.Repository}}:{{.Tag}}' | grep -v -w \"\$(docker container ls -a --format '{{.Image}}\\|' \
--filter label=service=bench | tr -d '\\n')$IMAGE:latest\\|$IMAGE:<none>\" | while read id tag; do docker rmi \$tag \
>/dev/null; done"

if [[ "${FLOOR_MODE:-deploy}" == rollback ]]; then
  pull=""
  rename() { echo "docker rename bench-$1-$NEW bench-$1-${NEW}_replaced_$RANDOM$RANDOM && "; }
  prune="docker tag $IMAGE:$NEW $IMAGE:latest"
else
  rename() { :; }
fi

barrier="$FLOOR_DIR/barrier-$NEW"; rm -f "$barrier"
host() { # ADDRESS ROLE
  [[ -z "$pull" ]] || ssh_ "$1" "$pull"
  if [[ "$2" == web ]]; then
    ssh_ "$1" "$(rename web)$(boot web)"; touch "$barrier"; ssh_ "$1" "$(stop web)"
  else
    local i=0; until [[ -f "$barrier" ]]; do (( ++i < 6000 )) || exit 1; sleep 0.02; done
    ssh_ "$1" "$(rename workers)$(boot workers) && $(stop workers)"
  fi
}
pids=()
for h in ${FLOOR_WEB//,/ }; do host "$h" web & pids+=($!); done
for h in ${FLOOR_WORKERS//,/ }; do host "$h" workers & pids+=($!); done
for p in "${pids[@]}"; do wait "$p"; done
pids=()
for h in ${FLOOR_WEB//,/ } ${FLOOR_WORKERS//,/ }; do ssh_ "$h" "$prune" & pids+=($!); done
for p in "${pids[@]}"; do wait "$p"; done
