build/tsan/src/text_scan.o: src/text_scan.c src/diag.h \
 include/postlint/status.h src/rule_parse.h src/rules_impl.h \
 src/json_pos.h include/postlint/findings.h include/postlint/post.h \
 include/postlint/rules.h src/regex.h src/text_scan.h src/textnorm.h \
 src/util.h src/banned.h
src/diag.h:
include/postlint/status.h:
src/rule_parse.h:
src/rules_impl.h:
src/json_pos.h:
include/postlint/findings.h:
include/postlint/post.h:
include/postlint/rules.h:
src/regex.h:
src/text_scan.h:
src/textnorm.h:
src/util.h:
src/banned.h:
