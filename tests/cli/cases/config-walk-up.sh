# No --rules: the .postlint.json above the input picks the rules and makes warnings fail.
$POSTLINT tests/cli/data/cfg/sub/post.txt
