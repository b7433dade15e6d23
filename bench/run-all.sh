#!/usr/bin/env bash
# Runs the benchmarks of BENCHMARKS.md, area by area, with the commands its sections document.
#
#   bench/run-all.sh                  every area, in the order of BENCHMARKS.md
#   bench/run-all.sh sandbox client   only these areas
#   bench/run-all.sh --list           the areas
#
# Builds once first, so a broken build stops the run before any benchmark starts. The benchmark JVMs use the JDK
# Maven runs on: JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/run-all.sh ... runs them on JDK 25. SIZES, MODES
# and RUNS are passed on to amplify-cdk/bench-synthesis.sh. Every figure depends on the machine's load, and a
# header per area records it: run this on an idle machine.
set -euo pipefail

AREAS=(resolvers sandbox persistence storage client ai codegen synthesis)

describe() {
  case "$1" in
    resolvers)   echo "PipelineBench: the generated resolver pipelines on the GraalJS engine (JMH, about 4 minutes)" ;;
    sandbox)     echo "SandboxLoad: throughput, subscriber delivery, 100,000 items, cold start (about 4 minutes)" ;;
    persistence) echo "PersistenceBench (JMH) and SandboxWriteLoad: what the write-ahead log costs" ;;
    storage)     echo "StorageBench: S3 plan decision, SigV4 verification, S3 round trips (JMH)" ;;
    client)      echo "ClientOverhead and ClientBench: the client's per-call overhead over raw java.net.http + Jackson" ;;
    ai)          echo "ConversationBench: event-stream decoding and answer reassembly of AI conversations (JMH)" ;;
    codegen)     echo "CodegenMain on LargeBackend: generating the client of 500 models" ;;
    synthesis)   echo "bench-synthesis.sh: CDK synthesis of 1 to 200 models, validation off and on" ;;
    *)           return 1 ;;
  esac
}

usage() {
  echo "usage: bench/run-all.sh [--list] [area ...]"
  echo "areas: ${AREAS[*]}"
}

selected=()
for arg in "$@"; do
  case "$arg" in
    --list)
      for area in "${AREAS[@]}"; do
        printf '%-12s %s\n' "$area" "$(describe "$area")"
      done
      exit 0 ;;
    -h|--help)
      usage
      exit 0 ;;
    *)
      if ! describe "$arg" >/dev/null; then
        echo "bench/run-all.sh: unknown area '$arg'" >&2
        usage >&2
        exit 2
      fi
      selected+=("$arg") ;;
  esac
done
if [ ${#selected[@]} -eq 0 ]; then
  selected=("${AREAS[@]}")
fi

# The commands below are relative to the repository root.
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The JDK Maven runs on (JAVA_HOME when set), for the header and the code generation runs, so that they use the
# same JDK as the benchmarks Maven starts. Without JAVA_HOME it is the `java` of BENCHMARKS.md's commands.
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

header() {
  echo
  echo "=== $1: $(describe "$1")"
  echo "=== $(date -u '+%Y-%m-%d %H:%M UTC'); $("$JAVA" -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Codegen's timings: GNU time's format where it is installed, bash's own otherwise.
timed() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f 'wall %e s, user %U s, sys %S s' "$@"
  else
    local TIMEFORMAT='wall %R s, user %U s, sys %S s'
    time "$@"
  fi
}

run_resolvers() {
  mvn -B -q -pl bench -am package -DskipTests exec:exec -Dbench.args="PipelineBench -rf json -rff target/jmh-result.json"
}

run_sandbox() {
  mvn -B -q -pl bench -am package -DskipTests -Dresolver-lint.skip=true exec:exec \
      -Dbench.main=io.amplify4j.bench.SandboxLoad -Dbench.args=all -Dbench.jvm=-Xmx512m
}

run_persistence() {
  mvn -B -q -pl bench -am package -DskipTests exec:exec -Dbench.args="PersistenceBench"
  mvn -B -q -pl bench -am package -DskipTests exec:exec \
      -Dbench.main=io.amplify4j.bench.SandboxWriteLoad -Dbench.args="30 20"   # warm-up and measured seconds
}

run_storage() {
  mvn -B -q -pl bench -am package -DskipTests exec:exec -Dbench.args=StorageBench
}

run_client() {
  mvn -B -q -pl bench -am package -DskipTests exec:exec \
      -Dbench.main=io.amplify4j.bench.ClientOverhead -Dbench.args="80 2000"
  mvn -B -q -pl bench -am package -DskipTests exec:exec -Dbench.args="ClientBench"      # the JMH variant
}

run_ai() {
  mvn -B -q -pl bench -am package -DskipTests exec:exec -Dbench.args="ConversationBench"
}

run_codegen() {
  mvn -B -q -pl amplify-codegen -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dresolver-lint.skip=true
  local CP
  CP=amplify-codegen/target/classes:amplify-codegen/target/test-classes:amplify-dsl/target/classes:amplify-dsl/target/test-classes:$(cat amplify-codegen/target/cp.txt)
  "$JAVA" -cp "$CP" io.amplify4j.codegen.LargeBackend 500 target/large-manifest.json
  echo "# 500 models, first generation, -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  rm -rf target/large-out
  timed "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$CP" \
      io.amplify4j.codegen.CodegenMain --manifest target/large-manifest.json --package com.example.large --out target/large-out
  echo "# 500 models, nothing changed, same flags"
  timed "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$CP" \
      io.amplify4j.codegen.CodegenMain --manifest target/large-manifest.json --package com.example.large --out target/large-out
  echo "# 500 models, first generation, default JVM flags"
  rm -rf target/large-out
  timed "$JAVA" -cp "$CP" \
      io.amplify4j.codegen.CodegenMain --manifest target/large-manifest.json --package com.example.large --out target/large-out
}

run_synthesis() {
  ./amplify-cdk/bench-synthesis.sh
}

echo "=== build: mvn -B -q -pl bench,amplify-cdk,amplify-codegen -am package -DskipTests -Dresolver-lint.skip=true"
mvn -B -q -pl bench,amplify-cdk,amplify-codegen -am package -DskipTests -Dresolver-lint.skip=true

for area in "${selected[@]}"; do
  header "$area"
  "run_$area"
done
echo
echo "=== done: ${selected[*]}; load $(cut -d' ' -f1-3 /proc/loadavg)"
