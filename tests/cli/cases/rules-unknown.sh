$POSTLINT rules frob
