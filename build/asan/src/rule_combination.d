build/asan/src/rule_combination.o: src/rule_combination.c \
 src/rule_kinds.h src/rules_impl.h src/json_pos.h \
 include/postlint/findings.h include/postlint/status.h \
 include/postlint/post.h include/postlint/rules.h src/regex.h src/util.h \
 src/text_scan.h src/textnorm.h src/banned.h
src/rule_kinds.h:
src/rules_impl.h:
src/json_pos.h:
include/postlint/findings.h:
include/postlint/status.h:
include/postlint/post.h:
include/postlint/rules.h:
src/regex.h:
src/util.h:
src/text_scan.h:
src/textnorm.h:
src/banned.h:
