package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadResolvesPathsFromConfigDir(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "apigen.yaml")
	os.WriteFile(path, []byte("packages:\n  - inputs: [petstore.yaml]\n    output: gen/pet\n    names: {getPet: FetchPet}\n  - versions: releases\n    output: gen/tower\n    targetVersion: 3.0.0\n"), 0o644)
	pkgs, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != 2 || pkgs[0].Inputs[0] != filepath.Join(dir, "petstore.yaml") || pkgs[0].Names["getPet"] != "FetchPet" ||
		pkgs[1].Versions != filepath.Join(dir, "releases") || pkgs[1].TargetVersion != "3.0.0" {
		t.Fatalf("%+v", pkgs)
	}
}

func TestLoadRejectsUnknownKeysAndEmpty(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "apigen.yaml")
	os.WriteFile(path, []byte("inputs: [a]\noutput: b\npakage: x\n"), 0o644)
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), "pakage") {
		t.Fatalf("typo accepted: %v", err)
	}
	os.WriteFile(path, []byte("output: b\n"), 0o644)
	if _, err := Load(path); err == nil {
		t.Fatal("config without inputs accepted")
	}
}

func TestLoadAllowEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "apigen.yaml")
	os.WriteFile(path, []byte("inputs: [a]\noutput: b\nallowEmpty: true\npackages:\n  - inputs: [c]\n    output: d\n"), 0o644)
	pkgs, err := Load(path)
	if err != nil || len(pkgs) != 2 || !pkgs[0].AllowEmpty || pkgs[1].AllowEmpty {
		t.Fatalf("%v %+v", err, pkgs)
	}
}

// A config that is a FIFO or a device is refused, not read (which would
// hang or exhaust memory).
func TestLoadOnlyRegularFiles(t *testing.T) {
	link := filepath.Join(t.TempDir(), "apigen.yaml")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Skip(err)
	}
	if _, err := Load(link); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Fatalf("err %v", err)
	}
}
