build/asan/src/batch_group.o: src/batch_group.c src/batch_impl.h \
 include/postlint/batch.h include/postlint/status.h \
 include/postlint/post.h src/util.h src/banned.h
src/batch_impl.h:
include/postlint/batch.h:
include/postlint/status.h:
include/postlint/post.h:
src/util.h:
src/banned.h:
