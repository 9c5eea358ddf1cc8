# koszyk — plain Makefile (see README.md)
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share
MANPREFIX ?= $(DATADIR)/man
LOCALEDIR ?= $(DATADIR)/locale
BUILD     ?= build
VERSION   := 0.1.0

CC        ?= cc
# ICU and libxlsxwriter are loaded at their first use (src/core/lazylib.c),
# not linked: their headers only. What every start needs is linked.
PKGS_LAZY := icu-uc icu-i18n xlsxwriter
PKGS      := ncursesw formw menuw panelw sqlite3 yaml-0.1 libsodium
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) $(PKGS_LAZY))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))
PKG_LIBS_LAZY := -Wl,--no-as-needed $(shell pkg-config --libs $(PKGS_LAZY))

CFLAGS    ?= -O2 -g
WARN      := -std=c11 -Wall -Wextra -Wpedantic -Wshadow
CPPFLAGS  += -D_GNU_SOURCE -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_PREUPDATE_HOOK -Iinclude -DKZ_VERSION='"$(VERSION)"' \
             $(PKG_CFLAGS)
LDLIBS    += $(PKG_LIBS) $(EXTRA_LDLIBS)

ifeq ($(V),1)
Q :=
else
Q := @
endif

LIB_SRC   := $(sort $(wildcard src/core/*.c src/db/*.c src/io/*.c src/ui/*.c))
MAIN_SRC  := src/cli/main.c $(sort $(filter-out src/cli/main.c,$(wildcard src/cli/*.c)))
DEMO_DATA := basket cases meetings
GEN_SRC   := $(BUILD)/gen/builtin_config.c $(DEMO_DATA:%=$(BUILD)/gen/demo_%.c) \
             $(BUILD)/gen/hsds_datapackage.c
GEN_OBJ   := $(GEN_SRC:.c=.o)
LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/%.o) $(GEN_OBJ)
MAIN_OBJ  := $(MAIN_SRC:%.c=$(BUILD)/%.o)
LIB       := $(BUILD)/libkoszyk.a
BIN       := $(BUILD)/koszyk

UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# Helpers of the command-line tests (never installed).
TOOL_BIN  := $(BUILD)/tests/tools/kz_locktool
# Makes the bash completion and parts of the man page from the program's
# tables (make docs; never installed).
DOCS_TOOL := $(BUILD)/tools/kz_gendocs
CLI_OBJ   := $(filter-out $(BUILD)/src/cli/main.o,$(MAIN_OBJ))
E2E_TESTS := $(sort $(wildcard tests/e2e/test_*.sh))
CLI_TESTS := $(sort $(wildcard tests/cli/test_*.sh))

PO        := $(wildcard po/*.po)
MO        := $(PO:po/%.po=$(BUILD)/locale/%/LC_MESSAGES/koszyk.mo)

BENCH_BIN := $(BUILD)/bench/bench_koszyk $(BUILD)/bench/bench_rows.so $(BUILD)/bench/bench_search $(BUILD)/bench/bench_sync

.PHONY: FORCE all docs check unit sanitize valgrind bench demo install uninstall clean pot potfile fuzz fuzz-build

all: $(BIN) $(MO)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -MMD -MP -c -o $@ $<

# Where the installed program finds its catalogues and its example
# configuration. Only the objects that use them get the paths, and they are
# made anew when the paths change (make && make install PREFIX=/usr): the
# stamp is rewritten only when its text differs.
PREFIX_PATHS := LOCALEDIR=$(LOCALEDIR) DATADIR=$(DATADIR)
PREFIX_STAMP := $(BUILD)/prefix.stamp
PREFIX_OBJ   := $(BUILD)/src/core/i18n.o $(BUILD)/src/cli/main.o

$(PREFIX_STAMP): FORCE
	@mkdir -p $(dir $@)
	$(Q)echo '$(PREFIX_PATHS)' | cmp -s - $@ || echo '$(PREFIX_PATHS)' > $@

FORCE:

$(PREFIX_OBJ): $(PREFIX_STAMP)
$(PREFIX_OBJ): CPPFLAGS += -DKZ_LOCALEDIR='"$(LOCALEDIR)"' -DKZ_DATADIR='"$(DATADIR)"'

$(BUILD)/gen/builtin_config.c: config/koszyk.yaml tools/embed.sh
	@mkdir -p $(dir $@)
	$(Q)sh tools/embed.sh kz_builtin_config < $< > $@

# The demo data (data/demo/*.yaml), read by src/io/demo_data.c.
$(BUILD)/gen/demo_%.c: data/demo/%.yaml tools/embed.sh
	@mkdir -p $(dir $@)
	$(Q)sh tools/embed.sh kz_demo_$*_yaml $< < $< > $@

# The HSDS 3.0 data package description, written by export hsds.
$(BUILD)/gen/hsds_datapackage.c: data/hsds/datapackage.json tools/embed.sh
	@mkdir -p $(dir $@)
	$(Q)sh tools/embed.sh kz_hsds_datapackage $< < $< > $@

# Kept: the fuzz build compiles them too.
.SECONDARY: $(GEN_SRC)

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
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

# The iCalendar writer is read back with libical (Debian libical-dev),
# which only this test links.
$(BUILD)/tests/test_ics: LDLIBS += $(shell pkg-config --libs libical)

$(BUILD)/tests/tools/%: tests/tools/%.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

$(DOCS_TOOL): tools/gendocs.c $(CLI_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -MMD -MP -o $@ $< $(CLI_OBJ) $(LIB) $(LDLIBS)

# The generated parts of the documentation, made anew from the tables
# (tests/cli/test_cli_generated.sh fails when they are out of date).
docs: $(DOCS_TOOL)
	$(DOCS_TOOL) completion > completion/koszyk.bash.new
	mv completion/koszyk.bash.new completion/koszyk.bash
	$(DOCS_TOOL) man man/koszyk.1 > man/koszyk.1.new
	mv man/koszyk.1.new man/koszyk.1

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

# The bench of issue 14: generated data, processes, the pty.
BENCH_KZ_SRC := bench/bench_koszyk.c bench/bench_gen.c bench/bench_run.c
$(BUILD)/bench/bench_koszyk: $(BENCH_KZ_SRC) bench/bench.h $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $(BENCH_KZ_SRC) $(LIB) $(LDLIBS) -lutil -lm

# Preloaded into the program by the bench: counts the rows SQLite returns.
$(BUILD)/bench/bench_rows.so: bench/bench_rows.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -shared -fPIC -o $@ $< -ldl

# Every test, one result line each, then "N passed, N failed, N skipped".
# The longest tests start first, so two at a time finish together.
SLOW_TESTS := tests/cli/test_cli_sync.sh tests/cli/test_cli_two_writers.sh \
	tests/cli/test_report_html_chromium.sh tests/cli/test_published_page_browser.sh \
	tests/cli/test_cli_sync_ssh.sh tests/cli/test_cli_damaged.sh \
	tests/cli/test_cli_locked.sh $(BUILD)/tests/test_concurrent
# TEST_EXCLUDE: tests left out of this run (make sanitize leaves some).
EVERY_TEST = $(UNIT_BIN) $(CLI_TESTS) $(E2E_TESTS)
ALL_TESTS = $(filter-out $(TEST_EXCLUDE),$(foreach t,$(SLOW_TESTS),$(filter $(t),$(EVERY_TEST))) \
	$(filter-out $(SLOW_TESTS),$(EVERY_TEST)))
check: all $(UNIT_BIN) $(TOOL_BIN) $(DOCS_TOOL)
	@bash tests/run.sh $(BUILD) $(ALL_TESTS)

unit: all $(UNIT_BIN)
	@bash tests/run.sh $(BUILD) $(UNIT_BIN)

# The same tests under ASan and UBSan. Reports of programs that run inside
# tmux go to files, so a report anywhere fails the target.
# Left out: the tests whose time is the browser's or the installer's; the
# pages they open are written under the sanitizers by test_cli_report_html.sh
# and test_cli_exchange.sh.
SAN_LOGS := $(CURDIR)/build-san/sanitizer-logs
# The libraries koszyk loads at their first use are linked here, loaded at
# the start as before: LeakSanitizer's tracer has crashed ("Tracer caught
# signal 11") at the exit of a run that had loaded ICU and libstdc++ with
# dlopen. test_cli_lazy_libs.sh, which proves they are not loaded at the
# start, is then left out.
NOT_SANITIZED := tests/cli/test_report_html_chromium.sh \
	tests/cli/test_published_page_browser.sh tests/cli/test_install.sh \
	tests/cli/test_cli_lazy_libs.sh
sanitize:
	rm -rf $(SAN_LOGS) && mkdir -p $(SAN_LOGS)
	ASAN_OPTIONS=log_path=$(SAN_LOGS)/asan:detect_leaks=1 \
	UBSAN_OPTIONS=log_path=$(SAN_LOGS)/ubsan:print_stacktrace=1:halt_on_error=1 \
	$(MAKE) BUILD=build-san CC=clang TEST_EXCLUDE="$(NOT_SANITIZED)" \
	  EXTRA_LDLIBS="$(PKG_LIBS_LAZY)" \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined" check
	@if ls $(SAN_LOGS)/* >/dev/null 2>&1; then \
	  echo "sanitizer reports:"; cat $(SAN_LOGS)/*; exit 1; \
	else echo "no sanitizer reports"; fi

# The command-line tests with build/koszyk run under valgrind: a memory
# error or a definite leak in any run fails the test (exit 99) and the
# target. Reports go to files, not into the output the tests read.
# VALGRIND_TESTS: a subset that keeps CI short (a run of koszyk takes
# 2-4 s under valgrind, the whole set would take over half an hour):
# opening and checking databases, the configuration, lists, -o, writing
# cases and plans, the damaged inputs the fuzzers found. Every command is
# also run under ASan and UBSan by make sanitize.
VALGRIND_TESTS ?= $(addprefix tests/cli/,test_cli_basics.sh test_cli_config.sh \
	test_cli_list.sh test_cli_output.sh test_cli_case_write.sh test_cli_fuzz_found.sh)
VG_DIR := $(BUILD)/valgrind
valgrind: all $(TOOL_BIN)
	rm -rf $(VG_DIR) && mkdir -p $(VG_DIR)/logs && chmod 1777 $(VG_DIR)/logs
	@{ echo '#!/bin/sh'; \
	  echo '# koszyk under valgrind; "demo" (the setup of most tests) runs as it is.'; \
	  echo 'for a; do [ "$$a" = demo ] && exec $(CURDIR)/$(BIN) "$$@"; done'; \
	  echo 'exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \'; \
	  echo '  --show-leak-kinds=definite --log-file=$(CURDIR)/$(VG_DIR)/logs/koszyk.%p.log $(CURDIR)/$(BIN) "$$@"'; \
	} >$(VG_DIR)/koszyk
	chmod 755 $(VG_DIR)/koszyk
	KZ_LOCKTOOL=$(CURDIR)/$(TOOL_BIN) KOSZYK_BIN=$(CURDIR)/$(VG_DIR)/koszyk bash tests/run.sh $(VG_DIR) $(VALGRIND_TESTS)
	@if find $(VG_DIR)/logs -type f -size +0 | grep -q .; then \
	  echo "valgrind reports:"; find $(VG_DIR)/logs -type f -size +0 -exec cat {} +; exit 1; \
	else echo "no valgrind reports ($$(ls $(VG_DIR)/logs | wc -l) runs of koszyk)"; fi

# A fresh demo database, then the full-screen program on it.
demo: all
	rm -f $(BUILD)/demo.db $(BUILD)/demo.db-wal $(BUILD)/demo.db-shm
	$(BIN) -d $(BUILD)/demo.db demo
	$(BIN) -d $(BUILD)/demo.db

# BENCH_SIZES picks sizes (default 1k 10k 100k 1M); see README.
bench: all $(BENCH_BIN)
	$(BUILD)/bench/bench_koszyk
	$(BUILD)/bench/bench_sync

# libFuzzer targets (clang, ASan, UBSan), each run FUZZ_SECONDS on a copy
# of its seeds (tests/fuzz/corpus/TARGET and tests/data) in
# $(BUILD)/fuzz/corpus-TARGET, which keeps what the runs found; the repo
# is never written. FUZZ_TARGETS chooses some (default: all). Temporary
# files go to a folder of the run that must be empty at its end; a
# finding (crash, leak, sanitizer report, timeout, file left) fails the
# target and is kept as $(BUILD)/fuzz/TARGET-crash-*.
# FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION: the fuzz build takes any
# checksum of a change file, so what comes after it is fuzzed too.
FUZZ_SECONDS ?= 60
FUZZ_SRC  := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_ALL  := $(FUZZ_SRC:tests/fuzz/%.c=%)
FUZZ_TARGETS ?= $(FUZZ_ALL)
FUZZ_DIR  := $(BUILD)/fuzz
FUZZ_LIB_SRC := $(filter-out src/ui/%,$(LIB_SRC)) $(filter-out src/cli/main.c,$(MAIN_SRC))
FUZZ_OBJ  := $(FUZZ_LIB_SRC:%.c=$(FUZZ_DIR)/obj/%.o) $(GEN_SRC:$(BUILD)/gen/%.c=$(FUZZ_DIR)/obj/gen/%.o)
FUZZ_CC   := clang
FUZZ_FLAGS := -std=c11 -D_GNU_SOURCE -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_PREUPDATE_HOOK \
	-DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION -Iinclude -DKZ_VERSION='"$(VERSION)"' \
	-DKZ_LOCALEDIR='"/nonexistent"' -g -O1 -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined $(PKG_CFLAGS)

$(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  FUZZCC  $<")
	$(Q)$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link,address,undefined -MMD -MP -c -o $@ $<

$(FUZZ_DIR)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(dir $@)
	$(Q)$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link,address,undefined -c -o $@ $<

$(FUZZ_DIR)/libkoszyk-fuzz.a: $(FUZZ_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(FUZZ_DIR)/libkoszyk-fuzz.a
	@$(if $(Q),echo "  FUZZLD  $@")
	$(Q)$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< \
	  $(FUZZ_DIR)/libkoszyk-fuzz.a $(PKG_LIBS)

fuzz-build: $(FUZZ_TARGETS:%=$(FUZZ_DIR)/%)

# One run per target: make -j2 fuzz runs two at once.
fuzz: $(FUZZ_TARGETS:%=fuzz-run-%)

fuzz-run-%: $(FUZZ_DIR)/%
	@n=$*; c=$(FUZZ_DIR)/corpus-$$n; t=$(CURDIR)/$(FUZZ_DIR)/tmp-$$n; \
	  echo "  FUZZ    $$n ($(FUZZ_SECONDS) s)"; \
	  mkdir -p $$c; rm -rf $$t; mkdir -p $$t; \
	  if [ -d tests/fuzz/corpus/$$n ]; then cp tests/fuzz/corpus/$$n/* $$c/; fi; \
	  case $$n in \
	  fuzz_config) cp config/koszyk.yaml tests/data/config/* $$c/ ;; \
	  fuzz_csv) cp tests/data/csv/* $$c/ ;; \
	  fuzz_sync) cp tests/data/sync/* $$c/ ;; \
	  esac; \
	  case $$n in fuzz_sync_file|fuzz_serve) len=32768 ;; *) len=8192 ;; esac; \
	  TMPDIR=$$t UBSAN_OPTIONS=print_stacktrace=1 $(FUZZ_DIR)/$$n -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=$$len -timeout=30 -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/$$n- \
	    $$c >$(FUZZ_DIR)/$$n.log 2>&1 || \
	    { tail -40 $(FUZZ_DIR)/$$n.log; echo "$$n: a finding (log: $(FUZZ_DIR)/$$n.log)"; rm -rf $$t; exit 1; }; \
	  if [ -n "$$(ls -A $$t)" ]; then \
	    echo "$$n left temporary files:"; ls -A $$t; rm -rf $$t; exit 1; fi; \
	  rmdir $$t; \
	  echo "  DONE    $$n: $$(grep -E '^stat::number_of_executed_units' $(FUZZ_DIR)/$$n.log | tr -dc 0-9) runs," \
	    "$$(grep -E '(INITED|DONE|pulse|NEW|REDUCE).*cov:' $(FUZZ_DIR)/$$n.log | tail -1 | grep -o 'cov: [0-9]*') edges, clean"

# The message template from the sources (POT=PATH writes it elsewhere;
# the i18n test uses that to see that the catalogue covers the sources).
POT ?= po/koszyk.pot
potfile:
	xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 --add-comments=TRANSLATORS: \
	  -o $(POT) --package-name=koszyk --package-version=$(VERSION) \
	  $(sort $(wildcard src/*/*.h)) $(LIB_SRC) $(MAIN_SRC)

pot: potfile
	for po in $(PO); do msgmerge --quiet --update --backup=none $$po po/koszyk.pot; done

# Everything installed, by its place (uninstall removes these and no more).
MO_LANGS  := $(PO:po/%.po=%)
INSTALLED := $(BINDIR)/koszyk $(MANPREFIX)/man1/koszyk.1 $(MANPREFIX)/man5/koszyk.yaml.5 \
	$(DATADIR)/bash-completion/completions/koszyk $(DATADIR)/koszyk/koszyk.yaml.example \
	$(MO_LANGS:%=$(LOCALEDIR)/%/LC_MESSAGES/koszyk.mo)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 $(DESTDIR)$(MANPREFIX)/man5 \
	  $(DESTDIR)$(DATADIR)/bash-completion/completions $(DESTDIR)$(DATADIR)/koszyk
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/koszyk
	install -m 644 man/koszyk.1 $(DESTDIR)$(MANPREFIX)/man1/koszyk.1
	install -m 644 man/koszyk.yaml.5 $(DESTDIR)$(MANPREFIX)/man5/koszyk.yaml.5
	install -m 644 completion/koszyk.bash $(DESTDIR)$(DATADIR)/bash-completion/completions/koszyk
	install -m 644 config/koszyk.yaml $(DESTDIR)$(DATADIR)/koszyk/koszyk.yaml.example
	for lang in $(MO_LANGS); do \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES; \
	  install -m 644 $(BUILD)/locale/$$lang/LC_MESSAGES/koszyk.mo \
	    $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES/koszyk.mo; \
	done

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	rmdir $(DESTDIR)$(DATADIR)/koszyk 2>/dev/null || true

clean:
	rm -rf build build-san build-*

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
