# SPDX-License-Identifier: Apache-2.0
# postlint: hand-written Makefile. Sources are found by wildcard, so a new module is a new file.
#   make            build build/postlint
#   make check      build and run every test (unit, CLI golden, rule examples, fuzz replay)
#   make asan       the whole test suite under ASan+UBSan
#   make bench      benchmarks, side by side with the reference tools
#   make deps       install the Debian packages the build and the tests need
# Honours CC, CFLAGS, LDFLAGS, PREFIX, DESTDIR, V=1.

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/postlint
CC       ?= cc
PKG_CONFIG ?= pkg-config
BUILD    ?= build

# Linked into postlint.
PKGS := libpcre2-8 libcjson libutf8proc
# Loaded on first use with dlopen (src/dynlib.h, src/medialib.h): their headers only, never linked
# into postlint. The test programs and tools link the media libraries (they make JPEGs and EXIF
# blocks with them) and FreeType (the plate renderer).
MEDIA_PKGS := libexif libturbojpeg expat zlib
DLOPEN_PKGS := openblas tesseract lept
TOOL_PKGS := $(MEDIA_PKGS) freetype2

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla -Wformat=2 \
        -Wwrite-strings -Wcast-qual -Wundef
# -O3 as zstd builds: the caption scan measured 1 to 4% faster than at -O2 (bench_text, two sets
# of interleaved runs), with no change to one post's latency.
CFLAGS   ?= -O3 -g
ifdef WERROR
WARN += -Werror
endif
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) $(TOOL_PKGS) $(DLOPEN_PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
TOOL_LIBS  := $(shell $(PKG_CONFIG) --libs $(TOOL_PKGS) 2>/dev/null)
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) -Iinclude -Isrc $(PKG_CFLAGS) \
              -DPL_DATADIR='"$(DATADIR)"' $(CFLAGS)
ALL_LDLIBS := $(PKG_LIBS) -lm -lpthread -ldl $(LDLIBS)
TEST_LDLIBS := $(TOOL_LIBS) $(ALL_LDLIBS)

ifeq ($(V),1)
Q :=
else
Q := @
endif

LIB_SRC  := $(sort $(wildcard src/*.c))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
TOOL_SRC := $(sort $(wildcard tests/tools/*.c))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
LIB      := $(BUILD)/libpostlint.a
BIN      := $(BUILD)/postlint
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/tests/%)
TOOL_BIN := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)

.PHONY: all test check install uninstall clean asan bench eval fuzz deps example unit cli-test \
        rules-test fuzz-replay regen-golden
.SUFFIXES:

all: $(BIN)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# The compiled-pattern cache keeps what these sources make of a pattern: its code (regex.c
# compiles it, vocab.c expands its vocabularies, which its key names only by their words,
# pattern_compile.c puts them together), the prefilter's conditions and its shape. A file written
# by another build of any of them must not be trusted, so their checksum is part of every cache
# file.
CACHE_SRC := src/prefilter.c src/prefilter_set.c src/prefilter_table.c src/prefilter.h src/prefilter_set.h \
             src/regex_shape.c src/regex.c src/vocab.c src/pattern_compile.c
CACHE_HASH := $(shell cat $(CACHE_SRC) 2>/dev/null | cksum | cut -d' ' -f1)
$(BUILD)/src/rules_cache.o: $(CACHE_SRC)
$(BUILD)/src/rules_cache.o: ALL_CFLAGS += -DPL_CACHE_HASH='"$(CACHE_HASH)"'

$(LIB): $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(ALL_LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/harness.h $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/unit -MMD -MP $(LDFLAGS) -o $@ $< $(LIB) $(TEST_LDLIBS)

# Fuzz targets, linked with the plain replay driver (no libFuzzer needed).
$(BUILD)/tests/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(LIB) $(TEST_LDLIBS)

$(BUILD)/tools/%: tests/tools/%.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP $(LDFLAGS) -o $@ $< $(LIB) $(TEST_LDLIBS)

-include $(UNIT_BIN:=.d) $(FUZZ_BIN:=.d) $(TOOL_BIN:=.d)
-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# ---- tests -------------------------------------------------------------------------------------
unit: $(UNIT_BIN)
	$(Q)sh tests/run-unit.sh $(UNIT_BIN)

cli-test: $(BIN)
	$(Q)sh tests/cli/run.sh $(BIN)

rules-test: $(BIN)
	$(Q)./$(BIN) rules test rules/*.json

fuzz-replay: $(FUZZ_BIN)
	$(Q)sh tests/fuzz/replay-all.sh $(BUILD)/tests

tools: $(TOOL_BIN)

check test: $(BIN) $(UNIT_BIN) $(FUZZ_BIN) $(TOOL_BIN)
	$(Q)sh tests/run-all.sh $(BUILD)

regen-golden: $(BIN)
	$(Q)REGEN=1 sh tests/cli/run.sh $(BIN)

# The whole suite again, built with the sanitizers into a separate tree.
asan:
	$(Q)$(MAKE) --no-print-directory BUILD=build/asan \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" check

fuzz:
	$(Q)sh tests/fuzz/libfuzzer.sh

bench: $(BIN) $(TOOL_BIN)
	$(Q)sh tests/bench/run.sh $(BUILD)

eval: $(BIN)
	$(Q)python3 tests/corpus/eval.py $(BIN)

example: deps $(BIN)
	$(Q)./$(BIN) tests/examples/* || test $$? -eq 1

MODELS ?= build/models

deps:
	$(Q)sh .ci/deps
	$(Q)sh tests/tools/fetch-model.sh $(MODELS)

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/rules $(DESTDIR)$(DATADIR)/models
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/postlint
	install -m 644 rules/*.json $(DESTDIR)$(DATADIR)/rules/
	sh tests/tools/fetch-model.sh $(MODELS)
	install -m 644 $(MODELS)/ssd_mobilenetv1_model-weights_manifest.json \
	  $(MODELS)/ssd_mobilenetv1_model.bin $(MODELS)/LICENSE.face-api $(DESTDIR)$(DATADIR)/models/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/postlint
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(BUILD) build
