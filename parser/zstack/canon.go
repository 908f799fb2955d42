package zstack

import (
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// dropOutliers sets aside type definitions that plainly belong to another
// type: the manual now and then prints a wrong table under " #error"
// (an inventory's fields where ErrorCode's belong). Among three or more
// definitions of one name, a table sharing less than half of its fields
// with the consensus — fields most definitions have — and covering less
// than half of that consensus is reported and left out of the union.
func dropOutliers(apis []*ir.API) []ir.Diagnostic {
	defs := map[string][]*ir.Type{}
	for _, a := range apis {
		if a == nil {
			continue
		}
		for _, t := range a.Types {
			if t.Kind == ir.KindStruct {
				defs[t.Name] = append(defs[t.Name], t)
			}
		}
	}
	outlier := map[*ir.Type]bool{}
	var diags []ir.Diagnostic
	for _, name := range sortedKeys(defs) {
		ts := defs[name]
		if len(ts) < 3 {
			continue
		}
		count := map[string]int{}
		for _, t := range ts {
			for _, f := range t.Fields {
				count[f.Name]++
			}
		}
		consensus := 0
		for _, n := range count {
			if n*2 > len(ts) {
				consensus++
			}
		}
		for _, t := range ts {
			shared := 0
			for _, f := range t.Fields {
				if count[f.Name]*2 > len(ts) {
					shared++
				}
			}
			if shared*2 < len(t.Fields) && shared*2 < consensus {
				outlier[t] = true
				diags = append(diags, ir.Warnf(t.Pos, "type-outlier", "this table for %s shares %d of its %d fields with the %d other definitions; left out of the type", name, shared, len(t.Fields), len(ts)-1))
			}
		}
	}
	if len(outlier) == 0 {
		return diags
	}
	for _, a := range apis {
		if a == nil {
			continue
		}
		kept := a.Types[:0]
		for _, t := range a.Types {
			if !outlier[t] {
				kept = append(kept, t)
			}
		}
		a.Types = kept
	}
	return diags
}

// canonical renames the types apigen named after a parent and a field
// ("VmInstanceInventoryVmNic") to the type the manual itself names for the
// same table ("VmNicInventory", documented by QueryVmNic), when one exists
// with mostly the same fields. The list field's name gives the candidates:
// vmNics → VmNicInventory; allVolumes → AllVolumeInventory, VolumeInventory.
func canonical(api *ir.API, synth map[string]string) []ir.Diagnostic {
	rename := map[string]string{}
	for _, name := range sortedKeys(synth) {
		t := api.Type(name)
		if t == nil || t.Kind != ir.KindStruct {
			continue
		}
		for _, c := range candidates(synth[name]) {
			d := api.Type(c)
			if d == nil || d.Kind != ir.KindStruct || c == name {
				continue
			}
			if _, made := synth[c]; made {
				continue
			}
			if similar(t, d) {
				rename[name] = c
				break
			}
		}
	}
	if len(rename) == 0 {
		return nil
	}
	var diags []ir.Diagnostic
	for _, old := range sortedKeys(rename) {
		if d, ok := ir.UnionType(api.Type(rename[old]), api.Type(old)); !ok {
			diags = append(diags, d)
		}
	}
	kept := api.Types[:0]
	for _, t := range api.Types {
		if _, gone := rename[t.Name]; !gone {
			kept = append(kept, t)
		}
	}
	api.Types = kept
	for _, op := range api.Operations {
		for _, p := range op.Params {
			ir.RenameRefs(&p.Type, rename)
		}
		if op.Response != nil && op.Response.Type != nil {
			ir.RenameRefs(op.Response.Type, rename)
		}
	}
	for _, t := range api.Types {
		for _, f := range t.Fields {
			ir.RenameRefs(&f.Type, rename)
		}
	}
	return diags
}

// candidates lists the manual's names a field's items may have:
// "allVolumes" gives AllVolumeInventory, then VolumeInventory.
func candidates(field string) []string {
	words := camelWords(upperFirst(singular(field)))
	var out []string
	for i := range words {
		out = append(out, strings.Join(words[i:], "")+"Inventory")
	}
	return out
}

// camelWords splits "VmCdRom" into Vm, Cd, Rom; runs of capitals stay
// together ("L3NetworkRef": L3, Network, Ref; "IPsec": IPsec).
func camelWords(s string) []string {
	var words []string
	start := 0
	for i := 1; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' && s[i-1] >= 'a' && s[i-1] <= 'z' {
			words = append(words, s[start:i])
			start = i
		}
	}
	return append(words, s[start:])
}

// similar reports whether two structs describe the same thing: most of
// the made-up type's fields are the named type's.
func similar(made, named *ir.Type) bool {
	if len(made.Fields) == 0 {
		return false
	}
	shared := 0
	for _, f := range made.Fields {
		if named.Field(f.Name) != nil {
			shared++
		}
	}
	return shared*4 >= len(made.Fields)*3 && shared*2 >= len(named.Fields)
}
