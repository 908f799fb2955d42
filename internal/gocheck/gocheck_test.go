package gocheck

import "testing"

func TestCompileUsesRuntime(t *testing.T) {
	Test(t, map[string][]byte{
		"gen.go":      []byte("package gen\n\nimport \"github.com/apigen-dev/apigen/apiruntime\"\n\nvar V = &apiruntime.ValidationError{Operation: \"x\"}\n"),
		"gen_test.go": []byte("package gen\n\nimport \"testing\"\n\nfunc TestV(t *testing.T) { if V.Operation != \"x\" { t.Fatal(V) } }\n"),
	})
}

func TestCompileFailsOnBrokenCode(t *testing.T) {
	dir := Module(t, map[string][]byte{"gen.go": []byte("package gen\n\nvar x int = \"s\"\n")})
	if out, err := Go(dir, "build", "./..."); err == nil {
		t.Fatalf("broken code built:\n%s", out)
	}
}
