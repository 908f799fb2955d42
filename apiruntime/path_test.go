package apiruntime_test

import (
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

type color string

func TestPath(t *testing.T) {
	id := int64(42)
	var nilPtr *string
	cases := []struct {
		name string
		got  string
		want string
	}{
		{"int", apiruntime.Path("/pets/{id}", "id", 5), "/pets/5"},
		{"pointer", apiruntime.Path("/pets/{id}", "id", &id), "/pets/42"},
		{"enum", apiruntime.Path("/colors/{c}", "c", color("dark red")), "/colors/dark%20red"},
		{"slash escaped", apiruntime.Path("/files/{name}", "name", "a/b?c#d"), "/files/a%2Fb%3Fc%23d"},
		{"two params", apiruntime.Path("/a/{x}/b/{y}", "x", "1", "y", true), "/a/1/b/true"},
		{"repeated", apiruntime.Path("/{x}/{x}", "x", "z"), "/z/z"},
		{"no re-expansion", apiruntime.Path("/{a}/{b}", "a", "{b}", "b", "2"), "/%7Bb%7D/2"},
		{"nil pointer", apiruntime.Path("/pets/{id}", "id", nilPtr), "/pets/"},
		{"unicode", apiruntime.Path("/vm/{n}", "n", "云主机"), "/vm/%E4%BA%91%E4%B8%BB%E6%9C%BA"},
		{"float", apiruntime.Path("/v/{f}", "f", 1.5), "/v/1.5"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}
