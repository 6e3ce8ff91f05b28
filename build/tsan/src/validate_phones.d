build/tsan/src/validate_phones.o: src/validate_phones.c \
 src/validate_util.h src/banned.h
src/validate_util.h:
src/banned.h:
