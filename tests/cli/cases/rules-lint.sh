$POSTLINT rules lint tests/cli/data/private.json
