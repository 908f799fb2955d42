package templates

import (
	"go/token"
	"testing"
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
