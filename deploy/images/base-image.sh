#!/usr/bin/env bash
# Makes the base image of the services' image archives, here, without a registry or a Docker daemon:
# a Java 17 runtime made with jlink from this machine's JDK (its jmods), exactly the C libraries that runtime
# links against (found with ldd), CA certificates, /etc/passwd with user 185 and a /tmp, written as a one-layer
# `docker save` archive: deploy/images/target/luoshi-jre17-base.tar (image luoshi/jre17-base). No distribution,
# no shell, no package manager. Quarkus Jib builds on it (quarkus.jib.base-jvm-image=tar://..., profile
# container-image of the root pom, which runs this script first).
#
# Where a registry is reachable, use a maintained base instead (the Dockerfiles' UBI 9 OpenJDK 17 runtime).
# Needs: JDK 17 with jmods (Debian: openjdk-17-jdk-headless), GNU tar, sha256sum, ldd.
# Environment: JAVA_HOME (used if it is a JDK 17).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="$HERE/target"
BASE="$OUT/base"
ROOTFS="$BASE/rootfs"
BASE_TAR="$OUT/luoshi-jre17-base.tar"
START=$(date +%s)
log() { printf '[base-image %3ss] %s\n' "$(( $(date +%s) - START ))" "$*"; }
die() { printf 'base-image: %s\n' "$*" >&2; exit 1; }

# the image's architecture is this machine's (OCI names: amd64, arm64, ...)
case "$(uname -m)" in
  x86_64) ARCH=amd64 ;;
  aarch64) ARCH=arm64 ;;
  *) die "no OCI architecture known for $(uname -m)" ;;
esac
# the first JDK 17 with jmods: JAVA_HOME, the JDK of javac, Debian's
JDK=
for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v javac || echo /nonexistent)")")")" \
  "/usr/lib/jvm/java-17-openjdk-$ARCH"; do
  if [ -n "$candidate" ] && [ -d "$candidate/jmods" ] && "$candidate/bin/java" -version 2>&1 | grep -q 'version "17'; then
    JDK=$candidate
    break
  fi
done
[ -n "$JDK" ] || die "no JDK 17 with jmods (Debian: apt-get install openjdk-17-jdk-headless)"
for tool in tar sha256sum ldd; do command -v "$tool" >/dev/null || die "$tool is missing"; done

# The modules the services need: what their libraries link against (java.desktop for java.beans, java.rmi for
# JTA's RemoteException, java.sql, jdk.unsupported for Netty, ...) and what is loaded by name at run time (SASL and
# GSS-API for Kafka's SCRAM, EC crypto for TLS, DNS, locales and the GBK/GB18030 charsets for Chinese text). A module
# missing here shows as a NoClassDefFoundError when deploy/images/check.sh starts the service.
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,\
java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,\
jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,\
jdk.zipfs

rm -rf "$BASE" "$BASE_TAR"
mkdir -p "$ROOTFS"
log "jlink runtime from $JDK"
"$JDK/bin/jlink" --module-path "$JDK/jmods" --add-modules "$MODULES" --output "$ROOTFS/opt/java" \
  --strip-debug --no-man-pages --no-header-files --compress=2
# Debian's JDK keeps its CA certificates outside the JDK (ca-certificates-java): put a real file in the runtime
if [ -f /etc/ssl/certs/java/cacerts ]; then
  rm -f "$ROOTFS/opt/java/lib/security/cacerts"
  cp /etc/ssl/certs/java/cacerts "$ROOTFS/opt/java/lib/security/cacerts"
fi

log "C libraries the runtime links against"
: >"$BASE/libs.txt"
# the AWT/X11 parts of java.desktop are never loaded by a headless server and would drag in X11
find "$ROOTFS/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) \
  ! -name 'libawt_xawt.so' ! -name 'libsplashscreen.so' ! -name 'libjawt.so' -print0 |
  while IFS= read -r -d '' elf; do
    ldd "$elf" 2>/dev/null | awk '/=> \// { print $3 } /^[ \t]*\/[^ ]+ \(0x/ { print $1 }' >>"$BASE/libs.txt" || true
  done
sort -u "$BASE/libs.txt" | while read -r lib; do
  case "$lib" in "$ROOTFS"*) continue ;; esac
  install -D -m 0755 "$(readlink -f "$lib")" "$ROOTFS$lib"
done
if find "$ROOTFS/opt/java/bin" -type f -exec ldd {} \; 2>/dev/null | grep -q 'not found'; then
  die "the runtime needs a library this machine lacks"
fi

mkdir -p "$ROOTFS/etc" "$ROOTFS/tmp" "$ROOTFS/proc" "$ROOTFS/dev" "$ROOTFS/sys" "$ROOTFS/home/luoshi"
chmod 1777 "$ROOTFS/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nluoshi:x:185:185:Luoshi:/home/luoshi:/sbin/nologin\n' >"$ROOTFS/etc/passwd"
printf 'root:x:0:\nluoshi:x:185:\n' >"$ROOTFS/etc/group"
printf '127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n' >"$ROOTFS/etc/hosts"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$ROOTFS/etc/nsswitch.conf"

log "image archive"
# one layer, reproducible: sorted names, owner root, time 0
(cd "$ROOTFS" && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -cf "$BASE/layer.tar" -- *)
DIFF_ID=$(sha256sum "$BASE/layer.tar" | cut -d' ' -f1)
mkdir -p "$BASE/archive/$DIFF_ID"
mv "$BASE/layer.tar" "$BASE/archive/$DIFF_ID/layer.tar"
cat >"$BASE/config.json" <<JSON
{"architecture":"$ARCH","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],"User":"185","WorkingDir":"/home/luoshi"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$DIFF_ID"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/base-image.sh: jlink Java 17 runtime and its C libraries"}]}
JSON
CONFIG_ID=$(sha256sum "$BASE/config.json" | cut -d' ' -f1)
cp "$BASE/config.json" "$BASE/archive/$CONFIG_ID.json"
printf '[{"Config":"%s.json","RepoTags":["luoshi/jre17-base:17"],"Layers":["%s/layer.tar"]}]\n' \
  "$CONFIG_ID" "$DIFF_ID" >"$BASE/archive/manifest.json"
(cd "$BASE/archive" && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf "$BASE_TAR" -- *)
rm -rf "$BASE"
log "$(du -h "$BASE_TAR" | cut -f1) ${BASE_TAR#"$HERE/"} (luoshi/jre17-base:17)"
