# --output writes the report to a file; stdout stays empty.
$POSTLINT --rules tests/rules/core.json --format json --output "$T/report.json" tests/cli/data/violations.txt
echo "exit $?"
cat "$T/report.json"
