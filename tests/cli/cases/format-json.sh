$POSTLINT --rules tests/rules/core.json --format json tests/cli/data/violations.txt tests/cli/data/clean.txt
