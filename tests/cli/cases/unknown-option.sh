$POSTLINT --bogus tests/cli/data/clean.txt
