build/tsan/src/status.o: src/status.c src/diag.h \
 include/postlint/status.h src/banned.h
src/diag.h:
include/postlint/status.h:
src/banned.h:
