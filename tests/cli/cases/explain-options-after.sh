$POSTLINT explain plate.nl --rules tests/rules/core.json --lang fr
