# The compiled-pattern cache: the first run writes it, the next ones read it, and the findings are
# the same each time; a damaged or truncated file, or one of another build, is compiled again and
# rewritten; --no-cache neither reads nor writes it.
export POSTLINT_CACHE_DIR="$T/c"
p=tests/cli/data/violations.txt
"$POSTLINT" --rules rules/default.json "$p" >"$T/cold.out"; echo "cold: exit $?"
ls "$T/c" | sed 's/^[0-9a-f]\{16\}\.plrc$/PACK.plrc/'
f=$(ls "$T/c"/*.plrc)
"$POSTLINT" --rules rules/default.json "$p" >"$T/warm.out"; echo "warm: exit $?"
cmp "$T/cold.out" "$T/warm.out" && echo "warm: same findings"
cp "$f" "$T/good"
# damaged in the middle: one byte flipped
python3 -c 'import sys; b = bytearray(open(sys.argv[1], "rb").read()); b[len(b) // 2] ^= 0xff; open(sys.argv[1], "wb").write(b)' "$f"
"$POSTLINT" --rules rules/default.json "$p" >"$T/bad.out"; echo "damaged: exit $?"
cmp "$T/cold.out" "$T/bad.out" && echo "damaged: same findings"
cmp -s "$f" "$T/good" && echo "damaged: rewritten"
# cut short, then empty, then another build's id (the checksum and the id are both checked)
head -c 1000 "$T/good" >"$f"
"$POSTLINT" --rules rules/default.json "$p" | cmp - "$T/cold.out" && echo "truncated: same findings"
: >"$f"
"$POSTLINT" --rules rules/default.json "$p" | cmp - "$T/cold.out" && echo "empty: same findings"
sed 's/postlint [0-9.]*;/postlint 9.9.9;/' "$T/good" >"$f"
"$POSTLINT" --rules rules/default.json "$p" | cmp - "$T/cold.out" && echo "other build: same findings"
cmp -s "$f" "$T/good" && echo "other build: rewritten"
rm -rf "$T/c"
"$POSTLINT" --no-cache --rules rules/default.json "$p" | cmp - "$T/cold.out" && echo "no-cache: same findings"
[ -e "$T/c" ] || echo "no-cache: nothing written"
