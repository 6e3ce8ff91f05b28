$POSTLINT --rules tests/rules/core.json tests/cli/data/dirpost
