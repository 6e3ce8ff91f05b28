build/asan/src/ignore.o: src/ignore.c src/ignore.h \
 include/postlint/status.h src/util.h src/banned.h
src/ignore.h:
include/postlint/status.h:
src/util.h:
src/banned.h:
