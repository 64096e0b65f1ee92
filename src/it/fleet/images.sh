#!/usr/bin/env bash
# Builds the fleet's test images with the fleet's local dockerd and pushes them to the fleet registry.
#
#   images.sh NAME        (the fleet must be up with --docker)
#
# Pushed to 198.18.N.1:5000: busybox:latest (imported from busybox-static), app:v1 and app:v2 (examples/hello,
# GET /up -> 200, GET / -> "v1"/"v2"), app:unhealthy (no /up: its health check never passes).
# Locally tagged too: kamal-fleet/busybox:latest, the FROM of examples/hello/Dockerfile.
# The real kamal-proxy v0.9.2: made by ../shared/kamal-proxy/image.sh (beside the checkout; KAMAL_PROXY_DIR
# overrides the folder), pushed as 198.18.N.1:5000/basecamp/kamal-proxy:v0.9.2 and loaded into every host's
# daemon as basecamp/kamal-proxy:v0.9.2, as if each host had pulled Kamal's default proxy image.
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

# Upstream's image carries the label Kamal prunes proxy containers and images by (4.10, 6.3); image.sh's import
# has none, so one LABEL layer adds it (no RUN: the image has no shell).
build_proxy() {
  local dir="${KAMAL_PROXY_DIR:-$PROJECT/../shared/kamal-proxy}" ctx="$DIR/images/kamal-proxy" i image
  image=basecamp/kamal-proxy:v0.9.2
  [[ -x "$dir/image.sh" ]] || { echo "images.sh: the real kamal-proxy is missing: no $dir/image.sh" \
    "(the shared/ folder beside the checkout; set KAMAL_PROXY_DIR to the folder holding image.sh)" >&2; exit 1; }
  PATH="/usr/bin:$PATH" "$dir/image.sh" kamal-fleet/kamal-proxy-import:v0.9.2 >/dev/null
  rm -rf "$ctx"; mkdir -p "$ctx"
  printf 'FROM kamal-fleet/kamal-proxy-import:v0.9.2\nLABEL org.opencontainers.image.title=kamal-proxy\n' \
    > "$ctx/Dockerfile"
  "$DOCKER" build -q -t "$image" -t "$REG/$image" "$ctx" >/dev/null
  "$DOCKER" push -q "$REG/$image" >/dev/null
  for (( i = 1; i <= $(cat "$DIR/count"); i++ )); do
    "$DOCKER" -H "unix:///run/docker-$NAME-$i.sock" pull -q "$REG/$image" >/dev/null
    "$DOCKER" -H "unix:///run/docker-$NAME-$i.sock" tag "$REG/$image" "$image"
  done
}

build_busybox
build_proxy
build_app v1
build_app v2
build_unhealthy
for image in busybox:latest app:v1 app:v2 app:unhealthy; do
  "$DOCKER" push -q "$REG/$image" >/dev/null
done
echo "images.sh: pushed busybox:latest app:v1 app:v2 app:unhealthy basecamp/kamal-proxy:v0.9.2 to $REG;" \
  "every host has basecamp/kamal-proxy:v0.9.2"
