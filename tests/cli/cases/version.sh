$POSTLINT --version
