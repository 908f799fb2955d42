package templates

import (
	"regexp"
	"strings"
	"testing"
)

// cloudtowerTest runs in the generated cloudtower package: filters are
// written as the docs write them and go on the wire byte for byte as
// CloudTower expects; the iterator pages through the body.
const cloudtowerTest = `package cloudtower

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

func TestFilterReadsLikeTheDocs(t *testing.T) {
	var sent []byte
	c := New(apiruntime.TransportFunc(func(ctx context.Context, req *apiruntime.Request, out any) error {
		var err error
		sent, err = json.Marshal(req.Body)
		return err
	}))
	_, err := c.GetVMs(context.Background(), &GetVMsParams{Body: GetVMsRequestBody{
		Where: &VMWhereInput{Or: []VMWhereInput{{Cluster: &ClusterWhereInput{IDIn: []string{"c1"}}}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if want := ` + "`" + `{"where":{"OR":[{"cluster":{"id_in":["c1"]}}]}}` + "`" + `; string(sent) != want {
		t.Errorf("body\n got %s\nwant %s", sent, want)
	}
	// Deeper: back from clusters to VMs, with values that are zero.
	_, err = c.GetVMs(context.Background(), &GetVMsParams{Body: GetVMsRequestBody{
		Where: &VMWhereInput{Cluster: &ClusterWhereInput{VMsSome: &VMWhereInput{VcpuGt: apiruntime.Ptr[int32](0), Status: apiruntime.Ptr(VMStatusRunning)}}},
		OrderBy: apiruntime.Ptr(VMOrderByInputNameAsc),
	}})
	if want := ` + "`" + `{"where":{"cluster":{"vms_some":{"vcpu_gt":0,"status":"RUNNING"}}},"orderBy":"name_ASC"}` + "`" + `; err != nil || string(sent) != want {
		t.Errorf("body\n got %s\nwant %s (%v)", sent, want, err)
	}
	// Filters are validated too, wherever the value sits.
	_, err = c.GetVMs(context.Background(), &GetVMsParams{Body: GetVMsRequestBody{
		Where: &VMWhereInput{Or: []VMWhereInput{{}, {Status: apiruntime.Ptr(VMStatus("BOGUS"))}}},
	}})
	var ve *apiruntime.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || !strings.HasPrefix(ve.Problems[0], "body.where.OR[1].status: BOGUS is not one of") {
		t.Errorf("bad status in a filter: %v", err)
	}
}

func TestFilterPaging(t *testing.T) {
	calls := 0
	c := New(apiruntime.TransportFunc(func(ctx context.Context, req *apiruntime.Request, out any) error {
		calls++
		b := req.Body.(*GetVMsRequestBody)
		if b.Where == nil || b.Where.IDIn[0] != "v" {
			t.Errorf("filter lost: %+v", b)
		}
		var vms []VM
		for i := *b.Skip; i < *b.Skip+*b.First && i < 230; i++ {
			vms = append(vms, VM{ID: "vm"})
		}
		*out.(*[]VM) = vms
		return nil
	}))
	p := &GetVMsParams{Body: GetVMsRequestBody{Where: &VMWhereInput{IDIn: []string{"v"}}}}
	n := 0
	for _, err := range c.GetVMsAll(context.Background(), p) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 230 || calls != 3 || p.Body.First != nil || p.Body.Skip != nil {
		t.Errorf("%d VMs in %d calls; caller's params changed: %+v", n, calls, p.Body)
	}
}

func TestNonFilterKeepsNull(t *testing.T) {
	var sent []byte
	c := New(apiruntime.TransportFunc(func(ctx context.Context, req *apiruntime.Request, out any) error {
		sent, _ = json.Marshal(req.Body)
		return nil
	}))
	// Outside filters null still means something: Nullable stays.
	err := c.CreateVM(context.Background(), &CreateVMParams{Body: []VMCreationParams{{Name: "a", GPUCount: apiruntime.Null[int32]()}}})
	if err != nil || string(sent) != ` + "`" + `[{"name":"a","gpu_count":null}]` + "`" + ` {
		t.Errorf("%s %v", sent, err)
	}
	err = c.CreateVM(context.Background(), &CreateVMParams{Body: []VMCreationParams{{Name: "a"}, {}}})
	if err == nil || !strings.Contains(err.Error(), "body[1].name is required") {
		t.Errorf("missing name in the second VM: %v", err)
	}
}
`

// TestCloudTowerFilterFields checks the declarations themselves: plain
// optional fields in filter inputs, Nullable elsewhere, and the choice made
// from the fields' Nullable whatever the family.
func TestCloudTowerFilterFields(t *testing.T) {
	files, _ := generate(t, cloudtowerAPI(), Options{Package: "cloudtower"})
	all := joinedMap(files)
	for _, want := range []string{
		"Or []VMWhereInput `json:\"OR,omitempty\"`",
		"Cluster *ClusterWhereInput `json:\"cluster,omitempty\"`",
		"VMsSome *VMWhereInput `json:\"vms_some,omitempty\"`",
		"First *int32 `json:\"first,omitempty\"`",
		"GPUCount apiruntime.Nullable[int32] `json:\"gpu_count,omitzero\"`",
		"body.First = apiruntime.Ptr(int32(limit))",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %s", want)
		}
	}
	api := cloudtowerAPI()
	api.Type("VmWhereInput").Field("OR").Nullable = true
	files, _ = generate(t, api, Options{Package: "cloudtower"})
	if all := joinedMap(files); !strings.Contains(all, "Or apiruntime.Nullable[[]VMWhereInput]") {
		t.Error("a nullable filter field is not declared Nullable")
	}
}

// joinedMap is every file's text, with runs of blanks (gofmt's column
// alignment) read as one space.
func joinedMap(files map[string][]byte) string {
	var b strings.Builder
	for _, c := range files {
		b.Write(c)
	}
	return regexp.MustCompile(`[ \t]+`).ReplaceAllString(b.String(), " ")
}
