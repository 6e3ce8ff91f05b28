build/tsan/src/json_pos.o: src/json_pos.c src/json_pos.h src/textnorm.h \
 include/postlint/status.h src/banned.h
src/json_pos.h:
src/textnorm.h:
include/postlint/status.h:
src/banned.h:
