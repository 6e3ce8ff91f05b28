$POSTLINT --rules tests/rules/core.json --fail-on high tests/cli/data/violations.txt
