build/asan/src/regex.o: src/regex.c src/regex.h include/postlint/status.h \
 src/banned.h
src/regex.h:
include/postlint/status.h:
src/banned.h:
