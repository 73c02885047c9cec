#!/bin/bash
# Compares builds under the load test on identical databases: for each JAR:TAG given, a new copy
# of a generated city (create database … template), a new server on port 8091, 200 users for 40 s
# to warm it, then 500 users for 120 s; prints each run's totals and keeps its report as
# /tmp/alternate-load-TAG.md. Run it on a quiet machine, with the builds alternating
# (old:a new:b old:c new:d), since one run's p95 at 500 users swings with the machine.
#
#   bench/alternate-load.sh hx_fresh old.jar:old1 new.jar:new1 old.jar:old2 new.jar:new2
#
# The template database is a generated city (`generate --huoxian.demo.scale=1.0`) no server uses.
# Extra JVM options for the servers: JAVA_OPTS.
set -euo pipefail
template=$1
shift
# shellcheck source=bench/city-server.sh
. "$(dirname "$0")/city-server.sh"
measure() {
	local tag=$1 report
	echo "$tag: started at $(date -u +%H:%M:%S), load average $(cut -d' ' -f1 /proc/loadavg)"
	"$root/mvnw" -q -f "$root/load/pom.xml" -B gatling:test -Dbase=http://localhost:8091 -Dusers=200 -Dseconds=40 > /dev/null
	"$root/mvnw" -q -f "$root/load/pom.xml" -B gatling:test -Dbase=http://localhost:8091 -Dusers=500 -Dseconds=120 > /dev/null
	report=$(ls -t "$root"/load/target/load-report/*.md | head -1)
	cp "$report" "/tmp/alternate-load-$tag.md"
	grep -E '\*\*all\*\*|Requests per second' "$report" | sed "s/^/$tag /"
}
each_build hx_alternate /tmp/alternate-load "$@"
