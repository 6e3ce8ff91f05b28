build/tsan/src/langdetect.o: src/langdetect.c src/langdetect.h \
 src/banned.h
src/langdetect.h:
src/banned.h:
