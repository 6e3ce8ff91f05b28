$POSTLINT --rules tests/rules/core.json --format sarif tests/cli/data/violations.txt
