#!/bin/bash
# Stand-in `docker` for the side-by-side benchmark's "fake" hosts (src/it/bench/vs-kamal.sh): installed first on
# every fleet host's remote PATH (fleet.sh's PATH hook), it answers what a Kamal 2.12 deploy or rollback and the
# plugin's ask, well enough for both to succeed, and keeps per-host container and image state, so the figures are
# the deploy engines, SSH and sshd, not Docker. Every call is appended to $FLEET_HOST_DIR/fake-docker/calls.
#
# Containers: "NAME STATUS IMAGE-ID IMAGE-REF" lines in creation order; a container's ID is its name (so
# `... --quiet | xargs docker stop` works). Images: "REF ID" lines; the ID of REPO:TAG is "id-TAG", `docker tag`
# copies it. Pure bash apart from `mv`: every remote command of a benchmark run pays for this script's start.
set -u
D="${FLEET_HOST_DIR:?FLEET_HOST_DIR unset: run me on a fleet host}/fake-docker"
[[ -d "$D" ]] || mkdir -p "$D"
C="$D/containers" I="$D/images"
[[ -f "$C" ]] || : > "$C"
[[ -f "$I" ]] || : > "$I"
printf '%s docker %s\n' "$EPOCHREALTIME" "$*" >> "$D/calls"

fail() { echo "Error response from daemon: $*" >&2; exit 1; }

# Writes the container table from stdin (atomic replace).
save_containers() { cat > "$C.$$" && mv -f "$C.$$" "$C"; }

image_id() { # REF -> its ID, or nothing
  local ref id
  while read -r ref id; do [[ "$ref" == "$1" ]] && { echo "$id"; return; }; done < "$I"
}

set_image() { # REF ID
  local ref id
  { while read -r ref id; do [[ "$ref" == "$1" ]] || echo "$ref $id"; done < "$I"; echo "$1 $2"; } > "$I.$$"
  mv -f "$I.$$" "$I"
}

remove_image() {
  local ref id
  { while read -r ref id; do [[ "$ref" == "$1" ]] || echo "$ref $id"; done < "$I"; } > "$I.$$"
  mv -f "$I.$$" "$I"
}

set_status() { # NAME STATUS -> 0 if found
  local n s iid ref found=1
  { while read -r n s iid ref; do
      if [[ "$n" == "$1" ]]; then s="$2"; found=0; fi
      echo "$n $s $iid $ref"
    done < "$C"; } > "$C.$$"
  mv -f "$C.$$" "$C"
  return $found
}

# Container listing (ps, container ls): filters by label=service/role, name=^X$, status, ancestor; --all,
# --latest, --quiet, --format with {{.Names}} {{.ID}} {{.Image}} {{.Status}} {{.State}}.
list_containers() {
  local all=0 latest=0 quiet=0 format="" service="" role="" name="" ancestor="-" statuses=" "
  while (( $# )); do
    case "$1" in
      -a|--all) all=1 ;;
      -l|--latest) latest=1 ;;
      -q|--quiet) quiet=1 ;;
      --format) format="$2"; shift ;;
      -qa|-aq) all=1; quiet=1 ;;
      --filter|-f)
        case "$2" in
          label=service=*) service="${2#label=service=}" ;;
          label=role=*) role="${2#label=role=}" ;;
          label=destination*) ;;
          name=*) name="${2#name=}"; name="${name#^}"; name="${name%\$}" ;;
          status=*) statuses+="${2#status=} " ;;
          ancestor=*) # an image ID, or a reference docker resolves (none: matches nothing, as docker does)
            ancestor="${2#ancestor=}"
            [[ "$ancestor" == *[:/]* ]] && { ancestor="$(image_id "$ancestor")"; ancestor="${ancestor:-no-such-image}"; } ;;
          *) fail "fake-docker: unknown filter $2" ;;
        esac
        shift ;;
      *) fail "fake-docker: unknown ps option $1" ;;
    esac
    shift
  done
  local prefix="" n s iid ref out=() line
  [[ -n "$service" ]] && prefix="$service-"
  [[ -n "$service" && -n "$role" ]] && prefix="$service-$role-"
  while read -r n s iid ref; do
    [[ -z "$n" || "$n" != "$prefix"* ]] && continue
    [[ -n "$name" && "$n" != "$name" ]] && continue
    [[ "$ancestor" != "-" && "$iid" != "$ancestor" ]] && continue
    if [[ "$statuses" != " " ]]; then
      [[ "$statuses" == *" $s "* ]] || continue
    elif (( !all )) && [[ "$s" != running ]]; then
      continue
    fi
    if (( quiet )); then line="$n"
    elif [[ -n "$format" ]]; then
      line="${format//\{\{.Names\}\}/$n}"; line="${line//\{\{.ID\}\}/$n}"
      line="${line//\{\{.Image\}\}/$ref}"; line="${line//\{\{.Status\}\}/$s}"; line="${line//\{\{.State\}\}/$s}"
    else line="$n   $ref   $s"
    fi
    out+=("$line")
  done < "$C"
  (( ${#out[@]} )) || return 0
  if (( latest )); then printf '%s\n' "${out[-1]}"; else printf '%s\n' "${out[@]}"; fi
}

run_container() {
  local name="" image="" a
  while (( $# )); do
    case "$1" in
      --name) name="$2"; shift ;;
      --name=*) name="${1#--name=}" ;;
      -*) ;;
      *) [[ -z "$image" && "$1" == */*:* && "$1" != *=* && "$1" != .* ]] && image="$1" ;;
    esac
    shift
  done
  [[ -n "$name" && -n "$image" ]] || fail "fake-docker: run needs --name and an image"
  while read -r a _; do [[ "$a" == "$name" ]] && fail "Conflict. The container name \"/$name\" is already in use"; done < "$C"
  local iid; iid="$(image_id "$image")"
  [[ -n "$iid" ]] || fail "fake-docker: no such image $image (not pulled)"
  echo "$name running $iid $image" >> "$C"
  echo "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
}

stop_containers() {
  local n any=0
  while (( $# )); do
    case "$1" in
      -t|--time) shift ;;
      -*) ;;
      *) set_status "$1" exited || fail "No such container: $1"; echo "$1"; any=1 ;;
    esac
    shift
  done
  (( any )) || { echo '"docker stop" requires at least 1 argument.' >&2; exit 1; }
}

remove_containers() {
  local x n s iid ref
  for x in "$@"; do
    [[ "$x" == -* ]] && continue
    { while read -r n s iid ref; do [[ "$n" == "$x" ]] || echo "$n $s $iid $ref"; done < "$C"; } | save_containers
    echo "$x"
  done
}

prune_containers() {
  local service="" role="" n s iid ref
  while (( $# )); do
    case "$1" in
      --filter) case "$2" in label=service=*) service="${2#label=service=}" ;; label=role=*) role="${2#label=role=}" ;; esac; shift ;;
    esac
    shift
  done
  local prefix="$service-"; [[ -n "$role" ]] && prefix="$service-$role-"
  { while read -r n s iid ref; do [[ "$s" != running && "$n" == "$prefix"* ]] || echo "$n $s $iid $ref"; done < "$C"; } |
    save_containers
  echo "Total reclaimed space: 0B"
}

list_images() {
  local reference="" label="" format="" repo="" ref id
  while (( $# )); do
    case "$1" in
      --filter) case "$2" in reference=*) reference="${2#reference=}" ;; label=service=*) label="${2#label=service=}" ;; esac; shift ;;
      --format) format="$2"; shift ;;
      -*) ;;
      *) repo="$1" ;;
    esac
    shift
  done
  while read -r ref id; do
    [[ -z "$ref" ]] && continue
    [[ -n "$reference" && "$ref" != "$reference" ]] && continue
    [[ -n "$repo" && "${ref%:*}" != "$repo" ]] && continue
    local base="${ref%:*}"; base="${base##*/}"
    [[ -n "$label" && "$base" != "$label" ]] && continue
    if [[ -n "$format" ]]; then
      local line="${format//\{\{.ID\}\}/$id}"
      line="${line//\{\{.Repository\}\}/${ref%:*}}"; line="${line//\{\{.Tag\}\}/${ref##*:}}"
      echo "$line"
    else
      echo "${ref%:*}   ${ref##*:}   $id"
    fi
  done < "$I"
}

inspect() {
  local format="" x
  while (( $# )); do
    case "$1" in
      -f|--format) format="$2"; shift ;;
      -*) ;;
      *) x="$1" ;;
    esac
    shift
  done
  [[ -n "${x:-}" ]] || { echo '"docker inspect" requires at least 1 argument.' >&2; exit 1; }
  case "$format" in
    *Labels.service*) [[ -n "$(image_id "$x")" ]] || fail "No such image: $x"; x="${x%:*}"; echo "${x##*/}" ;;
    *"range .State.Health.Log"*) echo "exit 0: ok" ;;
    *"json .State.Health"*) echo '{"Status":"healthy","FailingStreak":0,"Log":[]}' ;;
    *State.Health*) echo healthy ;;
    *) echo "{}" ;;
  esac
}

cmd="${1:-}"; shift || true
case "$cmd" in
  -v|--version) echo "Docker version 20.10.24+dfsg1, build 297e128 (fake-docker)" ;;
  version) echo "Client: fake-docker 20.10.24" ;;
  login) [[ " $* " == *" --password-stdin "* ]] && while IFS= read -r _; do :; done; echo "Login Succeeded" ;;
  logout) echo "Removing login credentials" ;;
  network)
    case "${1:-}" in
      create) [[ -f "$D/network-$2" ]] && fail "network with name $2 already exists"; : > "$D/network-$2"; echo "net-$2" ;;
      inspect) [[ -f "$D/network-$2" ]] || fail "network $2 not found"; echo "[]" ;;
      *) fail "fake-docker: network $*" ;;
    esac ;;
  info) # no registry mirror, answered as Docker does
    [[ "$*" == *Mirrors* ]] && { echo 'template: :1:2: executing "" at <index .RegistryConfig.Mirrors 0>: error calling index: reflect: slice index out of range' >&2; exit 1; }
    echo "fake-docker info" ;;
  pull) for ref; do [[ "$ref" == -* ]] || break; done   # the image, after options such as -q
    set_image "$ref" "id-${ref##*:}"; echo "${ref##*:}: Pulling from ${ref%:*}"; echo "Status: Downloaded newer image for $ref" ;;
  tag) id="$(image_id "$1")"; [[ -n "$id" ]] || fail "No such image: $1"; set_image "$2" "$id" ;;
  rmi) for x in "$@"; do [[ "$x" == -* ]] || { remove_image "$x"; echo "Untagged: $x"; }; done ;;
  image)
    sub="$1"; shift
    case "$sub" in
      rm) for x in "$@"; do [[ "$x" == -* ]] || { remove_image "$x"; echo "Untagged: $x"; }; done ;;
      ls) list_images "$@" ;;
      prune) echo "Total reclaimed space: 0B" ;;
      *) fail "fake-docker: image $sub" ;;
    esac ;;
  ps) list_containers "$@" ;;
  container)
    sub="$1"; shift
    case "$sub" in
      ls) list_containers "$@" ;;
      rm) remove_containers "$@" ;;
      prune) prune_containers "$@" ;;
      stop) stop_containers "$@" ;;
      start) for x in "$@"; do set_status "$x" running || fail "No such container: $x"; echo "$x"; done ;;
      *) fail "fake-docker: container $sub" ;;
    esac ;;
  run) run_container "$@" ;;
  start) for x in "$@"; do set_status "$x" running || fail "No such container: $x"; echo "$x"; done ;;
  stop) stop_containers "$@" ;;
  rm) remove_containers "$@" ;;
  rename)
    n0="$1" n1="$2"
    { while read -r n s iid ref; do [[ "$n" == "$n0" ]] && n="$n1"; echo "$n $s $iid $ref"; done < "$C"; } | save_containers ;;
  inspect) inspect "$@" ;;
  logs) echo "fake-docker: no logs" ;;
  *) echo "fake-docker: unsupported command: docker $cmd $*" >&2; printf '%s UNSUPPORTED docker %s %s\n' "$EPOCHREALTIME" "$cmd" "$*" >> "$D/calls"; exit 1 ;;
esac
