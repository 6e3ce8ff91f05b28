$POSTLINT rules test tests/rules/core.json
