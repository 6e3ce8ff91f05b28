$POSTLINT rules list --validators
