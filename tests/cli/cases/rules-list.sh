$POSTLINT rules list tests/rules/core.json
