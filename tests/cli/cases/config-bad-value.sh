$POSTLINT tests/cli/data/badcfg2/post.txt
