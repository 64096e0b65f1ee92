#!/usr/bin/env bash
# Installs whatever of .ci/packages is missing (as root, with apt-get); prints nothing when all are there.
# Shared by .ci/run and examples/deploy-local.sh, so a fresh Debian 12 machine gets the same packages either way.
set -euo pipefail
list="$(dirname "${BASH_SOURCE[0]}")/packages"
mapfile -t packages < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$list" | grep -v '^$')
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if (( ${#missing[@]} )); then
  echo "install-packages.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi
