build/tsan/src/vocab.o: src/vocab.c src/textnorm.h \
 include/postlint/status.h src/util.h src/vocab.h src/rules_impl.h \
 src/json_pos.h include/postlint/findings.h include/postlint/post.h \
 include/postlint/rules.h src/regex.h src/banned.h
src/textnorm.h:
include/postlint/status.h:
src/util.h:
src/vocab.h:
src/rules_impl.h:
src/json_pos.h:
include/postlint/findings.h:
include/postlint/post.h:
include/postlint/rules.h:
src/regex.h:
src/banned.h:
