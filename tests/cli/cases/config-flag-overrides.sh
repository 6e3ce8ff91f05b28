$POSTLINT --fail-on error tests/cli/data/cfg/sub/post.txt
