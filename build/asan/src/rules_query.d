build/asan/src/rules_query.o: src/rules_query.c src/rule_parse.h \
 src/rules_impl.h src/json_pos.h include/postlint/findings.h \
 include/postlint/status.h include/postlint/post.h \
 include/postlint/rules.h src/regex.h src/scan_impl.h src/langdetect.h \
 include/postlint/scan.h src/validators.h src/banned.h
src/rule_parse.h:
src/rules_impl.h:
src/json_pos.h:
include/postlint/findings.h:
include/postlint/status.h:
include/postlint/post.h:
include/postlint/rules.h:
src/regex.h:
src/scan_impl.h:
src/langdetect.h:
include/postlint/scan.h:
src/validators.h:
src/banned.h:
