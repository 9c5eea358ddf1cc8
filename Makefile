# koszyk — plain Makefile (see README.md)
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share
MANPREFIX ?= $(DATADIR)/man
LOCALEDIR ?= $(DATADIR)/locale
BUILD     ?= build
VERSION   := 0.1.0

CC        ?= cc
PKGS      := ncursesw formw menuw panelw sqlite3 yaml-0.1 libsodium
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))

CFLAGS    ?= -O2 -g
WARN      := -std=c11 -Wall -Wextra -Wpedantic -Wshadow
CPPFLAGS  += -D_GNU_SOURCE -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_PREUPDATE_HOOK -Iinclude -DKZ_VERSION='"$(VERSION)"' \
             -DKZ_LOCALEDIR='"$(LOCALEDIR)"' $(PKG_CFLAGS)
LDLIBS    += $(PKG_LIBS)

ifeq ($(V),1)
Q :=
else
Q := @
endif

LIB_SRC   := $(sort $(wildcard src/core/*.c src/db/*.c src/io/*.c src/ui/*.c))
MAIN_SRC  := src/cli/main.c $(sort $(filter-out src/cli/main.c,$(wildcard src/cli/*.c)))
GEN_SRC   := $(BUILD)/gen/builtin_config.c
LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/builtin_config.o
MAIN_OBJ  := $(MAIN_SRC:%.c=$(BUILD)/%.o)
LIB       := $(BUILD)/libkoszyk.a
BIN       := $(BUILD)/koszyk

UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# Helpers of the command-line tests (never installed).
TOOL_BIN  := $(BUILD)/tests/tools/kz_locktool
E2E_TESTS := $(sort $(wildcard tests/e2e/test_*.sh))
CLI_TESTS := $(sort $(wildcard tests/cli/test_*.sh))

PO        := $(wildcard po/*.po)
MO        := $(PO:po/%.po=$(BUILD)/locale/%/LC_MESSAGES/koszyk.mo)

BENCH_BIN := $(BUILD)/bench/bench_search $(BUILD)/bench/bench_sync

.PHONY: all check unit sanitize bench demo install uninstall clean pot potfile fuzz

all: $(BIN) $(MO)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -MMD -MP -c -o $@ $<

$(GEN_SRC): config/koszyk.yaml tools/embed.sh
	@mkdir -p $(dir $@)
	$(Q)sh tools/embed.sh kz_builtin_config < $< > $@

$(BUILD)/gen/builtin_config.o: $(GEN_SRC)
	$(Q)$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(MAIN_OBJ) $(LIB)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(MAIN_OBJ) $(LIB) $(LDLIBS)

$(BUILD)/locale/%/LC_MESSAGES/koszyk.mo: po/%.po
	@mkdir -p $(dir $@)
	$(Q)msgfmt --check -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) -Itests $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS) -lcmocka

$(BUILD)/tests/tools/%: tests/tools/%.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

# Every test, one result line each, then "N passed, N failed".
check: all $(UNIT_BIN) $(TOOL_BIN)
	@sh tests/run.sh $(BUILD) $(UNIT_BIN) $(CLI_TESTS) $(E2E_TESTS)

unit: all $(UNIT_BIN)
	@sh tests/run.sh $(BUILD) $(UNIT_BIN)

# The same tests under ASan and UBSan. Reports of programs that run inside
# tmux go to files, so a report anywhere fails the target.
SAN_LOGS := $(CURDIR)/build-san/sanitizer-logs
sanitize:
	rm -rf $(SAN_LOGS) && mkdir -p $(SAN_LOGS)
	ASAN_OPTIONS=log_path=$(SAN_LOGS)/asan:detect_leaks=1 \
	UBSAN_OPTIONS=log_path=$(SAN_LOGS)/ubsan:print_stacktrace=1:halt_on_error=1 \
	$(MAKE) BUILD=build-san CC=clang \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined" check
	@if ls $(SAN_LOGS)/* >/dev/null 2>&1; then \
	  echo "sanitizer reports:"; cat $(SAN_LOGS)/*; exit 1; \
	else echo "no sanitizer reports"; fi

# A fresh demo database, then the full-screen program on it.
demo: all
	rm -f $(BUILD)/demo.db $(BUILD)/demo.db-wal $(BUILD)/demo.db-shm
	$(BIN) -d $(BUILD)/demo.db demo
	$(BIN) -d $(BUILD)/demo.db

bench: $(BENCH_BIN)
	$(BUILD)/bench/bench_search
	$(BUILD)/bench/bench_sync

# libFuzzer targets of the parsers (clang), each run FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
FUZZ_SRC  := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_LIB_SRC := $(filter-out src/ui/%,$(LIB_SRC))
fuzz: $(GEN_SRC)
	@mkdir -p $(BUILD)/fuzz
	@for f in $(FUZZ_SRC); do \
	  n=$$(basename $$f .c); \
	  echo "  FUZZ    $$n ($(FUZZ_SECONDS) s)"; \
	  clang -std=c11 -D_GNU_SOURCE -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_PREUPDATE_HOOK \
	    -Iinclude -DKZ_LOCALEDIR='"/nonexistent"' -g -O1 \
	    -fsanitize=fuzzer,address,undefined $(PKG_CFLAGS) $$f $(FUZZ_LIB_SRC) $(GEN_SRC) \
	    $(PKG_LIBS) -o $(BUILD)/fuzz/$$n || exit 1; \
	  mkdir -p $(BUILD)/fuzz/corpus-$$n; \
	  case $$n in \
	  fuzz_config) cp config/koszyk.yaml tests/data/config/* $(BUILD)/fuzz/corpus-$$n/ ;; \
	  fuzz_csv) cp tests/data/csv/* $(BUILD)/fuzz/corpus-$$n/ ;; \
	  fuzz_sync) cp tests/data/sync/* $(BUILD)/fuzz/corpus-$$n/ ;; \
	  esac; \
	  $(BUILD)/fuzz/$$n -max_total_time=$(FUZZ_SECONDS) -max_len=8192 \
	    $(BUILD)/fuzz/corpus-$$n >$(BUILD)/fuzz/$$n.log 2>&1 || \
	    { tail -30 $(BUILD)/fuzz/$$n.log; exit 1; }; \
	  grep -E '^Done|stat::number_of_executed_units' $(BUILD)/fuzz/$$n.log | tail -1; \
	done

# The message template from the sources (POT=PATH writes it elsewhere;
# the i18n test uses that to see that the catalogue covers the sources).
POT ?= po/koszyk.pot
potfile:
	xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 --add-comments=TRANSLATORS: \
	  -o $(POT) --package-name=koszyk --package-version=$(VERSION) \
	  $(sort $(wildcard src/*/*.h)) $(LIB_SRC) $(MAIN_SRC)

pot: potfile
	for po in $(PO); do msgmerge --quiet --update --backup=none $$po po/koszyk.pot; done

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 $(DESTDIR)$(MANPREFIX)/man5
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/koszyk
	install -m 644 man/koszyk.1 $(DESTDIR)$(MANPREFIX)/man1/koszyk.1
	install -m 644 man/koszyk.yaml.5 $(DESTDIR)$(MANPREFIX)/man5/koszyk.yaml.5
	for mo in $(MO); do \
	  lang=$$(basename $$(dirname $$(dirname $$mo))); \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES; \
	  install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES/koszyk.mo; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/koszyk $(DESTDIR)$(MANPREFIX)/man1/koszyk.1 \
	  $(DESTDIR)$(MANPREFIX)/man5/koszyk.yaml.5 $(DESTDIR)$(LOCALEDIR)/*/LC_MESSAGES/koszyk.mo

clean:
	rm -rf build build-san build-*

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
