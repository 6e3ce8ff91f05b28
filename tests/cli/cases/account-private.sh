# The same caption: the private-account rule reports only with --account private.
$POSTLINT --rules tests/cli/data/private.json -q tests/cli/data/private-post.txt; echo "professional: exit $?"
$POSTLINT --rules tests/cli/data/private.json -q --account private tests/cli/data/private-post.txt; echo "private: exit $?"
$POSTLINT --rules tests/cli/data/private.json -q --account public tests/cli/data/private-post.txt; echo "public: exit $?"
