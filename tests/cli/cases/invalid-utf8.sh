$POSTLINT --rules tests/rules/core.json tests/cli/data/invalid-utf8.txt
