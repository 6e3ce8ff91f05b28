$POSTLINT --rules tests/rules/core.json --color always tests/cli/data/violations.txt
