package qingcloud

import (
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
)

// Shaped like generated param structs: required fields plain, optional
// ones pointers, lists slices, list-of-struct fields slices of structs.
type runInstancesParams struct {
	ImageID      string   `json:"image_id,omitempty"`
	InstanceType *string  `json:"instance_type,omitempty"`
	Count        *int     `json:"count,omitempty"`        // documented default 1
	OSDiskSize   *int     `json:"os_disk_size,omitempty"` // documented default 20
	NeedNewsid   *int     `json:"need_newsid,omitempty"`  // documented default 0
	LoginMode    string   `json:"login_mode,omitempty"`
	LoginPasswd  *string  `json:"login_passwd,omitempty"`
	Vxnets       []string `json:"vxnets,omitempty"`
	Volumes      []string `json:"volumes,omitempty"`
	Encrypt      *bool    `json:"os_disk_encryption,omitempty"`
	Zone         string   `json:"zone,omitempty"`
}

type rule struct {
	Protocol  string                      `json:"protocol,omitempty"`
	Priority  int                         `json:"priority,omitempty"`
	Name      *string                     `json:"security_group_rule_name,omitempty"`
	Action    *string                     `json:"action,omitempty"`
	Direction *int                        `json:"direction,omitempty"`
	Val1      *string                     `json:"val1,omitempty"`
	Val2      apiruntime.Nullable[string] `json:"val2,omitzero"`
	Val3      apiruntime.Nullable[string] `json:"val3,omitzero"`
}

type addRulesParams struct {
	SecurityGroup string `json:"security_group,omitempty"`
	Rules         []rule `json:"rules,omitempty"`
}

func TestEncodeRunInstances(t *testing.T) {
	got, err := Encode(&runInstancesParams{
		ImageID:      "centos64x86a",
		InstanceType: apiruntime.Ptr("small_b"),
		LoginMode:    "passwd",
		LoginPasswd:  apiruntime.Ptr("Qing Cloud+1"),
		Vxnets:       []string{"vxnet-0", "vxnet-abcd123|192.168.1.2"},
		Volumes:      []string{},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := url.Values{
		"image_id":      {"centos64x86a"},
		"instance_type": {"small_b"},
		"login_mode":    {"passwd"},
		"login_passwd":  {"Qing Cloud+1"},
		"vxnets.1":      {"vxnet-0"},
		"vxnets.2":      {"vxnet-abcd123|192.168.1.2"},
		"zone":          {""}, // required and plain; the transport fills it in
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Encode =\n%v\nwant\n%v", got, want)
	}
}

func TestEncodeListOfStructs(t *testing.T) {
	got, err := Encode(addRulesParams{
		SecurityGroup: "sg-6ft05wt6",
		Rules: []rule{
			{Protocol: "tcp", Priority: 7, Action: apiruntime.Ptr("accept"), Direction: apiruntime.Ptr(0), Val1: apiruntime.Ptr("22"), Val2: apiruntime.Null[string]()},
			{Protocol: "icmp", Priority: 0, Val3: apiruntime.Value("10.0.0.0/24")},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := url.Values{
		"security_group":    {"sg-6ft05wt6"},
		"rules.1.protocol":  {"tcp"},
		"rules.1.priority":  {"7"},
		"rules.1.action":    {"accept"},
		"rules.1.direction": {"0"}, // set to zero explicitly: sent
		"rules.1.val1":      {"22"},
		"rules.1.val2":      {""}, // null: sent empty, as the doc's example does
		"rules.2.protocol":  {"icmp"},
		"rules.2.priority":  {"0"}, // required: zero is a real priority
		"rules.2.val3":      {"10.0.0.0/24"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Encode =\n%v\nwant\n%v", got, want)
	}
}

type scalars struct {
	B       bool                `json:"b"`
	BP      *bool               `json:"bp,omitempty"`
	F       float64             `json:"f"`
	F32     *float32            `json:"f32,omitempty"`
	U       uint8               `json:"u"`
	I64     apiruntime.Int64    `json:"i64"`
	When    time.Time           `json:"when"`
	WhenRT  *apiruntime.Time    `json:"when_rt,omitempty"`
	Status  status              `json:"status"`
	Tags    map[string]string   `json:"tags,omitempty"`
	Nested  *struct{ A, B int } `json:"nested,omitempty"`
	Matrix  [][]int             `json:"matrix,omitempty"`
	Skip    string              `json:"-"`
	NoTag   string
	private string
	embedded
}

type status string

type embedded struct {
	Owner string `json:"owner,omitempty"`
}

func TestEncodeScalars(t *testing.T) {
	when := time.Date(2013, 8, 27, 22, 30, 10, 0, time.FixedZone("CST", 8*3600))
	got, err := Encode(&scalars{
		B: false, BP: apiruntime.Ptr(true), F: 1.5, F32: apiruntime.Ptr(float32(0.1)), U: 7, I64: 12,
		When: when, WhenRT: &apiruntime.Time{Time: when}, Status: "running",
		Tags: map[string]string{"z": "1", "a": "2"}, Nested: &struct{ A, B int }{1, 2},
		Matrix: [][]int{{1}, {2, 3}}, Skip: "x", NoTag: "n", private: "p",
		embedded: embedded{Owner: "usr-1"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := url.Values{
		"b": {"0"}, "bp": {"1"}, "f": {"1.5"}, "f32": {"0.1"}, "u": {"7"}, "i64": {"12"},
		"when": {"2013-08-27T14:30:10Z"}, "when_rt": {"2013-08-27T14:30:10Z"}, "status": {"running"},
		"tags.a": {"2"}, "tags.z": {"1"}, "nested.A": {"1"}, "nested.B": {"2"},
		"matrix.1.1": {"1"}, "matrix.2.1": {"2"}, "matrix.2.2": {"3"},
		"NoTag": {"n"}, "owner": {"usr-1"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Encode =\n%v\nwant\n%v", got, want)
	}
}

func TestEncodeEdges(t *testing.T) {
	if q, err := Encode(nil); err != nil || len(q) != 0 {
		t.Errorf("Encode(nil) = %v, %v", q, err)
	}
	if q, err := Encode((*runInstancesParams)(nil)); err != nil || len(q) != 0 {
		t.Errorf("Encode(nil pointer) = %v, %v", q, err)
	}
	in := url.Values{"jobs.1": {"j-1"}}
	q, err := Encode(in)
	if err != nil || q.Get("jobs.1") != "j-1" {
		t.Errorf("Encode(url.Values) = %v, %v", q, err)
	}
	q.Set("jobs.1", "changed")
	if in.Get("jobs.1") != "j-1" {
		t.Error("Encode(url.Values) shares the caller's map")
	}
	if _, err := Encode("x"); err == nil || !strings.Contains(err.Error(), "want a struct") {
		t.Errorf("Encode(string) error = %v", err)
	}
	_, err = Encode(struct {
		F func() `json:"f"`
	}{F: func() {}})
	if err == nil || !strings.Contains(err.Error(), "encode f: unsupported type") {
		t.Errorf("Encode(func field) error = %v", err)
	}
}
