build/asan/src/validators.o: src/validators.c src/validators.h \
 src/validate_util.h src/banned.h
src/validators.h:
src/validate_util.h:
src/banned.h:
