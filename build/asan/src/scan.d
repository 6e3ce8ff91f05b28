build/asan/src/scan.o: src/scan.c src/diag.h include/postlint/status.h \
 src/scan_impl.h src/langdetect.h include/postlint/scan.h \
 include/postlint/findings.h include/postlint/post.h \
 include/postlint/rules.h src/rules_impl.h src/json_pos.h src/regex.h \
 src/text_scan.h src/textnorm.h src/banned.h
src/diag.h:
include/postlint/status.h:
src/scan_impl.h:
src/langdetect.h:
include/postlint/scan.h:
include/postlint/findings.h:
include/postlint/post.h:
include/postlint/rules.h:
src/rules_impl.h:
src/json_pos.h:
src/regex.h:
src/text_scan.h:
src/textnorm.h:
src/banned.h:
