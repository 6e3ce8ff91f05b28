printf '' | $POSTLINT --rules tests/rules/core.json -
