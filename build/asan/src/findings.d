build/asan/src/findings.o: src/findings.c include/postlint/findings.h \
 include/postlint/status.h src/util.h src/banned.h
include/postlint/findings.h:
include/postlint/status.h:
src/util.h:
src/banned.h:
