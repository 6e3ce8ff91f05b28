build/tsan/src/rules_lint.o: src/rules_lint.c include/postlint/lint.h \
 include/postlint/rules.h include/postlint/findings.h \
 include/postlint/status.h src/rules_impl.h src/json_pos.h \
 include/postlint/post.h src/regex.h src/banned.h
include/postlint/lint.h:
include/postlint/rules.h:
include/postlint/findings.h:
include/postlint/status.h:
src/rules_impl.h:
src/json_pos.h:
include/postlint/post.h:
src/regex.h:
src/banned.h:
