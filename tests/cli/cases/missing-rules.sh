$POSTLINT --rules tests/cli/data/no-such-rules.json tests/cli/data/clean.txt
