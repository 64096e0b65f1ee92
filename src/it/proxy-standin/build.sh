#!/usr/bin/env bash
# Builds the stand-in kamal-proxy image (a small Java proxy on a jlink'd JRE, busybox, and the glibc
# libraries they need), imports it into a Docker daemon and optionally pushes it to a registry.
#
#   build.sh [--docker-host URL] [--registry HOST:PORT] [--repository REPO] [--tag TAG] [--rootfs-only]
#
# The root filesystem is cached per machine under ${KAMAL_STANDIN_CACHE:-/var/cache/kamal4j/proxy-standin},
# keyed by a hash of these sources and the JDK, so it is built once per machine, not per test.
# Prints the image reference as the last line of stdout.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${KAMAL_STANDIN_CACHE:-/var/cache/kamal4j/proxy-standin}"
REGISTRY="" REPOSITORY="basecamp/kamal-proxy" TAG="v0.9.2" ROOTFS_ONLY=0
MODULES="java.base,java.net.http,jdk.httpserver"

die() { echo "build.sh: $*" >&2; exit 1; }
log() { echo "build.sh: $*" >&2; }

while (( $# )); do
  case "$1" in
    --docker-host) export DOCKER_HOST="$2"; shift 2 ;;
    --registry) REGISTRY="$2"; shift 2 ;;
    --repository) REPOSITORY="$2"; shift 2 ;;
    --tag) TAG="$2"; shift 2 ;;
    --rootfs-only) ROOTFS_ONLY=1; shift ;;
    *) sed -n '5p' "$0" >&2; exit 2 ;;
  esac
done

# Installs the JDK (javac, jlink, jmods) and a static busybox from Debian when they are missing.
ensure_tools() {
  local need=()
  command -v javac >/dev/null && command -v jlink >/dev/null || need+=(openjdk-17-jdk-headless)
  [[ -d "$(java_home)/jmods" ]] || need+=(openjdk-17-jdk-headless)
  dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'install ok installed' || need+=(busybox-static)
  (( ${#need[@]} == 0 )) && return 0
  log "installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >&2 ||
    die "could not install ${need[*]}; run 'apt-get update' and try again"
}

java_home() { dirname "$(dirname "$(readlink -f "$(command -v javac)")")"; }

cache_key() {
  { (cd "$HERE" && find src rootfs build.sh -type f | LC_ALL=C sort | xargs sha256sum)
    javac -version 2>&1; uname -m; } | sha256sum | cut -c1-16
}

# Copies every shared library the binaries need (ldd, recursively resolved by ldd itself) into ROOT.
copy_libs() {
  local root="$1" lib
  find "$root/opt/kamal-proxy/jre" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 |
    xargs -0 ldd 2>/dev/null | grep -E '^[[:space:]]' | grep -oE '/[^ ]+' | grep -v "^$root/" | sort -u |
    while read -r lib; do
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    done
}

build_rootfs() {
  local out="$1" work; work="$(mktemp -d /tmp/kamal-standin.XXXXXX)"
  local root="$work/rootfs"
  cp -a "$HERE/rootfs" "$root"
  mkdir -p "$work/classes" "$root/opt/kamal-proxy" "$root/bin" "$root/tmp" "$root/root" \
    "$root/home/kamal-proxy/.config/kamal-proxy" "$root/home/kamal-proxy/.apps-config"
  chmod 1777 "$root/tmp"
  javac --release 17 -d "$work/classes" $(find "$HERE/src" -name '*.java')
  jar --create --file "$root/opt/kamal-proxy/kamal-proxy-standin.jar" \
    --main-class org.kamal4j.standin.KamalProxy -C "$work/classes" .
  jlink --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files --compress=2 \
    --output "$root/opt/kamal-proxy/jre"
  "$root/opt/kamal-proxy/jre/bin/java" -Xshare:dump >/dev/null
  copy_libs "$root"
  cp /bin/busybox "$root/bin/busybox"
  local applet
  for applet in $("$root/bin/busybox" --list); do
    [[ -e "$root/bin/$applet" ]] || ln -s busybox "$root/bin/$applet"
  done
  tar -C "$root" --numeric-owner --owner=0 --group=0 -cf "$out.tmp" .
  mv "$out.tmp" "$out"
  rm -rf "$work"
}

# Drops root filesystems of older sources (other keys) that no build is using right now.
prune_cache() {
  local d
  for d in "$CACHE"/*/; do
    [[ "$(basename "$d")" == "$1" ]] && continue
    ( flock -n 7 && rm -rf "$d" ) 7>"$d/lock" 2>/dev/null || true
  done
}

main() {
  ensure_tools
  local key start=$SECONDS; key="$(cache_key)"
  local dir="$CACHE/$key" tarball="$CACHE/$key/rootfs.tar"
  mkdir -p "$dir"
  exec 8>"$dir/lock"; flock 8
  if [[ ! -s "$tarball" ]]; then
    log "building root filesystem $key"
    build_rootfs "$tarball"
    log "root filesystem built in $(( SECONDS - start )) s ($(du -m "$tarball" | cut -f1) MB)"
    prune_cache "$key"
  fi
  (( ROOTFS_ONLY )) && { echo "$tarball"; return; }
  local image="${REGISTRY:+$REGISTRY/}$REPOSITORY:$TAG"
  if [[ "$(docker image inspect --format '{{index .Config.Labels "org.kamal4j.standin.key"}}' "$image" 2>/dev/null)" != "$key" ]]; then
    docker import \
      --change 'LABEL org.opencontainers.image.title=kamal-proxy' \
      --change "LABEL org.kamal4j.standin.key=$key" \
      --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
      --change 'ENV HOME=/home/kamal-proxy' \
      --change 'WORKDIR /home/kamal-proxy' \
      --change 'EXPOSE 80 443' \
      --change 'CMD ["kamal-proxy", "run"]' \
      "$tarball" "$image" >/dev/null
    log "imported $image"
  fi
  if [[ -n "$REGISTRY" ]]; then
    docker push "$image" >/dev/null || die "could not push $image; is the registry up and marked insecure for this daemon?"
    log "pushed $image"
  fi
  echo "$image"
}

main
