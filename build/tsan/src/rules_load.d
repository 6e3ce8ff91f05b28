build/tsan/src/rules_load.o: src/rules_load.c src/diag.h \
 include/postlint/status.h src/rule_parse.h src/rules_impl.h \
 src/json_pos.h include/postlint/findings.h include/postlint/post.h \
 include/postlint/rules.h src/regex.h src/util.h src/vocab.h src/banned.h
src/diag.h:
include/postlint/status.h:
src/rule_parse.h:
src/rules_impl.h:
src/json_pos.h:
include/postlint/findings.h:
include/postlint/post.h:
include/postlint/rules.h:
src/regex.h:
src/util.h:
src/vocab.h:
src/banned.h:
