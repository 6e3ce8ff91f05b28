build/tsan/src/report.o: src/report.c src/diag.h \
 include/postlint/status.h src/report_impl.h include/postlint/report.h \
 include/postlint/buf.h include/postlint/findings.h \
 include/postlint/rules.h src/banned.h
src/diag.h:
include/postlint/status.h:
src/report_impl.h:
include/postlint/report.h:
include/postlint/buf.h:
include/postlint/findings.h:
include/postlint/rules.h:
src/banned.h:
