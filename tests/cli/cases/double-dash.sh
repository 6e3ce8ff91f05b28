# "--" ends the options: what follows is a path even when it starts with "-".
$POSTLINT --rules tests/rules/core.json -- -q
