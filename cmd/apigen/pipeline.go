package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/apigen-dev/apigen/config"
	"github.com/apigen-dev/apigen/internal/pipeline"
	"github.com/apigen-dev/apigen/ir"
)

// The pipeline for one package lives in internal/pipeline, where the
// corpus tests reach it too.
var (
	loadAPI     = pipeline.Load
	render      = pipeline.Render
	packageName = pipeline.PackageName
	outputFiles = pipeline.OutputFiles
)

// loadOne parses the one API the flags or config name, for commands that
// print or export an API rather than generate packages; diagnostics go to
// stderr.
func (f *pkgFlags) loadOne(args []string, what string, stderr io.Writer) (*ir.API, error) {
	pkgs, err := f.packages(args)
	if err != nil {
		return nil, err
	}
	if len(pkgs) != 1 {
		return nil, fmt.Errorf("%s one API; the config lists %d packages", what, len(pkgs))
	}
	api, diags, err := loadAPI(pkgs[0])
	report(stderr, pkgs[0], nil, diags, false)
	return api, err
}

// report prints diagnostics (all, or the first few with a count) and a
// one-line summary with warnings counted by kind.
func report(w io.Writer, p config.Package, api *ir.API, diags []ir.Diagnostic, all bool) {
	ir.SortDiagnostics(diags)
	const shown = 20
	for i, d := range diags {
		if !all && i == shown && d.Severity != ir.Error {
			fmt.Fprintf(w, "… %d more (use --warnings to see all)\n", len(diags)-shown)
			break
		}
		fmt.Fprintln(w, d)
	}
	if api == nil {
		return
	}
	counts := map[string]int{}
	for _, d := range diags {
		counts[d.Kind]++
	}
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, k)
	}
	slices.SortFunc(kinds, func(a, b string) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b)) })
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%s %d", k, counts[k]))
	}
	summary := fmt.Sprintf("apigen: %s (%s): %d operations, %d types, %d warnings", p.Output, api.Family, len(api.Operations), len(api.Types), len(diags))
	if len(parts) > 0 {
		summary += " (" + strings.Join(parts, ", ") + ")"
	}
	fmt.Fprintln(w, summary)
}
