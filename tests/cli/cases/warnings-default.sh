$POSTLINT --rules tests/rules/core.json tests/cli/data/warnings.txt
