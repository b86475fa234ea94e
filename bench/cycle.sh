#!/usr/bin/env bash
# The cycle's own overhead with instant agents (target < 5 ms per cycle after warm-up), and a cycle
# with four parallel one-second S1 agents against its critical path (target within 0.3 s).
source "$(dirname "$0")/lib.sh"
"${JAVA[@]}" CycleOverhead 3000 3000
"${JAVA[@]}" ParallelCycle 5
