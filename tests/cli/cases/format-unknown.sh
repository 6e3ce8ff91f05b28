$POSTLINT --rules tests/rules/core.json --format xml tests/cli/data/clean.txt
