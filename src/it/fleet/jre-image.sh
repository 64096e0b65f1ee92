#!/usr/bin/env bash
# Pushes a small Java 17 runtime image to the fleet registry as jre:17, the base image of Jib builds in tests
# (there is no Docker Hub here). The root filesystem (a jlinked JRE with java.base and jdk.httpserver, the glibc
# libraries it links, busybox-static for a shell) is built once per machine and cached as a tar.
#
#   jre-image.sh NAME        (the fleet must be up with --docker)
#
# Cache: ${KAMAL_IMAGE_CACHE:-/var/cache/kamal-fleet}/jre17-<java version>.tar
set -euo pipefail

NAME="${1:?usage: jre-image.sh NAME}"
DIR="${FLEET_STATE:-/tmp/kamal-fleet}/$NAME"
[[ -f "$DIR/docker.host" ]] || { echo "jre-image.sh: fleet $NAME is not up with --docker" >&2; exit 1; }
REG="$(cat "$DIR/registry.address")"
DOCKER=/usr/bin/docker
export DOCKER_HOST
DOCKER_HOST="$(cat "$DIR/docker.host")"
CACHE="${KAMAL_IMAGE_CACHE:-/var/cache/kamal-fleet}"
JAVA_VERSION="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.runtime.version = //p')"
TAR="$CACHE/jre17-${JAVA_VERSION:-unknown}.tar"

build_rootfs() {
  local work root lib
  work="$(mktemp -d)"
  root="$work/root"
  mkdir -p "$root"/{bin,etc,tmp,lib64,lib/x86_64-linux-gnu}
  chmod 1777 "$root/tmp"
  jlink --add-modules java.base,jdk.httpserver --strip-debug --no-header-files --no-man-pages --compress=2 \
    --output "$root/opt/java"
  # The jlinked JRE links glibc dynamically: copy exactly the libraries ldd resolves, and the loader.
  for lib in $(ldd "$root"/opt/java/bin/java "$root"/opt/java/lib/*.so "$root"/opt/java/lib/server/*.so 2>/dev/null \
      | awk '$2 == "=>" && $3 ~ /^\/(usr\/)?lib/ {print $3}' | sort -u); do
    cp -L "$lib" "$root/lib/x86_64-linux-gnu/"
  done
  cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"
  cp /bin/busybox "$root/bin/busybox"
  for applet in sh cat echo ls wget sleep env; do ln -sf busybox "$root/bin/$applet"; done
  ln -sf /opt/java/bin/java "$root/bin/java"
  echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
  echo 'root:x:0:' > "$root/etc/group"
  mkdir -p "$CACHE"
  tar -C "$root" -cf "$TAR.tmp" . && mv "$TAR.tmp" "$TAR"
  rm -rf "$work"
}

[[ -f "$TAR" ]] || build_rootfs
"$DOCKER" import -c 'ENV PATH=/opt/java/bin:/bin' -c 'ENV JAVA_HOME=/opt/java' - "$REG/jre:17" < "$TAR" >/dev/null
"$DOCKER" push -q "$REG/jre:17" >/dev/null
echo "jre-image.sh: pushed $REG/jre:17 (root filesystem $TAR)"
