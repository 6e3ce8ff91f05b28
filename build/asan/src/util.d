build/asan/src/util.o: src/util.c src/diag.h include/postlint/status.h \
 src/util.h src/banned.h
src/diag.h:
include/postlint/status.h:
src/util.h:
src/banned.h:
