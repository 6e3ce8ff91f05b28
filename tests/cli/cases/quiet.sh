$POSTLINT --rules tests/rules/core.json -q tests/cli/data/violations.txt tests/cli/data/clean.txt
