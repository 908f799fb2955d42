package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/apigen-dev/apigen/config"
	"github.com/apigen-dev/apigen/ir"
	"github.com/apigen-dev/apigen/output"
	"github.com/apigen-dev/apigen/templates"
)

// renderCLI renders p's command-line client, a main package importing the
// package at p.Output, with what it had to leave out.
func renderCLI(p config.Package, api *ir.API) ([]output.File, []ir.Diagnostic, error) {
	imp, err := importPath(p.Output)
	if err != nil {
		return nil, nil, fmt.Errorf("--cli: %w", err)
	}
	name := packageName(p)
	files, diags, err := templates.GenerateCLI(api, templates.Options{Package: name, Names: p.Names, Groups: p.Groups, Import: imp, CLIName: filepath.Base(absPath(p.CLI))})
	if err != nil {
		return nil, diags, err
	}
	return outputFiles(files), diags, nil
}

// renderCLIReport is renderCLI with its diagnostics printed to stderr,
// marked as the CLI's.
func renderCLIReport(p config.Package, api *ir.API, stderr io.Writer) ([]output.File, error) {
	files, diags, err := renderCLI(p, api)
	for _, d := range diags {
		fmt.Fprintf(stderr, "%s (cli)\n", d)
	}
	return files, err
}

// importPath is the Go import path of dir: the module path of the nearest
// go.mod above it joined with dir's place in the module.
func importPath(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for root := abs; ; root = filepath.Dir(root) {
		f, err := os.Open(filepath.Join(root, "go.mod"))
		if err == nil {
			mod := ""
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module "); ok {
					mod = strings.Trim(strings.TrimSpace(rest), `"`)
					break
				}
			}
			f.Close()
			if mod == "" {
				return "", fmt.Errorf("%s: no module line", filepath.Join(root, "go.mod"))
			}
			rel, err := filepath.Rel(root, abs)
			if err != nil {
				return "", err
			}
			if rel == "." {
				return mod, nil
			}
			return mod + "/" + filepath.ToSlash(rel), nil
		}
		if filepath.Dir(root) == root {
			return "", fmt.Errorf("no go.mod above %s: the CLI imports the package by its module path", abs)
		}
	}
}
