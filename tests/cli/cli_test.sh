#!/usr/bin/env bash
# The command line end to end: exit codes (0 holds, 1 violated, 2 bad input, 3 incomplete),
# one-line errors on stderr for bad input, --json and --trace-json.
set -u
interleave=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
passed=0

# expect CODE PATTERN ARGS...: the exit code is CODE and stdout+stderr matches PATTERN (grep -E).
expect() {
  local code=$1 pattern=$2
  shift 2
  local quiet=()
  [[ $1 == check ]] && quiet=(--no-progress)
  "$interleave" "$@" "${quiet[@]}" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [[ $got -ne $code ]] || ! cat "$tmp/out" "$tmp/err" | grep -Eq -- "$pattern"; then
    echo "FAIL: interleave $* -> exit $got (want $code), output:"; head -5 "$tmp/out" "$tmp/err"
    failures=$((failures + 1))
  else
    passed=$((passed + 1))
  fi
}

# bad_input PATTERN ARGS...: exit 2, nothing on stdout, exactly one line on stderr matching PATTERN.
bad_input() {
  local pattern=$1
  shift
  "$interleave" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  local lines
  lines=$(wc -l <"$tmp/err")
  if [[ $got -ne 2 || $lines -ne 1 || -s "$tmp/out" ]] || ! grep -Eq -- "^interleave: error: .*$pattern" "$tmp/err"; then
    echo "FAIL: interleave $* -> exit $got, $lines stderr lines:"; cat "$tmp/err"
    failures=$((failures + 1))
  else
    passed=$((passed + 1))
  fi
}

# Verdicts and exit codes.
expect 1 'deadlock freedom +violated +\(deadlock after 12 steps\)' check maekawa --n 3
expect 1 'mutual exclusion +violated +\(invariant violation after 6 steps\)' check maekawa --n 3 --variant optimised
expect 0 'verdict: holds' check ricart-agrawala --n 3
expect 0 'states=2879 ' check ricart-agrawala --n 3 --strategy dfs
expect 0 'states=2101 ' check ricart-agrawala --n 3 --network fifo
expect 0 'states=28582 ' check ricart-agrawala --n 3 --variant lamport-clocks
expect 1 'states=2153 ' check maekawa --n 3 --max-states 2153
expect 1 'states=2152 ' check maekawa --n 3 --max-states 2152
expect 1 'mutual exclusion +incomplete' check maekawa --n 3 --max-states 2152
expect 1 'deadlock after 6 steps' check ricart-agrawala --n 3 --crashes 1
expect 3 'verdict: incomplete' check ricart-agrawala --n 3 --max-states 100
expect 3 'states=100 ' check ricart-agrawala --n 3 --max-states 100
expect 3 'stopped: state limit reached' check ricart-agrawala --n 3 --max-states 100
expect 3 'stopped: depth limit reached' check ricart-agrawala --n 3 --max-depth 5
expect 3 'mutual exclusion +incomplete' check ricart-agrawala --n 3 --max-depth 5
expect 0 'verdict: holds' check ricart-agrawala --n 3 --max-depth 18
expect 1 'verdict: violated' check maekawa --n 3 --max-states 100000 --time-limit 60
expect 0 'states=180 ' check central-server
expect 1 'deadlock freedom +violated +\(deadlock after 4 steps\)' check central-server --crashes 1
expect 0 'states=162 ' check token-ring
expect 1 'deadlock after 3 steps' check token-ring --crashes 1
expect 0 'reached in 1 step\)' check token-ring
bad_input "central-server: --n \(clients\) must be between 2 and 8, got 9" check central-server --n 9
bad_input "--crashes must be between 0 and 4 \\(the number of processes\\), got 5" check central-server --crashes 5
bad_input "--sets does not apply to token-ring" check token-ring --sets "1,2;1,2"
expect 0 'verdict: holds' check maekawa --property mutual-exclusion
expect 1 'verdict: violated \(deadlock freedom\)' check maekawa --property deadlock-freedom --property "mutual exclusion"
expect 0 'mutual-exclusion \(always\)' list
expect 0 'ordering \(always\)' list
expect 1 'ordering +violated +\(invariant violation after 13 steps\)' check ricart-agrawala --requests 2 --property ordering
expect 0 'happened-before tracked' check ricart-agrawala --property ordering
bad_input "unknown property 'liveness' of maekawa \(known: deadlock-freedom, well-formed, mutual-exclusion" check maekawa --property liveness
expect 0 'ricart-agrawala' list
expect 0 'optimised' list

# --json: one object with the verdict per property.
expect 1 '^\{"algorithm":"maekawa".*"verdict":"violated","violated":"deadlock freedom"' check maekawa --n 3 --json
expect 0 '"states":2879,' check ricart-agrawala --n 3 --json
expect 3 '"verdict":"incomplete"' check ricart-agrawala --n 3 --json --max-states 10

# --trace-json writes a replayable trace.
expect 1 'trace written to' check maekawa --n 3 --trace-json "$tmp/trace.json"
if grep -q '"format": "interleave-trace"' "$tmp/trace.json" && grep -q '"length": 12' "$tmp/trace.json" &&
   grep -q '"sets": "1,2;2,3;3,1"' "$tmp/trace.json"; then
  passed=$((passed + 1))
else
  echo "FAIL: trace file content"; head -20 "$tmp/trace.json"; failures=$((failures + 1))
fi

# Progress: plain key=value lines on stderr (not a terminal) at least every 2 s; a time limit
# ends the run as incomplete, never as holds.
"$interleave" check ricart-agrawala --n 4 --time-limit 4.5 >"$tmp/out" 2>"$tmp/err"
got=$?
progress_lines=$(grep -c '^progress states=[0-9]* transitions=[0-9]* depth=[0-9]* frontier=[0-9]* states/s=' "$tmp/err")
if [[ $got -eq 3 && $progress_lines -ge 2 ]] && grep -q 'stopped: time limit reached' "$tmp/out" &&
   grep -q 'mutual exclusion *incomplete' "$tmp/out"; then
  passed=$((passed + 1))
else
  echo "FAIL: progress / time limit: exit $got, $progress_lines progress lines"; cat "$tmp/err" "$tmp/out"
  failures=$((failures + 1))
fi

# Bad input: one line, exit 2.
bad_input "unknown algorithm 'paxos'" check paxos
bad_input "unknown variant 'fast' of maekawa" check maekawa --variant fast
bad_input "--n must be at least 2, got 1" check maekawa --n 1
bad_input "--n must be at least 2, got -3" check ricart-agrawala --n -3
bad_input "between 2 and 8, got 9" check ricart-agrawala --n 9
bad_input "between 2 and 16, got 40" check maekawa --n 40
bad_input "V1 and V2 do not intersect" check maekawa --sets "1,2;3,4;1,3;2,4"
bad_input "names p7, but there are only 3 processes" check maekawa --sets "1,2;2,7;3,1"
bad_input "is not a process number" check maekawa --sets "1,2;two,3;3,1"
bad_input "gives 3 voting sets for 4 processes" check maekawa --n 4 --sets "1,2;2,3;3,1"
bad_input "--sets does not apply to ricart-agrawala" check ricart-agrawala --sets "1,2;2,1"
bad_input "--n" check maekawa --n abc
bad_input "--n" check maekawa --n 3.5
bad_input "--requests" check maekawa --requests -1
bad_input "--crashes must be between 0 and 3 \\(the number of processes\\), got -1" check maekawa --crashes -1
bad_input "--crashes must be between 0 and 3 \\(the number of processes\\), got 5" check maekawa --crashes 5
bad_input "--network must be bag or fifo, got 'lossy'" check maekawa --network lossy
bad_input "--strategy must be bfs or dfs, got 'astar'" check maekawa --strategy astar
bad_input "--max-states must be between 0 and 4294967295, got -5" check maekawa --max-states -5
bad_input "--max-states must be between 0 and 4294967295, got 99999999999999999999999" check maekawa --max-states 99999999999999999999999
bad_input "--time-limit must not be negative" check maekawa --time-limit -1
bad_input "--time-limit must be a number of seconds, got 'nan'" check maekawa --time-limit nan
bad_input "--time-limit must be a number of seconds, got '1e400'" check maekawa --time-limit 1e400
bad_input "--n must be a decimal integer, got '010'" check maekawa --n 010
bad_input "--n must be a decimal integer, got '0x10'" check maekawa --n 0x10
bad_input "--n must be between .* got 99999999999" check maekawa --n 99999999999
bad_input "--requests must be between 1 and 4, got 1000" check maekawa --requests 1000
bad_input "--max-depth must be between 0 and 4294967294, got 5000000000" check maekawa --max-depth 5000000000
bad_input "is not a process number" check maekawa --sets ""
bad_input "is not a process number" check maekawa --sets ";"
bad_input "is not a process number" check maekawa --sets "1,2;"
bad_input "unknown variant 'optimised' of ricart-agrawala" check ricart-agrawala --variant optimised
bad_input "--trace-json needs a file name" check maekawa --trace-json ""
# The report is already out when the write fails: exit 2 and the error, after it.
expect 2 "interleave: error: could not write --trace-json file '/dev/full'" check maekawa --trace-json /dev/full
bad_input "--max-depth must be a decimal integer, got 'x'" check maekawa --max-depth x
bad_input "cannot write --trace-json file" check maekawa --trace-json /nonexistent/dir/t.json
bad_input "" check
bad_input "" frobnicate

echo "$passed passed, $failures failed"
[[ $failures -eq 0 ]]
