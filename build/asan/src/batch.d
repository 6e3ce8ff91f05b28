build/asan/src/batch.o: src/batch.c src/batch_impl.h \
 include/postlint/batch.h include/postlint/status.h \
 include/postlint/post.h src/diag.h src/ignore.h src/util.h src/banned.h
src/batch_impl.h:
include/postlint/batch.h:
include/postlint/status.h:
include/postlint/post.h:
src/diag.h:
src/ignore.h:
src/util.h:
src/banned.h:
