printf 'Ça va, kenteken AB-12-34\n' | $POSTLINT --rules tests/rules/core.json -
