#!/bin/bash
# An AOT cache for running Huoxian on Java 25 or later (JEP 483, 514, 515): the classes a server
# loads, already loaded and linked, and the profiles of the methods a training run made hot, so a
# new server starts in half the time and compiles its hot paths sooner after a restart
# (docs/BENCHMARKS.md, "Issue 13, seventh pass").
#
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/aot-cache.sh city target/huoxian-0.1.0-SNAPSHOT.jar /tmp/hx-aot
#
# Extracts the jar into DIR (DIR/<jar> and DIR/lib/: a cache needs plain jars on the class path),
# then trains on a new copy of the template database (a generated city no server uses, as for
# alternate-ingest.sh): a server started with -XX:AOTCacheOutput takes 60,000 visits to 130982
# 任丘市 and 60 s of the load test at 200 users, and writes DIR/huoxian.aot as it stops. The copy is
# dropped. Then start servers with the same java:
#
#   $JAVA -XX:AOTCache=DIR/huoxian.aot -jar DIR/<jar> …
#
# A cache made by another JDK or from another build is not used (the JVM warns and starts without
# it), so make it again for every release. Training writes visits: never point it at a live database.
set -euo pipefail
template=$1
jar=$2
dir=$3
java=${JAVA:-java}
major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${major:-0}" -lt 25 ]; then
	echo "aot-cache.sh: needs Java 25 or later (JAVA=$java is Java ${major:-unknown})" >&2
	exit 1
fi
# shellcheck source=bench/city-server.sh
. "$(dirname "$0")/city-server.sh"

rm -rf "$dir"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir"
app="$dir/$(basename "$jar")"

stop_server
fresh_copy hx_aot "$template"
JAVA="$java" JAVA_OPTS="-XX:AOTCacheOutput=$dir/huoxian.aot ${JAVA_OPTS:-}" start_server "$app" hx_aot "$dir/training.log"
echo "training: 60,000 visits to 130982, then 200 users for 60 s"
java "$root/bench/ScreeningIngest.java" http://localhost:8091 hx_aot 130900 130982 60000 4 500 2> /dev/null
"$root/mvnw" -q -f "$root/load/pom.xml" -B gatling:test -Dbase=http://localhost:8091 -Dusers=200 -Dseconds=60 > /dev/null
# the cache is written as the JVM exits (a second JVM assembles it): wait for both
pid=$(pgrep -f "jar --server.port=8091")
kill "$pid"
while kill -0 "$pid" 2> /dev/null || pgrep -f "$dir/huoxian.aot" > /dev/null; do sleep 1; done
psql_admin -c "drop database hx_aot"
ls -l "$dir/huoxian.aot"
echo "start servers with: $java -XX:AOTCache=$dir/huoxian.aot -jar $app"
