SHELL := /bin/bash

# apigen: the two commands a new user needs are `make generate` and `make test`.
GO ?= go
FUZZTIME ?= 60s

.PHONY: generate test vet bench fuzz check

# Regenerate generated/ (packages, and the CLIs under generated/cmd/) from
# specs/ (see specs/apigen.yaml).
generate:
	$(GO) run ./cmd/apigen generate -c specs/apigen.yaml

# Vet and run every test, including compiling generated code and, when
# ../shared/corpus is present, generating every corpus spec.
test: vet
	set -o pipefail; $(GO) test -timeout 270s -json ./... | $(GO) run ./internal/testsummary

vet:
	$(GO) vet ./...

# Fail when generated/ is stale (what downstream CI would run).
check:
	$(GO) run ./cmd/apigen check -c specs/apigen.yaml

# apigen against oapi-codegen (installed at a pinned version through the Go
# module proxy), wall time and peak RSS from the same run, with ratios.
# BENCHFLAGS='-also main=/tmp/apigen-main' measures another build alongside.
bench:
	$(GO) run ./bench -corpus ../shared/corpus $(BENCHFLAGS)

# Each fuzz target for FUZZTIME.
fuzz:
	./.ci/fuzz $(FUZZTIME)
