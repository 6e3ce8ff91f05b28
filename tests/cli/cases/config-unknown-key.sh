$POSTLINT tests/cli/data/badcfg/post.txt
