build/asan/src/suppress.o: src/suppress.c src/diag.h \
 include/postlint/status.h include/postlint/suppress.h \
 include/postlint/buf.h include/postlint/findings.h \
 include/postlint/post.h include/postlint/rules.h src/sha256.h \
 src/textnorm.h src/util.h src/banned.h
src/diag.h:
include/postlint/status.h:
include/postlint/suppress.h:
include/postlint/buf.h:
include/postlint/findings.h:
include/postlint/post.h:
include/postlint/rules.h:
src/sha256.h:
src/textnorm.h:
src/util.h:
src/banned.h:
