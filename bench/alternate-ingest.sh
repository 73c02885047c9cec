#!/bin/bash
# Compares builds under visit ingestion on identical databases: for each JAR:TAG given, a new
# copy of a generated city (create database … template), a new server on port 8091 (its JVM
# cold), 60,000 visits to 130929 青县 in a new city-wide campaign ("cold"), then 100,000 visits
# to 130981 泊头市 in the same campaign ("warm"); 4 clients, 500-visit batches, the record on.
# Prints one line per run and phase; each batch's progress is kept in /tmp/alternate-ingest-TAG-*.txt.
# The copy is dropped after its run (each is about 5 GB). Run it on a quiet machine, builds
# alternating (old:a new:b old:c new:d).
#
#   bench/alternate-ingest.sh hx_fresh old.jar:old1 new.jar:new1 old.jar:old2 new.jar:new2
#
# The template database is a generated city (`generate --huoxian.demo.scale=1.0`) no server uses.
# Extra JVM options for the servers: JAVA_OPTS.
set -euo pipefail
template=$1
shift
# shellcheck source=bench/city-server.sh
. "$(dirname "$0")/city-server.sh"
measure() {
	local tag=$1 cold campaign
	sleep 10
	echo "$tag: started at $(date -u +%H:%M:%S), load average $(cut -d' ' -f1 /proc/loadavg)"
	cold=$(java "$root/bench/ScreeningIngest.java" http://localhost:8091 hx_ingest 130900 130929 60000 4 500 \
		2> "/tmp/alternate-ingest-$tag-cold.txt")
	echo "$tag cold $cold"
	campaign=$(echo "$cold" | sed -n 's/.*"campaign":\([0-9]*\).*/\1/p')
	java "$root/bench/ScreeningIngest.java" http://localhost:8091 hx_ingest "campaign:$campaign" 130981 100000 4 500 \
		2> "/tmp/alternate-ingest-$tag-warm.txt" | sed "s/^/$tag warm /"
	stop_server
	psql_admin -c "drop database hx_ingest"
}
each_build hx_ingest /tmp/alternate-ingest "$@"
