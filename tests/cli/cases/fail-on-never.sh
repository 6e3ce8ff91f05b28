$POSTLINT --rules tests/rules/core.json --fail-on never tests/cli/data/violations.txt
