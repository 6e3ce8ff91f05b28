build/tsan/src/cli/check_progress.o: src/cli/check_progress.c \
 src/cli/check.h src/cli/cli.h include/postlint/postlint.h \
 include/postlint/batch.h include/postlint/status.h \
 include/postlint/buf.h include/postlint/config.h \
 include/postlint/findings.h include/postlint/lint.h \
 include/postlint/rules.h include/postlint/post.h \
 include/postlint/report.h include/postlint/scan.h \
 include/postlint/suppress.h src/banned.h
src/cli/check.h:
src/cli/cli.h:
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
src/banned.h:
