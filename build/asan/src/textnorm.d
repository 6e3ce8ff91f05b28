build/asan/src/textnorm.o: src/textnorm.c src/textnorm.h \
 include/postlint/status.h src/utf8.h src/banned.h
src/textnorm.h:
include/postlint/status.h:
src/utf8.h:
src/banned.h:
