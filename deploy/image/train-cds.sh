#!/usr/bin/env bash
# The application's class list for AppCDS (deploy/image/README.md, "Class-data sharing"): one short
# training run of the server that stops as soon as its Spring context is refreshed
# (-Dspring.context.exit=onRefresh: every bean built, the web port never opened, no runner started),
# on the default embedded H2 database in a throwaway directory, recording the classes the JVM loaded
# (-XX:DumpLoadedClassList). The list holds class names only, no paths, so it serves the image's
# classpath: the image's one-shot step dumps the archive from it (`java -Xshare:dump`).
#
#   train-cds.sh <java.home> <work dir> <classes.lst to write> <classpath of the server>
#
# server/pom.xml runs it in the `package` phase. A failed run fails the build (a server that cannot
# refresh its context would not start in the image either).
set -euo pipefail

java_home=${1:?java.home}
work=${2:?work directory}
out=${3:?class list file}
classpath=${4:?classpath}

rm -rf "$work"
mkdir -p "$work" "$(dirname "$out")"
started=$(date +%s)
# C1 only and the serial collector: the run is short, and JIT or GC threads would only take CPU
# from the rest of the build. Neither changes which classes are loaded by the application.
if ! (cd "$work" && STOMACDS_DATA_DIR="$work/data" "$java_home/bin/java" \
    -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx1g \
    -XX:DumpLoadedClassList="$work/classes.lst" \
    -Djava.io.tmpdir="$work" -Dspring.context.exit=onRefresh \
    -cp "$classpath" org.stomacds.server.StomaCdsApplication \
    --server.address=127.0.0.1 --server.port=0 >"$work/training.log" 2>&1); then
  # onRefresh ends the JVM with status 0 after a successful refresh; anything else is a failure.
  echo "train-cds.sh: the training run failed; its log:" >&2
  tail -n 60 "$work/training.log" >&2
  exit 1
fi
classes=$(grep -c '^[^#@]' "$work/classes.lst" || true)
if [ "$classes" -lt 5000 ]; then
  echo "train-cds.sh: only $classes classes recorded; the training run did not get far ($work/training.log)" >&2
  exit 1
fi
# Lambda proxy entries (@lambda-proxy) are left out: with them, `java -Xshare:dump` of OpenJDK 17.0.15
# crashes (SIGSEGV in SystemDictionaryShared::adjust_lambda_proxy_class_dictionary). Without them the
# archive holds every listed class but the lambdas' generated classes, which are made at run time.
grep -v '^@lambda-proxy' "$work/classes.lst" > "$out"
echo "train-cds.sh: $classes classes in $out ($(( $(date +%s) - started )) s)"
