$POSTLINT --config tests/cli/data/cfg/.postlint.json -q tests/cli/data/warnings.txt
