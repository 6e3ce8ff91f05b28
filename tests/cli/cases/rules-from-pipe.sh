# A rules file read through a pipe (as "--rules <(...)" gives one) has no path to resolve: it is
# known by the name it was given, and loads like any other.
cat tests/rules/core.json | $POSTLINT --rules /dev/stdin -q tests/cli/data/violations.txt; echo "pipe: exit $?"
cat tests/rules/core.json | $POSTLINT --no-cache --rules /dev/stdin -q tests/cli/data/violations.txt; echo "pipe, no cache: exit $?"
