#!/usr/bin/env bash
# Prepares the files the container image adds on top of `scratch` (server/pom.xml runs this in the
# `package` phase, before Jib): a Java 17 runtime made by jlink from the JDK that runs the build, the
# few shared libraries that runtime loads, /etc/passwd and /etc/group for the image's user, and the
# writable directories. Jib copies <out> into the image as it is (deploy/image/README.md).
#
#   build-runtime.sh <java.home of the build's JDK> <out dir, e.g. server/target/image-root>
#
# The runtime is rebuilt only when the JDK or this script changes (a stamp file), so a second
# `mvn package` costs nothing here.
set -euo pipefail

java_home=${1:?java.home}
out=${2:?output directory}
here=$(cd "$(dirname "$0")" && pwd)

# The modules the server needs. Computed with `jdeps -s --multi-release 17` over every jar of the
# server's runtime classpath, then checked by starting the image (ImageStartIT). Some are used only
# by reflection or by a service lookup, which jdeps cannot see:
#   jdk.crypto.ec          EC keys and ES256/ES384 signatures (CDS Hooks JWTs, access tokens)
#   jdk.charsets           the extra charsets request bodies may declare
#   jdk.localedata         locale data beyond English (dates in other locales)
#   jdk.zipfs              Spring and HAPI open resources inside jars as file systems
#   jdk.management, jdk.jfr  JVM metrics (Micrometer) and Flight Recorder for diagnostics
#   jdk.naming.dns         JNDI DNS lookups (PostgreSQL driver's service lookups)
#   jdk.jcmd               `jcmd` in the image, to take a thread dump or a heap dump in place
# Left out although jdeps names them: jdk.attach, jdk.jdi, jdk.compiler, jdk.javadoc (optional parts
# of javassist and icu4j), jdk.httpserver (a validator test server), jdk.security.jgss (Oracle driver).
modules=java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,\
java.management,java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,\
java.security.jgss,java.security.sasl,java.sql,java.sql.rowset,java.transaction.xa,java.xml,\
java.xml.crypto,jdk.charsets,jdk.crypto.ec,jdk.jcmd,jdk.jfr,jdk.localedata,jdk.management,\
jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs

version=$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "$version" != 17 ]; then
  echo "build-runtime.sh: the image carries a Java 17 runtime; the build runs on Java $version ($java_home). Build with a JDK 17, or leave the image out: -Dimage.skip=true" >&2
  exit 1
fi
if [ ! -d "$java_home/jmods" ]; then
  echo "build-runtime.sh: $java_home has no jmods/ (Debian: package openjdk-17-jdk-headless); jlink needs them" >&2
  exit 1
fi

stamp="$("$java_home/bin/java" -version 2>&1 | tr '\n' ' ') $(sha256sum "$0" | cut -c1-16)"
stamp_file="$out.stamp"
if [ -d "$out/opt/java" ] && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
  echo "build-runtime.sh: $out is up to date"
  exit 0
fi
rm -rf "$out" "$stamp_file"
mkdir -p "$out/opt" "$out/etc" "$out/tmp" "$out/var/lib/stomacds" "$out/cds"

# The runtime, with the JDK's own class-data-sharing archive (lib/server/classes.jsa). Not
# compressed by jlink: Jib compresses the layer, and an uncompressed lib/modules starts faster.
"$java_home/bin/jlink" --add-modules "$modules" --output "$out/opt/java" \
  --strip-debug --no-man-pages --no-header-files --generate-cds-archive
# java.desktop is here for java.beans (Spring). Its native libraries for windows, fonts, colour
# profiles, JPEG and sound are never loaded by a headless server and would pull X11, FreeType,
# HarfBuzz and more into the image: left out (headless AWT, libawt_headless, stays).
rm -f "$out"/opt/java/lib/{libawt_xawt,libsplashscreen,libjawt,libfontmanager,liblcms,libjavajpeg,libjsound}.so

# The shared libraries the runtime loads, at the paths the dynamic loader asks for (as ldd resolves
# them on the build machine: glibc, libstdc++, libgcc_s, libz). Copied as files, not symlinks.
{
  ldd "$out/opt/java/bin/java"
  for so in "$out"/opt/java/lib/server/libjvm.so "$out"/opt/java/lib/*.so; do ldd "$so"; done
} | awk '/=> \// { print $3 } /^[[:space:]]*\/[^ ]*ld-linux/ { print $1 }' | grep -v "^$out/" | sort -u | while read -r lib; do
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
# glibc's name-service lookups (localhost) read these; no DNS server is configured in the image.
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"

# The image's user (container.user 65532:65532 in server/pom.xml), so the JVM has a user name and a home.
printf 'root:x:0:0:root:/root:/sbin/nologin\nstomacds:x:65532:65532:stomacds:/var/lib/stomacds:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\nstomacds:x:65532:\n' > "$out/etc/group"

echo "$stamp" > "$stamp_file"
echo "build-runtime.sh: $(du -sh "$out" | cut -f1) in $out"
