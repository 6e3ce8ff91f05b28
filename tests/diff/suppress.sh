#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Suppressions and baselines through the CLI: allow entries that suppress, expire, go unused or are
# invalid; --show-suppressed; --today; a baseline written, read back, and kept stable when a
# caption is edited elsewhere.
# Usage: tests/diff/suppress.sh BUILD_DIR
set -u
build=${1:-build}
bin=$(cd "$(dirname "$build/postlint")" && pwd)/postlint
rules=$(pwd)/tests/rules/core.json
pass=0; fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pl-sup-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
expect() { d=$1; shift; if "$@"; then ok; else bad "$d"; fi; }
pl() { "$bin" --rules "$rules" --no-progress --lang nl "$@"; }
py() { python3 -c "$@"; }

mkdir -p "$tmp/p"
cat >"$tmp/p/post.json" <<'JSON'
{ "text": "Onze dienstauto 52-HKS-7 stond bij de Kerkstraat 12a.",
  "allow": [
    { "rule": "plate.*", "match": "52-hks-7", "reason": "our own patrol car", "by": "j.devries", "until": "2025-12-31" },
    { "rule": "address.street", "reason": "was ok once", "by": "j.devries", "until": "2024-12-31" },
    { "rule": "identity.iban", "reason": "nothing like it here", "by": "a.peeters", "until": "2025-12-31" },
    { "rule": "plate.nl", "reason": "no owner", "until": "2025-12-31" }
  ] }
JSON
pl --today 2025-06-01 --format json "$tmp/p" >"$tmp/a.json"
expect "exit 1: the expired entry lets the address through" [ $? -eq 1 ]
expect "one suppressed, the others reported where they stand" py "
import json
d = json.load(open('$tmp/a.json'))
p = d['posts'][0]
got = sorted((f['rule'], f['location'].get('line')) for f in p['findings'])
want = [('address.street', 1), ('suppression.expired', 4), ('suppression.invalid', 6), ('suppression.unused', 5)]
assert got == want, got
assert 'suppressed' not in p
assert d['summary']['suppressed'] == 1 and d['summary']['categories']['suppression'] == 3, d['summary']
"
pl --today 2025-06-01 --show-suppressed --format json "$tmp/p" >"$tmp/b.json"
expect "--show-suppressed lists it, with who and why" py "
import json
s = json.load(open('$tmp/b.json'))['posts'][0]['suppressed']
assert len(s) == 1 and s[0]['rule'] == 'plate.nl', s
assert 'allowed by j.devries until 2025-12-31: our own patrol car' in s[0]['message'], s[0]['message']
"
pl --today 2025-06-01 --show-suppressed "$tmp/p" >"$tmp/b.txt"
expect "and the text report shows it" grep -q "suppressed: .*allowed by j.devries" "$tmp/b.txt"
expect "the summary counts it" grep -q "not shown: 1 suppressed by 'allow' entries, 0 in the baseline" "$tmp/b.txt"
pl --today 2026-01-01 --format json "$tmp/p" >"$tmp/c.json"
expect "after 'until', the plate is back" py "
import json
rules = sorted(f['rule'] for f in json.load(open('$tmp/c.json'))['posts'][0]['findings'])
assert rules.count('suppression.expired') == 3 and 'plate.nl' in rules, rules
"
pl --today 2025-13-01 "$tmp/p" >/dev/null 2>&1
expect "--today takes a date" [ $? -eq 2 ]

# Baselines.
mkdir -p "$tmp/repo/q"
printf 'Kenteken 52-HKS-7.\nInbraak aan de Kerkstraat 12a.\n' >"$tmp/repo/q/a.txt"
printf 'Kenteken XB-12-ZK.\n' >"$tmp/repo/q/b.txt"
cd "$tmp/repo" || exit 1
pl --write-baseline base.json q >/dev/null 2>"$tmp/w.err"
expect "writing a baseline exits 0" [ $? -eq 0 ]
expect "and says how many" grep -q "wrote 3 findings to 'base.json'" "$tmp/w.err"
expect "a sorted file, one finding a line" py "
import json
d = json.load(open('base.json'))
assert d['postlint_baseline'] == 1
keys = [(f['file'], f['rule'], f['fingerprint']) for f in d['findings']]
assert keys == sorted(keys) and len(keys) == 3, keys
assert len(open('base.json').read().splitlines()) == 5
"
cp base.json base.orig
pl --baseline base.json --format json q >"$tmp/d.json"
expect "everything known: exit 0" [ $? -eq 0 ]
expect "nothing reported, three counted" py "
import json
d = json.load(open('$tmp/d.json'))
assert all(p['findings'] == [] for p in d['posts']) and d['summary']['baselined'] == 3, d['summary']
"
printf 'Nieuw bericht.\n\nKenteken 52-HKS-7.\nInbraak aan de KERKSTRAAT 12a.\n' >q/a.txt
pl --baseline base.json q >/dev/null
expect "an edit elsewhere in the caption keeps the baseline" [ $? -eq 0 ]
printf 'Kenteken 52-HKS-7.\nKenteken 99-XKL-1.\n' >q/b.txt
pl --baseline base.json --format json q >"$tmp/e.json"
expect "a new finding is reported" [ $? -eq 1 ]
expect "only the new one" py "
import json
f = [f for p in json.load(open('$tmp/e.json'))['posts'] for f in p['findings']]
assert [x['evidence'] for x in f] == ['52-HKS-7', '99-XKL-1'], f
"
expect "a check never writes the baseline" cmp -s base.json base.orig
printf '{"findings": []}\n' >bad.json
pl --baseline bad.json q >/dev/null 2>"$tmp/f.err"
expect "a file that is no baseline is a usage error" [ $? -eq 2 ]
expect "named with its place" grep -q "bad.json:1:1: not a postlint baseline" "$tmp/f.err"

echo "suppress: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
