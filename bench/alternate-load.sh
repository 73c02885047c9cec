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
set -euo pipefail
template=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
psql_admin() { psql -U postgres -h 127.0.0.1 -Atq "$@"; }
for run in "$@"; do
	jar=${run%%:*}
	tag=${run##*:}
	pkill -f "jar --server.port=8091" || true
	sleep 1
	psql_admin -c "drop database if exists hx_alternate" -c "create database hx_alternate template $template"
	# the copy's gigabytes written out before the clock starts, not during the run (runs that
	# began with them still in flight were slower by up to a third)
	psql_admin -c "checkpoint"
	sync
	for _ in $(seq 60); do
		awk '{ exit !($1 < 1.5) }' /proc/loadavg && break
		sleep 5
	done
	SPRING_PROFILES_ACTIVE=demo SPRING_DATASOURCE_USERNAME=postgres \
		SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/hx_alternate \
		nohup java -Xmx2g -jar "$jar" --server.port=8091 > "/tmp/alternate-load-$tag.log" 2>&1 &
	until curl -sf -o /dev/null http://localhost:8091/actuator/health; do sleep 2; done
	echo "$tag: started at $(date -u +%H:%M:%S), load average $(cut -d' ' -f1 /proc/loadavg)"
	"$root/mvnw" -q -f "$root/load/pom.xml" -B gatling:test -Dbase=http://localhost:8091 -Dusers=200 -Dseconds=40 > /dev/null
	"$root/mvnw" -q -f "$root/load/pom.xml" -B gatling:test -Dbase=http://localhost:8091 -Dusers=500 -Dseconds=120 > /dev/null
	report=$(ls -t "$root"/load/target/load-report/*.md | head -1)
	cp "$report" "/tmp/alternate-load-$tag.md"
	grep -E '\*\*all\*\*|Requests per second' "$report" | sed "s/^/$tag /"
done
pkill -f "jar --server.port=8091" || true
