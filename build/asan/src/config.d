build/asan/src/config.o: src/config.c src/diag.h \
 include/postlint/status.h src/json_pos.h include/postlint/config.h \
 src/util.h src/banned.h
src/diag.h:
include/postlint/status.h:
src/json_pos.h:
include/postlint/config.h:
src/util.h:
src/banned.h:
