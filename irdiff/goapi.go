package irdiff

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"slices"
	"strings"
)

// GoChange is one change in the exported API of the generated Go package:
// what breaks (or not) the build of code that uses it.
type GoChange struct {
	Kind     GoKind `json:"kind"`
	Breaking bool   `json:"breaking"`
	// Ident is the identifier: "Pet", "Pet.Name" (a field), "(*Client).GetPet"
	// (a method), "ListPets" (a function), "StatusSold" (a constant).
	Ident string `json:"ident"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
}

// GoKind classes a GoChange.
type GoKind string

const (
	GoRemoved GoKind = "go-removed"
	GoChanged GoKind = "go-changed"
	GoAdded   GoKind = "go-added"
)

// CompareGo compares the exported identifiers of two generated packages,
// each given as file name → source. A removed identifier or one whose type
// or signature changed breaks code using it; an added one does not.
func CompareGo(old, cur map[string][]byte) ([]GoChange, error) {
	a, err := exported(old)
	if err != nil {
		return nil, fmt.Errorf("old package: %w", err)
	}
	b, err := exported(cur)
	if err != nil {
		return nil, fmt.Errorf("new package: %w", err)
	}
	out := []GoChange{}
	for id, sig := range a {
		nsig, ok := b[id]
		switch {
		case !ok:
			out = append(out, GoChange{Kind: GoRemoved, Breaking: true, Ident: id, From: sig})
		case nsig != sig:
			out = append(out, GoChange{Kind: GoChanged, Breaking: true, Ident: id, From: sig, To: nsig})
		}
	}
	for id, sig := range b {
		if _, ok := a[id]; !ok {
			out = append(out, GoChange{Kind: GoAdded, Ident: id, To: sig})
		}
	}
	slices.SortFunc(out, func(x, y GoChange) int {
		if x.Breaking != y.Breaking {
			if x.Breaking {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(x.Ident, y.Ident), cmp.Compare(x.Kind, y.Kind))
	})
	return out, nil
}

// exported maps each exported identifier of a package to what code using
// it depends on: a field's type, a function's signature without parameter
// names, a named type's underlying type (structs and interfaces are listed
// member by member instead).
func exported(files map[string][]byte) (map[string]string, error) {
	out := map[string]string{}
	fset := token.NewFileSet()
	for name, src := range files {
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if !decl.Name.IsExported() {
					continue
				}
				id := decl.Name.Name
				if decl.Recv != nil && len(decl.Recv.List) > 0 {
					recv := expr(fset, decl.Recv.List[0].Type)
					if !ast.IsExported(strings.TrimLeft(recv, "*")) {
						continue
					}
					id = "(" + recv + ")." + id
				}
				out[id] = "func" + signature(fset, decl.Type)
			case *ast.GenDecl:
				specs(fset, decl, out)
			}
		}
	}
	return out, nil
}

func specs(fset *token.FileSet, decl *ast.GenDecl, out map[string]string) {
	for _, spec := range decl.Specs {
		switch s := spec.(type) {
		case *ast.TypeSpec:
			if !s.Name.IsExported() {
				continue
			}
			name := s.Name.Name
			switch t := s.Type.(type) {
			case *ast.StructType:
				out[name] = "struct"
				for _, f := range t.Fields.List {
					typ := expr(fset, f.Type)
					if len(f.Names) == 0 { // embedded: its name is its type's
						out[name+"."+strings.TrimLeft(typ[strings.LastIndex(typ, ".")+1:], "*")] = typ
					}
					for _, n := range f.Names {
						if n.IsExported() {
							out[name+"."+n.Name] = typ
						}
					}
				}
			case *ast.InterfaceType:
				out[name] = "interface"
				for _, m := range t.Methods.List {
					for _, n := range m.Names {
						if ft, ok := m.Type.(*ast.FuncType); ok {
							out[name+"."+n.Name] = "func" + signature(fset, ft)
						}
					}
				}
			default:
				alias := ""
				if s.Assign.IsValid() {
					alias = "= "
				}
				out[name] = "type " + alias + expr(fset, s.Type)
			}
		case *ast.ValueSpec:
			kind := decl.Tok.String()
			for _, n := range s.Names {
				if !n.IsExported() {
					continue
				}
				v := kind
				if s.Type != nil {
					v += " " + expr(fset, s.Type)
				}
				out[n.Name] = v
			}
		}
	}
}

// signature renders a function type without parameter names, which code
// calling it does not depend on.
func signature(fset *token.FileSet, ft *ast.FuncType) string {
	list := func(fl *ast.FieldList) []string {
		if fl == nil {
			return nil
		}
		var ts []string
		for _, f := range fl.List {
			t := expr(fset, f.Type)
			for range max(1, len(f.Names)) {
				ts = append(ts, t)
			}
		}
		return ts
	}
	s := "(" + strings.Join(list(ft.Params), ", ") + ")"
	switch res := list(ft.Results); len(res) {
	case 0:
	case 1:
		s += " " + res[0]
	default:
		s += " (" + strings.Join(res, ", ") + ")"
	}
	return s
}

func expr(fset *token.FileSet, e ast.Expr) string {
	var b bytes.Buffer
	printer.Fprint(&b, fset, e)
	return b.String()
}
