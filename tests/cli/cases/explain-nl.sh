$POSTLINT explain --rules tests/rules/core.json --lang nl clothing.combination
