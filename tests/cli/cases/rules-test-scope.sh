# An example outside its rule's scope (a professional post for a private-account rule) is not reported.
$POSTLINT rules test tests/cli/data/private.json
