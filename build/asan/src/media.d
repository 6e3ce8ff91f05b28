build/asan/src/media.o: src/media.c src/scan_impl.h src/langdetect.h \
 include/postlint/scan.h include/postlint/findings.h \
 include/postlint/status.h include/postlint/post.h \
 include/postlint/rules.h src/rules_impl.h src/json_pos.h src/regex.h \
 src/util.h src/banned.h
src/scan_impl.h:
src/langdetect.h:
include/postlint/scan.h:
include/postlint/findings.h:
include/postlint/status.h:
include/postlint/post.h:
include/postlint/rules.h:
src/rules_impl.h:
src/json_pos.h:
src/regex.h:
src/util.h:
src/banned.h:
