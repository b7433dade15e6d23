#!/usr/bin/env bash
# Whole-process synthesis benchmark: 1, 10, 50, 100 and 200 generated models, CDK validation off and on, RUNS runs
# each, one JVM (and one Node child) per run. Prints one line per run (see SynthesisBenchmark); BENCHMARKS.md keeps
# the median of each case. Run from the repository root: ./amplify-cdk/bench-synthesis.sh
set -euo pipefail
RUNS=${RUNS:-3}
SIZES=${SIZES:-"1 10 50 100 200"}
MODES=${MODES:-"off on"}
mvn -B -q -pl amplify-cdk -am test-compile -Dresolver-lint.skip=true
CLASSPATH_FILE=amplify-cdk/target/bench.classpath
mvn -B -q -pl amplify-cdk -am exec:exec -Dresolver-lint.skip=true -Dexec.executable=echo \
    -Dexec.args="%classpath" > "$CLASSPATH_FILE"
CP=$(tail -1 "$CLASSPATH_FILE")
echo "# $(java -version 2>&1 | head -1); node $(node --version); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in $MODES; do
  for size in $SIZES; do
    for run in $(seq "$RUNS"); do
      CDK_VALIDATION=false CDK_DISABLE_VERSION_CHECK=1 JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=true \
        java -XX:+UseSerialGC -cp "$CP" io.amplify4j.cdk.data.SynthesisBenchmark "$size" "$mode" 2>/dev/null \
        | grep '^models='
    done
  done
done
