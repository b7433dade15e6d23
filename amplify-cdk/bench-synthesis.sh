#!/usr/bin/env bash
# Whole-process synthesis benchmark: 1, 10, 50, 100 and 200 generated models, CDK validation off and on, RUNS runs
# each, one forked JVM (and its Node child) per run, started by exec:exec (Maven's own time is not measured: the
# forked process reports its time from its own start). Prints one line per run (see SynthesisBenchmark);
# BENCHMARKS.md keeps the median of each case. Run from the repository root: ./amplify-cdk/bench-synthesis.sh
set -euo pipefail
RUNS=${RUNS:-3}
SIZES=${SIZES:-"1 10 50 100 200"}
MODES=${MODES:-"off on"}
mvn -B -q -pl amplify-cdk -am test-compile -Dresolver-lint.skip=true  # later runs recompile nothing
echo "# $(java -version 2>&1 | head -1); node $(node --version); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in $MODES; do
  for size in $SIZES; do
    for run in $(seq "$RUNS"); do
      mvn -B -q -o -pl amplify-cdk -am test-compile exec:exec -Dresolver-lint.skip=true -Dbench.args="$size $mode" 2>/dev/null \
        | grep -o 'models=.*' || echo "models=$size validation=$mode FAILED"
    done
  done
done
echo "# load after $(cut -d' ' -f1-3 /proc/loadavg)"
