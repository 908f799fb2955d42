package templates

import (
	"go/token"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestGoName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"uuid", "UUID"},
		{"vmInstanceUuid", "VMInstanceUUID"},
		{"VmInstanceInventory", "VMInstanceInventory"},
		{"instance_id", "InstanceID"},
		{"instance_ids", "InstanceIDs"},
		{"InstanceIDs", "InstanceIDs"},
		{"HTTPServer", "HTTPServer"},
		{"getURLForIP", "GetURLForIP"},
		{"api-version", "APIVersion"},
		{"cpuNum", "CPUNum"},
		{"osType", "OSType"},
		{"ipv4Address", "IPv4Address"},
		{"DESCRIBE_INSTANCES", "DescribeInstances"},
		{"ZStack", "ZStack"},
		{"x-request-id", "XRequestID"},
		{"3d", "X3d"},
		{"2fa_code", "X2faCode"},
		{"名字", "X名字"},
		{"vm名字", "Vm名字"},
		{"éclair", "XÉclair"},
		{"type", "Type"},
		{"func", "Func"},
		{"", "Fallback"},
		{"$$$", "Fallback"},
		{"a b\tc", "ABC"},
		{"int32", "Int32"},
		{"v1beta1", "V1beta1"},
	} {
		got := goName(tc.in, "Fallback")
		if got != tc.want {
			t.Errorf("goName(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if !token.IsIdentifier(got) || !token.IsExported(got) {
			t.Errorf("goName(%q) = %q is not an exported identifier", tc.in, got)
		}
	}
}

func TestEnumValueName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"available", "Available"},
		{"on-hold", "OnHold"},
		{"", "Empty"},
		{"1", "1"},
		{"-1", "Minus1"},
		{"1.5", "1_5"},
		{"*", "Value"},
		{"名字", "名字"},
		{"xml", "XML"},
	} {
		if got := enumValueName(tc.in); got != tc.want {
			t.Errorf("enumValueName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRegistry(t *testing.T) {
	r := newRegistry("Client", "New")
	names, err := r.assign([]claim{
		{base: "Pet"}, {base: "Pet"}, {base: "Pet2"}, {base: "Client", alts: []string{"ClientType"}}, {base: "Pet"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Pet", "Pet3", "Pet2", "ClientType", "Pet4"}
	for i := range want {
		if names[i] != want[i] {
			t.Errorf("names = %q, want %q", names, want)
			break
		}
	}
	// A fixed claim (a user override) wins over a natural one and must
	// not collide with a taken name.
	r = newRegistry("Client")
	names, err = r.assign([]claim{{base: "Animal"}, {base: "Animal", fixed: true}})
	if err != nil || names[0] != "Animal2" || names[1] != "Animal" {
		t.Errorf("override: %q, %v", names, err)
	}
	if _, err := r.assign([]claim{{base: "Client", fixed: true}}); err == nil {
		t.Error("override colliding with a reserved name was accepted")
	}
}

func TestCapIdent(t *testing.T) {
	long := strings.Repeat("Name", 250)
	a, b := capIdent(long+"A", maxIdent), capIdent(long+"B", maxIdent)
	if len(a) > maxIdent || len(b) > maxIdent || a == b || !strings.HasPrefix(a, "NameName") {
		t.Errorf("two long names sharing a prefix: %q, %q", a, b)
	}
	if again := capIdent(long+"A", maxIdent); again != a {
		t.Errorf("not deterministic: %q, %q", a, again)
	}
	if s := capIdent("Short", maxIdent); s != "Short" {
		t.Errorf("short name changed: %q", s)
	}
	// Cut at a rune boundary: 3-byte runes never leave half a rune.
	zh := capIdent("X"+strings.Repeat("名", 400), maxIdent)
	if len(zh) > maxIdent || !utf8.ValidString(zh) || !token.IsIdentifier(zh) {
		t.Errorf("cut inside a rune or not an identifier: %q", zh)
	}
	if got := goName(strings.Repeat("very_long_operation_id_", 50000), "Call"); len(got) > maxIdent || !token.IsIdentifier(got) {
		t.Errorf("goName of a 1 MB name gives %d bytes", len(got))
	}
}

// TestRegistryLongNames: composite names (a long type name + "Params" or
// + an enum value) and numbered renames stay within the limit and apart.
func TestRegistryLongNames(t *testing.T) {
	r := newRegistry()
	long := strings.Repeat("A", maxIdent)
	names, _ := r.assign([]claim{{base: long}, {base: long}, {base: long + "Params"}, {base: long + "Params"}, {base: long, alts: []string{long + "Type"}}})
	seen := map[string]bool{}
	for _, n := range names {
		if len(n) > maxIdent || seen[n] || !token.IsIdentifier(n) {
			t.Errorf("names = %q", names)
		}
		seen[n] = true
	}
}

// TestStdMethods: an operation named after a method a standard interface
// fixes (MarshalJSON, String, WriteTo…) gets another name on Client.
func TestStdMethods(t *testing.T) {
	r := newRegistry(stdMethods...)
	names, _ := r.assign([]claim{{base: "MarshalJSON", alts: []string{"MarshalJSONCall"}}, {base: "WriteTo"}, {base: "Get"}})
	if want := []string{"MarshalJSONCall", "WriteTo2", "Get"}; !slices.Equal(names, want) {
		t.Errorf("names = %q, want %q", names, want)
	}
	// Every name go vet's stdmethods check knows is reserved.
	for _, n := range []string{"As", "Format", "GobDecode", "GobEncode", "Is", "MarshalJSON", "MarshalXML",
		"ReadByte", "ReadFrom", "ReadRune", "Scan", "Seek", "UnmarshalJSON", "UnmarshalXML",
		"UnreadByte", "UnreadRune", "Unwrap", "WriteByte", "WriteTo"} {
		if !slices.Contains(stdMethods, n) {
			t.Errorf("%s is not reserved", n)
		}
	}
}
