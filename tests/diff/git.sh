#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# --changed-since and --staged against real git repositories made here: exactly the touched posts
# are checked, --staged scans the index content and not the working file, paths are shown as the
# user knows them, nothing is written to the inputs, and git is never handed to a shell.
# Usage: tests/diff/git.sh BUILD_DIR
set -u
build=${1:-build}
bin=$(cd "$(dirname "$build/postlint")" && pwd)/postlint
rules=$(pwd)/tests/rules/core.json
pass=0; fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pl-git-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export TMPDIR="$tmp/tmpdir" GIT_CONFIG_NOSYSTEM=1 HOME="$tmp"
mkdir -p "$TMPDIR"

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
expect() { d=$1; shift; if "$@"; then ok; else bad "$d"; fi; }
pl() { "$bin" --rules "$rules" --no-progress --lang nl "$@"; }
# The posts a json report names, one per line.
posts() { python3 -c "import json,sys; [print(p['path']) for p in json.load(sys.stdin)['posts']]"; }
same() { # description, expected (lines), actual
	if [ "$2" = "$3" ]; then ok; else bad "$1: want [$2] got [$3]"; fi
}
# Real JPEGs, three different ones, from the project's own generator: jpg VARIANT >file.
"$build/tools/mkqueue" "$tmp/jpgs" 40 3 >/dev/null || exit 1
three=$(ls "$tmp"/jpgs/d000/*-3.jpg | head -n 1)
v0=${three%-3.jpg}.jpg v1=${three%-3.jpg}-2.jpg v2=$three
jpg() { eval "cat \"\$v$1\""; }

repo=$tmp/repo
mkdir -p "$repo/queue/c/media" "$repo/queue/g"
cd "$repo" || exit 1
git init -q . && git config user.email t@example.org && git config user.name t
printf 'Open dag op het bureau\n' >queue/a.txt
printf 'Bedankt voor jullie komst\n' >queue/b.txt
printf '{"text": "Preventie-actie", "media": ["media/1.jpg"]}\n' >queue/c/post.json
jpg 0 >queue/c/media/1.jpg
printf 'Kenteken 52-HKS-7 gezocht\n' >queue/d.txt
printf 'Maandag\n' >queue/g/monday.txt
printf 'Dinsdag\n' >queue/g/tuesday.txt
jpg 1 >queue/g/monday.jpg
jpg 2 >queue/g/tuesday.jpg
git add -A && git commit -qm base

# --changed-since: a working-tree edit, an untracked post, a photo inside a post.json folder, a
# numbered photo joining a stem group. b, d and tuesday are untouched.
printf 'Inbraak aan de Kerkstraat 12a\n' >queue/a.txt
printf 'Kenteken XB-12-ZK\n' >queue/e.txt
jpg 1 >queue/c/media/1.jpg
jpg 2 >queue/g/monday-2.jpg
out=$(pl --changed-since HEAD --format json | posts)
same "changed since HEAD" "queue/a.txt
queue/e.txt
queue/c
queue/g/monday.txt" "$out"
out=$(pl --changed-since HEAD --format json queue/g | posts)
same "an input narrows the change set" "queue/g/monday.txt" "$out"
out=$(cd queue && pl --changed-since HEAD --format json | posts)
same "from a subdirectory, paths relative to it" "a.txt
e.txt
c
g/monday.txt" "$out"
pl --changed-since HEAD >/dev/null 2>&1
expect "changed posts with findings exit 1" [ $? -eq 1 ]
git add -A && git commit -qm second
out=$(pl --changed-since HEAD --format json | posts)
same "nothing changed since HEAD" "" "$out"
out=$(pl --changed-since HEAD~1 --format json | posts)
same "everything since the first commit" "queue/a.txt
queue/e.txt
queue/c
queue/g/monday.txt" "$out"

# --staged: the index content, not the working file.
printf 'Kenteken 52-HKS-7 staat hier\n' >queue/b.txt
git add queue/b.txt
printf 'Bedankt voor jullie komst\n' >queue/b.txt
printf 'Inbraak aan de Kerkstraat 99\n' >queue/d.txt   # changed but not staged
before=$(cat queue/b.txt queue/d.txt | cksum)
pl --staged --format json >"$tmp/staged.json" 2>"$tmp/staged.err"
rc=$?
out=$(posts <"$tmp/staged.json")
same "only the staged post" "queue/b.txt" "$out"
expect "staged content is what is scanned (exit 1)" [ $rc -eq 1 ]
expect "the staged plate is found, at the user's path" python3 -c "
import json
p = json.load(open('$tmp/staged.json'))['posts'][0]
f = p['findings']
assert len(f) == 1 and f[0]['rule'] == 'plate.nl' and f[0]['evidence'] == '52-HKS-7', f
assert f[0]['location']['file'] == 'queue/b.txt', f[0]['location']
"
expect "the working files are untouched" [ "$before" = "$(cat queue/b.txt queue/d.txt | cksum)" ]
expect "the staged copy is removed" [ -z "$(ls "$TMPDIR")" ]
expect "no temporary path leaks into the report" sh -c "! grep -q postlint-staged '$tmp/staged.json' '$tmp/staged.err'"
# The reverse: a clean staged version, findings only in the working file.
printf 'Alles rustig\n' >queue/b.txt
git add queue/b.txt
printf 'Kenteken 52-HKS-7\n' >queue/b.txt
pl --staged >/dev/null 2>&1
expect "a clean index passes although the working file would not" [ $? -eq 0 ]
out=$(cd queue && pl --staged --format json | posts)
same "staged, from a subdirectory" "b.txt" "$out"
# A staged photo brings its stem group, read from the index too.
jpg 0 >queue/g/tuesday-2.jpg
git add queue/g/tuesday-2.jpg
printf 'Kenteken 52-HKS-7\n' >queue/g/tuesday.txt   # not staged: the index says 'Dinsdag'
out=$(pl --staged --format json | posts)
same "a staged photo checks its post" "queue/b.txt
queue/g/tuesday.txt" "$out"
pl --staged --format json queue/g >"$tmp/g.json"
expect "its caption comes from the index" python3 -c "
import json
p = json.load(open('$tmp/g.json'))['posts']
assert [x['path'] for x in p] == ['queue/g/tuesday.txt'] and p[0]['findings'] == [], p
"
# A staged change inside a post.json folder checks the whole folder, from the index.
printf '{"text": "Kerkstraat 12a", "media": ["media/1.jpg"]}\n' >queue/c/post.json
git add queue/c/post.json
rm queue/c/media/1.jpg   # gone from the working tree, still in the index
out=$(pl --staged --format json | posts)
same "a post.json folder" "queue/b.txt
queue/c
queue/g/tuesday.txt" "$out"
pl --staged queue/c >/dev/null 2>&1
expect "its media come from the index (readable: exit 1, not 3)" [ $? -eq 1 ]
git checkout -q -- queue/c/media/1.jpg

# No shell: names and revisions with shell syntax stay data.
name='queue/$(touch pwned) `touch pwned2`; x.txt'
printf 'Kerkstraat 12a\n' >"$name"
git add "$name"
out=$(pl --staged --format json queue | posts | grep pwned)
same "odd file names are checked as named" "$name" "$out"
expect "and nothing ran" [ ! -e pwned ] && [ ! -e queue/pwned ] && [ ! -e pwned2 ]
pl --changed-since '--output=/tmp/x' >/dev/null 2>"$tmp/rev.err"
expect "a revision that looks like an option is refused" [ $? -eq 2 ]
expect "as unknown" grep -q "unknown revision '--output=/tmp/x'" "$tmp/rev.err"
pl --changed-since 'HEAD; touch pwned3' >/dev/null 2>&1
expect "a revision with shell syntax is refused (exit 2)" [ $? -eq 2 ]
expect "without running anything" [ ! -e pwned3 ]
pl --changed-since nosuchrev >/dev/null 2>&1
expect "an unknown revision is a usage error" [ $? -eq 2 ]
pl --staged /etc >/dev/null 2>&1
expect "--staged refuses paths outside the tree" [ $? -eq 2 ]
pl --staged --changed-since HEAD >/dev/null 2>&1
expect "--staged and --changed-since together are refused" [ $? -eq 2 ]

# A fresh repository with no commit yet: everything staged is new.
mkdir "$tmp/fresh" && cd "$tmp/fresh" && git init -q .
printf 'Kenteken 52-HKS-7\n' >first.txt
printf 'Niks\n' >second.txt
git add first.txt second.txt
out=$(pl --staged --format json | posts)
same "staged in a repository without commits" "first.txt
second.txt" "$out"
# Not a repository at all.
mkdir "$tmp/plain" && cd "$tmp/plain"
pl --staged >/dev/null 2>"$tmp/plain.err"
expect "outside git: exit 2" [ $? -eq 2 ]
expect "with a clear message" grep -q "needs a git work tree" "$tmp/plain.err"

echo "git: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
