$POSTLINT --rules tests/rules/core.json -q --lang fr tests/cli/data/violations.txt
