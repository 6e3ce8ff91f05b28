$POSTLINT tests/cli/data/violations.txt --rules tests/rules/core.json -q --format json
