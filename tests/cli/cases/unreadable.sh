# A missing input is reported on stderr, the batch goes on, and the exit code is 3.
$POSTLINT --rules tests/rules/core.json tests/cli/data/missing.txt tests/cli/data/violations.txt tests/cli/data/clean.txt
