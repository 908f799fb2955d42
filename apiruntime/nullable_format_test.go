package apiruntime

import (
	"fmt"
	"testing"
)

func TestNullableFormat(t *testing.T) {
	type pet struct {
		Name Nullable[string]
		Age  Nullable[int]
		Tag  Nullable[string]
	}
	got := fmt.Sprintf("%v %+v %q %5d", pet{Name: Value("Rex"), Age: Null[int]()}, pet{Age: Value(3)}, Value("a b"), Value(42))
	want := `{Rex null <unset>} {Name:<unset> Age:3 Tag:<unset>} "a b"    42`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
