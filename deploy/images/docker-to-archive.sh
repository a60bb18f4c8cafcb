#!/usr/bin/env bash
# Stands in for the `docker` command when Quarkus Jib "loads" a built image into a daemon: there is no daemon
# here, so the image tarball Jib streams to `docker load` is written to deploy/images/target/<group>-<name>-<tag>.tar
# (or $LUOSHI_IMAGE_DIR) instead: a `docker save` archive, which `docker load -i`, `podman load -i` and
# `skopeo copy docker-archive:...` read. The profile container-image of the root pom makes Quarkus Jib call it
# (quarkus.jib.docker-executable-name).
set -euo pipefail
out_dir="${LUOSHI_IMAGE_DIR:-$(cd "$(dirname "$0")" && pwd)/target}"
case "${1:-}" in
  load)
    mkdir -p "$out_dir"
    incoming="$out_dir/.incoming-$$.tar"
    cat >"$incoming"
    tag=$(tar -xOf "$incoming" manifest.json | sed -n 's/.*"RepoTags":\["\([^"]*\)".*/\1/p')
    [ -n "$tag" ] || { echo "docker-to-archive: no RepoTags in the image's manifest.json" >&2; exit 1; }
    mv "$incoming" "$out_dir/$(printf '%s' "$tag" | tr '/:' '--').tar"
    echo "Loaded image: $tag"
    ;;
  info)
    # Jib asks the daemon for its platform
    echo '{"OSType":"linux","Architecture":"x86_64","OperatingSystem":"image archive (docker-to-archive.sh)"}'
    ;;
  version | --version)
    echo "docker-to-archive 1 (writes image archives; no daemon)"
    ;;
  *)
    echo "docker-to-archive: unsupported command: $*" >&2
    exit 1
    ;;
esac
