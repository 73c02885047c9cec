# Sourced by bench/alternate-load.sh, bench/alternate-ingest.sh and bench/aot-cache.sh: a
# settled copy of a generated city and a server on port 8091 over it. Sets root, the checkout.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

psql_admin() { psql -U postgres -h 127.0.0.1 -Atq "$@"; }

stop_server() {
	pkill -f "jar --server.port=8091" || true
	sleep 1
}

# fresh_copy DB TEMPLATE: a new copy of the template, written out, on a machine that has settled
fresh_copy() {
	psql_admin -c "drop database if exists $1" -c "create database $1 template $2"
	# the copy's gigabytes written out before the clock starts, not during the run (runs that
	# began with them still in flight were slower by up to a third)
	psql_admin -c "checkpoint"
	sync
	for _ in $(seq 60); do
		awk '{ exit !($1 < 1.5) }' /proc/loadavg && break
		sleep 5
	done
}

# start_server JAR DB LOG: the demo profile over DB with a 2 GB heap, up when healthy; JAVA
# chooses the java command (default: the one on the PATH), JAVA_OPTS adds JVM options
start_server() {
	# shellcheck disable=SC2086
	SPRING_PROFILES_ACTIVE=demo SPRING_DATASOURCE_USERNAME=postgres \
		SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$2" \
		nohup "${JAVA:-java}" -Xmx2g ${JAVA_OPTS:-} -jar "$1" --server.port=8091 > "$3" 2>&1 &
	until curl -sf -o /dev/null http://localhost:8091/actuator/health; do sleep 2; done
}

# each_build DB LOG_PREFIX JAR:TAG…: for each build, a new copy of $template as DB and a server
# over it (its log LOG_PREFIX-TAG.log), then the caller's `measure TAG`; the server stopped at the end
each_build() {
	local db=$1 prefix=$2
	shift 2
	for run in "$@"; do
		stop_server
		fresh_copy "$db" "$template"
		start_server "${run%%:*}" "$db" "$prefix-${run##*:}.log"
		measure "${run##*:}"
	done
	stop_server
}
