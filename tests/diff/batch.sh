#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Folder checks through the CLI: the same output whatever -j, the CI formats (github, junit,
# gitlab, sarif, json) validated with python3's xml.etree and json, several outputs at once, and
# exit code 3 for a post that cannot be read while the batch goes on.
# Usage: tests/diff/batch.sh BUILD_DIR
set -u
build=${1:-build}
bin=$build/postlint
rules=tests/rules/core.json
pass=0; fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pl-batch-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
expect() { # description, command...
	d=$1; shift
	if "$@"; then ok; else bad "$d"; fi
}
pl() { "$bin" --rules "$rules" --no-progress --today 2025-01-01 "$@"; }
py() { python3 -c "$@"; }

# The queue: 400 generated posts (captions, JPEGs, numbered photos), plus one of each other shape.
"$build/tools/mkqueue" "$tmp/q" 400 7 || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p "$tmp/q/manifest/media" "$tmp/q/zz" "$tmp/q/drafts" "$tmp/q/.hidden"
cp "$tmp/q/d000/p000000.jpg" "$tmp/q/manifest/media/1.jpg"
printf '{"text": "Kenteken XB-12-ZK gezien", "media": ["media/1.jpg"], "lang": "nl"}\n' \
	>"$tmp/q/manifest/post.json"
cp "$tmp/q/d000/p000000.jpg" "$tmp/q/zz/lone.jpg"
printf 'Kerkstraat 12a\n' >"$tmp/q/drafts/ignored.txt"
printf 'Kerkstraat 12a\n' >"$tmp/q/.hidden/ignored.txt"
printf 'drafts/\n' >"$tmp/q/.postlintignore"
ln -s .. "$tmp/q/zz/loop"
npost=402

# -j determinism: byte-identical reports and exit codes at 1, 2 and 4 workers.
for j in 1 2 4; do
	pl -j $j --format json "$tmp/q" >"$tmp/j$j.json" 2>"$tmp/j$j.err"; echo $? >"$tmp/j$j.rc"
	pl -j $j "$tmp/q" >"$tmp/j$j.txt" 2>>"$tmp/j$j.err"; echo $? >>"$tmp/j$j.rc"
done
expect "-j1 and -j2 json differ" cmp -s "$tmp/j1.json" "$tmp/j2.json"
expect "-j1 and -j4 json differ" cmp -s "$tmp/j1.json" "$tmp/j4.json"
expect "-j1 and -j4 text differ" cmp -s "$tmp/j1.txt" "$tmp/j4.txt"
expect "-j exit codes differ" cmp -s "$tmp/j1.rc" "$tmp/j4.rc"
expect "-j1 and -j4 stderr differ" cmp -s "$tmp/j1.err" "$tmp/j4.err"
expect "violations exit 1" [ "$(head -n 1 "$tmp/j1.rc")" = 1 ]
expect "the link loop is noted" grep -q "skipped '.*zz/loop.*': symbolic link loop" "$tmp/j1.err"
expect "json: every post once, in folder order, ignored and hidden ones out" py "
import json, sys
d = json.load(open('$tmp/j1.json'))
paths = [p['path'] for p in d['posts']]
assert len(paths) == $npost == d['summary']['posts'], len(paths)
assert paths == sorted(paths, key=lambda p: p.replace('$tmp/q/', '')), 'order'
assert not any('ignored' in p for p in paths)
s = d['summary']
assert s['block'] + s['review'] + s['ok'] == $npost
assert sum(s['categories'].values()) == s['errors'] + s['warnings'] + s['infos']
assert {'plate', 'address', 'identity', 'clothing'} <= set(s['categories']), s['categories']
m = [p for p in d['posts'] if p['path'].endswith('/manifest')][0]
assert m['verdict'] == 'BLOCK' and m['findings'][0]['rule'] == 'plate.nl', m
"

# CI formats, each validated by a real parser against the json report of the same run.
pl -j 2 --format github "$tmp/q" >"$tmp/out.github"
pl -j 2 --format junit "$tmp/q" >"$tmp/out.xml"
pl -j 2 --format gitlab "$tmp/q" >"$tmp/out.gitlab"
pl -j 2 --format sarif "$tmp/q" >"$tmp/out.sarif"
expect "github annotations" py "
import json, re
d = json.load(open('$tmp/j1.json'))
lines = open('$tmp/out.github').read().splitlines()
n = sum(len(p['findings']) for p in d['posts'])
assert len(lines) == n, (len(lines), n)
pat = re.compile(r'^::(error|warning|notice) file=[^,:]+(,line=[0-9]+,col=[0-9]+)?,title=postlint [a-z._]+::[^\r\n]+$')
for l in lines:
    assert pat.match(l), l
assert sum(l.startswith('::error ') for l in lines) == d['summary']['errors']
"
expect "junit XML" py "
import json, xml.etree.ElementTree as ET
d = json.load(open('$tmp/j1.json'))
root = ET.parse('$tmp/out.xml').getroot()
assert root.tag == 'testsuites'
suites = root.findall('testsuite')
assert len(suites) == 1
cases = suites[0].findall('testcase')
assert [c.get('name') for c in cases] == [p['path'] for p in d['posts']]
fails = sum(len(c.findall('failure')) for c in cases)
assert fails == d['summary']['errors'] + d['summary']['warnings'], fails
failed = sum(1 for c in cases if c.findall('failure'))
assert failed == d['summary']['block'] + d['summary']['review'], failed
"
expect "gitlab code quality" py "
import json
d = json.load(open('$tmp/j1.json'))
issues = json.load(open('$tmp/out.gitlab'))
assert len(issues) == sum(len(p['findings']) for p in d['posts'])
fps = set()
for i in issues:
    assert set(i) == {'description', 'check_name', 'fingerprint', 'severity', 'location'}, i
    assert i['severity'] in ('info', 'minor', 'major', 'critical', 'blocker')
    assert isinstance(i['location']['path'], str) and i['location']['lines']['begin'] >= 1
    assert len(i['fingerprint']) == 64
    fps.add(i['fingerprint'])
assert len(fps) == len(issues), 'fingerprints must be unique'
"
expect "sarif is JSON with every result" py "
import json
d = json.load(open('$tmp/j1.json'))
s = json.load(open('$tmp/out.sarif'))
assert len(s['runs'][0]['results']) == sum(len(p['findings']) for p in d['posts'])
"

# Escaping: a file name with ',' and ':', a caption with '%' and an '&' and '<' for XML.
mkdir -p "$tmp/esc"
printf 'kenteken 52-HKS-7 <b> & 100%%\n' >"$tmp/esc/a,b:c.txt"
pl --format github "$tmp/esc/a,b:c.txt" >"$tmp/esc.github"
expect "github escapes ',' and ':' in properties" grep -q "file=$tmp/esc/a%2Cb%3Ac.txt,line=1,col=10," "$tmp/esc.github"
pl --format junit "$tmp/esc/a,b:c.txt" >"$tmp/esc.xml"
expect "junit escapes" py "
import xml.etree.ElementTree as ET
c = ET.parse('$tmp/esc.xml').getroot().find('testsuite/testcase')
assert c.get('name').endswith('a,b:c.txt') and c.find('failure') is not None
"
printf 'Kerkstraat 12a\r\nline %%0A two\n' >"$tmp/esc/nl.txt"
pl --format github --lang nl "$tmp/esc/nl.txt" >"$tmp/esc2.github"
expect "github message is one line" [ "$(wc -l <"$tmp/esc2.github")" -eq 1 ]

# Several outputs: each --format with the --output after it, text to stdout.
pl -j 2 --format sarif --output "$tmp/multi.sarif" --format json --output "$tmp/multi.json" \
	--format text "$tmp/q" >"$tmp/multi.txt" 2>/dev/null
expect "text on stdout, as alone" cmp -s "$tmp/multi.txt" "$tmp/j1.txt"
expect "json to its file, as alone" cmp -s "$tmp/multi.json" "$tmp/j1.json"
expect "sarif to its file" cmp -s "$tmp/multi.sarif" "$tmp/out.sarif"
pl --format json --format sarif "$tmp/esc" >/dev/null 2>"$tmp/two.err"
expect "two formats on stdout is a usage error" [ $? -eq 2 ]
expect "and says so" grep -q "several formats would write to stdout" "$tmp/two.err"
pl --output "$tmp/early.json" --format json "$tmp/esc" >/dev/null
expect "--output before --format pairs with it" py "import json; json.load(open('$tmp/early.json'))"

# Unreadable posts: reported for that post, the batch goes on, exit 3.
mkdir -p "$tmp/u/broken" "$tmp/u/nomedia"
printf '{"text": "x",\n' >"$tmp/u/broken/post.json"
printf '{"text": "niks", "media": ["gone.jpg"]}\n' >"$tmp/u/nomedia/post.json"
printf 'Kerkstraat 12a\n' >"$tmp/u/z.txt"
printf 'ook niks\n' >"$tmp/u/y.txt"
pl --format json "$tmp/u" >"$tmp/u.json" 2>"$tmp/u.err"
expect "unreadable posts exit 3" [ $? -eq 3 ]
expect "the others are still checked" py "
import json
d = json.load(open('$tmp/u.json'))
v = {p['path'].split('/')[-1]: p['verdict'] for p in d['posts']}
assert v == {'y.txt': 'OK', 'z.txt': 'BLOCK', 'broken': 'ERROR', 'nomedia': 'BLOCK'}, v
assert d['summary']['unreadable'] == 1
"
expect "the broken manifest is named on stderr" grep -q "broken/post.json:[0-9]*:[0-9]*: invalid JSON in post manifest" "$tmp/u.err"
pl --format json "$tmp/nowhere" >/dev/null 2>"$tmp/n.err"
expect "a missing folder exits 3" [ $? -eq 3 ]
expect "with the reason" grep -q "cannot read '$tmp/nowhere': no such file or directory" "$tmp/n.err"
pl -j 0 "$tmp/u" >/dev/null 2>&1
expect "-j 0 is a usage error" [ $? -eq 2 ]

echo "batch: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
