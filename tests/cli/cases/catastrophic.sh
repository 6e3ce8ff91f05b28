# A pattern that backtracks catastrophically ends in a clear error (exit 2), not a hung job.
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "a"; printf "!\n" }' | $POSTLINT --rules tests/cli/data/catastrophic.json -
