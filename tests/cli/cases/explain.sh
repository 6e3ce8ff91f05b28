$POSTLINT explain --rules tests/rules/core.json plate.nl
