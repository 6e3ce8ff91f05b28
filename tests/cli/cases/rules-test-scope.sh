# An example outside its rule's scope (a professional post for a private-account rule) is not
# reported; one that names no account runs on the rule's own ("met Jan" as a private post).
$POSTLINT rules test tests/cli/data/private.json
