$POSTLINT tests/cli/data/clean.txt --rules
