$POSTLINT --rules tests/cli/data/private.json tests/cli/data/manifest/post.json
