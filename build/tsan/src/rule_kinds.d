build/tsan/src/rule_kinds.o: src/rule_kinds.c src/rule_kinds.h \
 src/rules_impl.h src/json_pos.h include/postlint/findings.h \
 include/postlint/status.h include/postlint/post.h \
 include/postlint/rules.h src/regex.h src/util.h src/banned.h
src/rule_kinds.h:
src/rules_impl.h:
src/json_pos.h:
include/postlint/findings.h:
include/postlint/status.h:
include/postlint/post.h:
include/postlint/rules.h:
src/regex.h:
src/util.h:
src/banned.h:
