$POSTLINT --help
