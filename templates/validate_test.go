package templates

import (
	"strings"
	"testing"
)

// petstoreValidateTest runs in the generated petstore package: a request
// body is checked all the way down before anything is sent, every problem
// named by its path; values read from prose are not enforced.
const petstoreValidateTest = `package petstore

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

func TestBodyValidation(t *testing.T) {
	sent := false
	c := New(apiruntime.TransportFunc(func(context.Context, *apiruntime.Request, any) error { sent = true; return nil }))
	bad := &AdoptPetsParams{
		Body: Adoption{
			Pets:  []Pet{{Name: "a", Field: "x"}, {Field: "x", Status: apiruntime.Ptr(PetStatus("bogus"))}},
			By:    &Owner{Best: Pet{Name: "b", Field: "x"}},
			Kinds: []PetStatus{PetStatusSold, "gone"},
			Size:  apiruntime.Ptr("XL"),
			Mood:  apiruntime.Ptr("angry"), // documented in prose only: not enforced
			Notes: map[string]Pet{"z": {}, "a": {Name: "n", Field: "f"}},
			Label: apiruntime.Value(Pet{Field: "x"}),
		},
		Filter: &Owner{Best: Pet{Name: "c", Field: "y"}},
		Mood:   apiruntime.Ptr("angry"),
	}
	err := c.AdoptPets(context.Background(), bad)
	var ve *apiruntime.ValidationError
	if !errors.As(err, &ve) || sent {
		t.Fatalf("not caught before sending: %v (sent %v)", err, sent)
	}
	want := []string{
		"body.pets[1].name is required",
		"body.pets[1].status: bogus is not one of",
		"body.by.name is required",
		"body.kinds: gone is not one of",
		"body.size: XL is not one of [S M]",
		` + "`" + `body.notes["z"].name is required` + "`" + `,
		` + "`" + `body.notes["z"].- is required` + "`" + `,
		"body.label.name is required",
		"body.ids is required",
		"filter.name is required",
	}
	if len(ve.Problems) != len(want) {
		t.Fatalf("problems:\n%s", strings.Join(ve.Problems, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(ve.Problems[i], w) {
			t.Errorf("problem %d is %q, want %q", i, ve.Problems[i], w)
		}
	}

	good := &AdoptPetsParams{
		Body: Adoption{
			Pets:  []Pet{{Name: "a", Field: "x", Parent: &Pet{Name: "p", Field: "x"}}},
			Kinds: []PetStatus{PetStatusSold},
			Size:  apiruntime.Ptr("M"),
			Mood:  apiruntime.Ptr("angry"),
			Label: apiruntime.Null[Pet](), // null is a value for a nullable field
			IDs:   []string{},
		},
		Mood: apiruntime.Ptr("angry"),
	}
	if err := c.AdoptPets(context.Background(), good); err != nil || !sent {
		t.Fatalf("valid request refused: %v", err)
	}
	// Recursion reaches a pointer held for a recursive type.
	good.Body.Pets[0].Parent = &Pet{Field: "x"}
	if err := good.Validate(); err == nil || !strings.Contains(err.Error(), "body.pets[0].parent.name is required") {
		t.Errorf("nested parent: %v", err)
	}
}
`

// TestInferredEnumsDocumentedNotEnforced: values read from prose stay in
// the comment, say where they come from, and produce no check.
func TestInferredEnumsDocumentedNotEnforced(t *testing.T) {
	files, _ := generate(t, petstore(), Options{Package: "petstore"})
	// adoptPets alone uses Adoption: both sit in its group's file.
	models, params := string(files["adoptions.go"]), string(files["adoptions.go"])
	for _, src := range []string{models, params} {
		if !strings.Contains(src, "// Allowed (from description): \"calm\"") {
			t.Errorf("prose values not documented:\n%s", src)
		}
		if strings.Contains(src, `"calm")`) {
			t.Errorf("prose values enforced:\n%s", src)
		}
	}
	if !strings.Contains(models, `apiruntime.Enum[string](v, path+".size", x.Size, "S", "M")`) {
		t.Errorf("structured field enum not enforced:\n%s", models)
	}
	// Read-only fields are the server's to set.
	if strings.Contains(models, "receipt") && strings.Contains(models, `".receipt"`) {
		t.Errorf("read-only field checked:\n%s", models)
	}
}

// TestValidateOnlyWhereNeeded: structs get a validate method only when a
// request carries them and something in them can be checked.
func TestValidateOnlyWhereNeeded(t *testing.T) {
	files, _ := generate(t, petstore(), Options{Package: "petstore"})
	all := ""
	for _, c := range files {
		all += string(c)
	}
	for _, want := range []string{
		"func (x *Adoption) validate(", "func (x *Pet) validate(", "func (x *Owner) validate(",
		"func (x *ChargeForm) validate(", "func (x *ChargeItem) validate(",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %s", want)
		}
	}
	// Page and Meta are only ever received; PetOrOwner is a union.
	for _, bad := range []string{"func (x *Page) validate(", "func (x *Meta) validate(", "func (x *PetOrOwner) validate(", "Food.validate("} {
		if strings.Contains(all, bad) {
			t.Errorf("unexpected %s", bad)
		}
	}
}
