build/asan/src/sha256.o: src/sha256.c src/sha256.h src/banned.h
src/sha256.h:
src/banned.h:
