build/asan/src/validate_ids.o: src/validate_ids.c src/validate_util.h \
 src/banned.h
src/validate_util.h:
src/banned.h:
