#!/usr/bin/env bash
# The README opens with exactly two commands; the second is what .ci/run runs; the algorithm
# table names exactly the algorithms and variants of `interleave list`.
set -u
root=$1
interleave=$2
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

mapfile -t commands < <(awk '/^```sh$/{inside=1; next} /^```$/{inside=0} inside' "$root/README.md" | head -2)
[[ ${commands[0]:-} == *"interleave check maekawa --n 3"* ]] || fail "first README command: ${commands[0]:-}"
grep -qxF "${commands[1]:-none}" "$root/.ci/run" || fail ".ci/run does not run the README's test command: ${commands[1]:-}"
first_block_line=$(grep -n '^```' "$root/README.md" | head -1 | cut -d: -f1)
[[ $first_block_line -le 5 ]] || fail "the README does not open with the commands (first block at line $first_block_line)"

listed=$("$interleave" list | awk '/^[a-z]/ && !/^System/ {print $1}' | sort | tr '\n' ' ')
tabled=$(grep -E '^\| `[a-z][a-z-]*` \|' "$root/README.md" | awk -F'`' '{print $2}' | sort | tr '\n' ' ')
[[ "$listed" == "$tabled" ]] || fail "README algorithm table ($tabled) differs from interleave list ($listed)"
for algorithm in $listed; do
  variants=$("$interleave" list | awk -v a="$algorithm" '$1==a{on=1; next} /^[a-z]/{on=0} on && /^    [a-z]/ && prev ~ /variants:/ {print $1} on {if ($0 ~ /variants:/) prev="variants:"; else if ($0 !~ /^    /) prev=""}' | sort | tr '\n' ' ')
  row=$(grep -E "^\| \`$algorithm\` \|" "$root/README.md" | awk -F'|' '{print $3}' | grep -oE '`[a-z-]+`' | tr -d '`' | sort | tr '\n' ' ')
  [[ "$variants" == "$row" ]] || fail "$algorithm: README variants ($row) differ from interleave list ($variants)"
done

if [[ $failures -eq 0 ]]; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; fi
[[ $failures -eq 0 ]]
