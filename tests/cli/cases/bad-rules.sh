$POSTLINT --rules tests/cli/data/bad-rules.json tests/cli/data/clean.txt
