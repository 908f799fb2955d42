package config

import (
	"bytes"
	"fmt"
	"path/filepath"

	"gopkg.in/yaml.v3"

	"github.com/apigen-dev/apigen/internal/inputfile"
)

// Package is one generated Go package: its inputs and how to emit it.
type Package struct {
	// Inputs are files or directories; formats are detected per file.
	Inputs []string `yaml:"inputs"`
	// Output is the directory the package is written to.
	Output string `yaml:"output"`
	// Package is the Go package name (default: the output directory's name).
	Package string `yaml:"package"`
	// Family overrides detection: openapi, zstack, qingcloud, cloudtower.
	Family string `yaml:"family"`
	// Versions is a directory holding one release of the API per file or
	// sub-directory; since-versions come from the first release with a thing.
	Versions string `yaml:"versions"`
	// TargetVersion emits only what exists in that release.
	TargetVersion string `yaml:"targetVersion"`
	// Names maps an operation or type name from the docs to the Go
	// identifier to use for it; "group:" and a group's name (a tag, a
	// service, a path's resource) renames the Client's field of that group.
	Names map[string]string `yaml:"names"`
	// AllowEmpty accepts inputs that yield no operation, writing a package
	// without any. By default that is an error, so that a regenerate from
	// docs apigen no longer recognises never silently empties a package.
	AllowEmpty bool `yaml:"allowEmpty"`
	// AllowPartial accepts an OpenAPI spec some of whose operations cannot
	// be read (a path item's $ref that cannot be followed), leaving them
	// out with a warning. By default that is an error.
	AllowPartial bool `yaml:"allowPartial"`
	// CLI, when set, is the directory a command-line client (a main
	// package built on cobra, calling the package) is written to.
	CLI string `yaml:"cli"`
	// Groups adds the Client's grouped calls (client.Pets.List forwarding
	// to client.ListPets). Off by default: the forwarders cost as much to
	// compile as the methods (Kubernetes: +33% compile memory).
	Groups bool `yaml:"groups"`
}

// MaxConfigSize bounds what apigen reads of a config: a few packages take a
// few hundred bytes.
const MaxConfigSize = 1 << 20

// Config is a whole apigen.yaml: either one package at the top level or a
// list of packages.
type Config struct {
	Package  `yaml:",inline"`
	Packages []Package `yaml:"packages"`
}

// Load reads a config file. Relative paths in it are taken from the file's
// directory, so the file works whatever directory apigen runs in.
func Load(path string) ([]Package, error) {
	src, err := inputfile.Read(path, MaxConfigSize)
	if err != nil {
		return nil, err
	}
	var c Config
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	pkgs := c.Packages
	if len(c.Inputs) > 0 || c.Versions != "" {
		pkgs = append([]Package{c.Package}, pkgs...)
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("%s: no inputs: give `inputs:` (or `versions:`) or a `packages:` list", path)
	}
	base := filepath.Dir(path)
	for i := range pkgs {
		p := &pkgs[i]
		if len(p.Inputs) == 0 && p.Versions == "" {
			return nil, fmt.Errorf("%s: package %d has no inputs", path, i+1)
		}
		if p.Output == "" {
			return nil, fmt.Errorf("%s: package %d has no output directory", path, i+1)
		}
		for j, in := range p.Inputs {
			p.Inputs[j] = rel(base, in)
		}
		p.Output = rel(base, p.Output)
		if p.Versions != "" {
			p.Versions = rel(base, p.Versions)
		}
		if p.CLI != "" {
			p.CLI = rel(base, p.CLI)
		}
	}
	return pkgs, nil
}

func rel(base, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(base, p)
}
