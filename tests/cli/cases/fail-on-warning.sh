$POSTLINT --rules tests/rules/core.json --fail-on warning tests/cli/data/warnings.txt
