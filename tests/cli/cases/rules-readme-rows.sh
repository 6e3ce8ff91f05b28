# Every rule of the default pack has its row in rules/README.md's table of rules.
$POSTLINT rules list rules/default.json | awk '{ print $1 }' | while read -r id; do
	grep -q "^| \`$id\` |" rules/README.md || echo "no row in rules/README.md for $id"
done
