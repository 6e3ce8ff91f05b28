build/tsan/src/post.o: src/post.c src/diag.h include/postlint/status.h \
 src/json_pos.h include/postlint/post.h src/util.h src/banned.h
src/diag.h:
include/postlint/status.h:
src/json_pos.h:
include/postlint/post.h:
src/util.h:
src/banned.h:
