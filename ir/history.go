package ir

import (
	"fmt"
	"slices"
)

// Release is one published version of an API.
type Release struct {
	Version string
	API     *API
}

// History assembles one API from several releases of it. The result is the
// newest release not after target ("" = the newest of all), so --target-version
// emits exactly what that release has. Every operation, parameter, type and
// field without a since-version of its own takes the first release that has
// it; a since stated by the docs (ZStack pages) wins. Changes between
// consecutive releases that break callers — something removed, a type
// changed — are returned as warnings naming the release.
//
// History consumes the target release's API: the result is that API with
// since-versions filled in, not a copy. The other releases are only read.
func History(releases []Release, target string) (*API, []Diagnostic, error) {
	rs := slices.Clone(releases)
	slices.SortStableFunc(rs, func(a, b Release) int { return orderVersions(a.Version, b.Version) })
	if target != "" {
		i := slices.IndexFunc(rs, func(r Release) bool { return r.Version == target })
		if i < 0 {
			var have []string
			for _, r := range rs {
				have = append(have, r.Version)
			}
			return nil, nil, fmt.Errorf("target version %q is not among the releases %v", target, have)
		}
		rs = rs[:i+1]
	}
	if len(rs) == 0 {
		return nil, nil, fmt.Errorf("no releases")
	}
	idx := make([]releaseIndex, len(rs))
	for i, r := range rs {
		idx[i] = indexRelease(r.API)
	}
	var diags []Diagnostic
	for i := 1; i < len(rs); i++ {
		diags = append(diags, breakingChanges(idx[i-1], idx[i], rs[i].Version)...)
	}
	base := rs[len(rs)-1].API
	first := func(has func(releaseIndex) bool) string {
		for i, x := range idx {
			if has(x) {
				return rs[i].Version
			}
		}
		return ""
	}
	for _, o := range base.Operations {
		if o.Since == "" {
			o.Since = first(func(x releaseIndex) bool { return x.ops[o.Name] != nil })
		}
		for _, p := range o.Params {
			if p.Since == "" {
				p.Since = first(func(x releaseIndex) bool {
					xo := x.ops[o.Name]
					return xo != nil && xo.Param(p.Name) != nil
				})
			}
		}
	}
	for _, t := range base.Types {
		if t.Since == "" {
			t.Since = first(func(x releaseIndex) bool { return x.types[t.Name] != nil })
		}
		for _, f := range t.Fields {
			if f.Since == "" {
				f.Since = first(func(x releaseIndex) bool {
					xt := x.types[t.Name]
					return xt != nil && xt.Field(f.Name) != nil
				})
			}
		}
	}
	base.Versions = nil
	for _, r := range rs {
		base.Versions = append(base.Versions, r.Version)
	}
	if base.Version == "" {
		base.Version = rs[len(rs)-1].Version
	}
	base.Sort()
	SortDiagnostics(diags)
	return base, diags, nil
}

// releaseIndex gives one release's operations and types by name; built once
// per release so History stays linear in the size of the API.
type releaseIndex struct {
	ops   map[string]*Operation
	types map[string]*Type
}

func indexRelease(a *API) releaseIndex {
	x := releaseIndex{ops: map[string]*Operation{}, types: map[string]*Type{}}
	for _, o := range a.Operations {
		x.ops[o.Name] = o
	}
	for _, t := range a.Types {
		x.types[t.Name] = t
	}
	return x
}

// breakingChanges compares two consecutive releases, walking the older one
// in its (sorted) slice order so the warnings come out in a stable order.
func breakingChanges(old, cur releaseIndex, version string) []Diagnostic {
	var diags []Diagnostic
	for _, name := range sortedKeys(old.ops) {
		o := old.ops[name]
		n := cur.ops[name]
		if n == nil {
			diags = append(diags, Warnf(o.Pos, "removed-operation", "operation %q is gone in release %s", name, version))
			continue
		}
		for _, p := range o.Params {
			np := n.Param(p.Name)
			switch {
			case np == nil:
				diags = append(diags, Warnf(n.Pos, "removed-param", "operation %q: parameter %q is gone in release %s", name, p.Name, version))
			case np.Type.String() != p.Type.String():
				diags = append(diags, Warnf(np.Pos, "type-change", "operation %q: parameter %q changes type from %s to %s in release %s", name, p.Name, p.Type, np.Type, version))
			case np.Required && !p.Required:
				diags = append(diags, Warnf(np.Pos, "now-required", "operation %q: parameter %q becomes required in release %s", name, p.Name, version))
			}
		}
	}
	for _, name := range sortedKeys(old.types) {
		t := old.types[name]
		n := cur.types[name]
		if n == nil {
			diags = append(diags, Warnf(t.Pos, "removed-type", "type %q is gone in release %s", name, version))
			continue
		}
		for _, f := range t.Fields {
			nf := n.Field(f.Name)
			switch {
			case nf == nil:
				diags = append(diags, Warnf(n.Pos, "removed-field", "type %q: field %q is gone in release %s", name, f.Name, version))
			case nf.Type.String() != f.Type.String():
				diags = append(diags, Warnf(nf.Pos, "type-change", "type %q: field %q changes type from %s to %s in release %s", name, f.Name, f.Type, nf.Type, version))
			}
		}
	}
	return diags
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
