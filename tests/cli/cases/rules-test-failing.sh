$POSTLINT rules test tests/rules/core.json tests/cli/data/failing-examples.json
