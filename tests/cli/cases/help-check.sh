$POSTLINT check --help
