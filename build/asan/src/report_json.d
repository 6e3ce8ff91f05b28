build/asan/src/report_json.o: src/report_json.c \
 include/postlint/postlint.h include/postlint/batch.h \
 include/postlint/status.h include/postlint/buf.h \
 include/postlint/config.h include/postlint/findings.h \
 include/postlint/lint.h include/postlint/rules.h include/postlint/post.h \
 include/postlint/report.h include/postlint/scan.h \
 include/postlint/suppress.h src/report_impl.h src/banned.h
include/postlint/postlint.h:
include/postlint/batch.h:
include/postlint/status.h:
include/postlint/buf.h:
include/postlint/config.h:
include/postlint/findings.h:
include/postlint/lint.h:
include/postlint/rules.h:
include/postlint/post.h:
include/postlint/report.h:
include/postlint/scan.h:
include/postlint/suppress.h:
src/report_impl.h:
src/banned.h:
