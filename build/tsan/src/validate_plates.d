build/tsan/src/validate_plates.o: src/validate_plates.c \
 src/validate_util.h src/banned.h
src/validate_util.h:
src/banned.h:
