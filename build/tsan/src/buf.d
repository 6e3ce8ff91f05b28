build/tsan/src/buf.o: src/buf.c include/postlint/buf.h \
 include/postlint/status.h src/utf8.h src/banned.h
include/postlint/buf.h:
include/postlint/status.h:
src/utf8.h:
src/banned.h:
