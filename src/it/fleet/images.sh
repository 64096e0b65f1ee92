#!/usr/bin/env bash
# Builds the fleet's test images with the fleet's local dockerd and pushes them to the fleet registry.
#
#   images.sh NAME        (the fleet must be up with --docker)
#
# Pushed to 198.18.N.1:5000: busybox:latest (imported from busybox-static), app:v1 and app:v2 (examples/hello,
# GET /up -> 200, GET / -> "v1"/"v2"), app:unhealthy (no /up: its health check never passes).
# Locally tagged too: kamal-fleet/busybox:latest, the FROM of examples/hello/Dockerfile.
set -euo pipefail

NAME="${1:?usage: images.sh NAME}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT="$(cd "$HERE/../../.." && pwd)"
DIR="${FLEET_STATE:-/tmp/kamal-fleet}/$NAME"
[[ -f "$DIR/docker.host" ]] || { echo "images.sh: fleet $NAME is not up with --docker (fleet.sh up $NAME 1 --docker)" >&2; exit 1; }
REG="$(cat "$DIR/registry.address")"
export DOCKER_HOST
DOCKER_HOST="$(cat "$DIR/docker.host")"
DOCKER=/usr/bin/docker
# The legacy builder needs no buildx plugin and never resolves a local FROM image against Docker Hub.
export DOCKER_BUILDKIT=0

build_busybox() {
  local root="$DIR/images/busybox-root" applet
  rm -rf "$root"
  mkdir -p "$root"/{bin,etc,tmp,root,www,var/www}
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [[ "$applet" == busybox ]] || ln -sf busybox "$root/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
  echo 'root:x:0:' > "$root/etc/group"
  tar -C "$root" -c . | "$DOCKER" import -c 'ENV PATH=/bin' -c 'CMD ["sh"]' - kamal-fleet/busybox:latest >/dev/null
  "$DOCKER" tag kamal-fleet/busybox:latest "$REG/busybox:latest"
}

build_app() {
  local version="$1"
  "$DOCKER" build -q --build-arg "APP_VERSION=$version" -t "app:$version" -t "$REG/app:$version" \
    "$PROJECT/examples/hello" >/dev/null
}

build_unhealthy() {
  local ctx="$DIR/images/unhealthy"
  rm -rf "$ctx"; mkdir -p "$ctx"
  cat > "$ctx/Dockerfile" <<'DOCKERFILE'
FROM kamal-fleet/busybox:latest
RUN echo unhealthy > /www/index.html
EXPOSE 80
HEALTHCHECK --interval=1s --timeout=2s --retries=2 CMD wget -q -O /dev/null http://127.0.0.1:80/up || exit 1
# sh as PID 1 with a TERM trap: busybox httpd alone would ignore `docker stop` until it is killed.
CMD ["sh", "-c", "trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait"]
DOCKERFILE
  "$DOCKER" build -q -t app:unhealthy -t "$REG/app:unhealthy" "$ctx" >/dev/null
}

build_busybox
build_app v1
build_app v2
build_unhealthy
for image in busybox:latest app:v1 app:v2 app:unhealthy; do
  "$DOCKER" push -q "$REG/$image" >/dev/null
done
echo "images.sh: pushed busybox:latest app:v1 app:v2 app:unhealthy to $REG"
