$POSTLINT --rules tests/rules/core.json --output /nonexistent/dir/report.txt tests/cli/data/clean.txt
