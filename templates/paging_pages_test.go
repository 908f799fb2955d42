package templates

import "github.com/apigen-dev/apigen/ir"

// pagesAPI is a GitHub-style list: page and per_page in the query, the
// answer a bare list, the next page in the Link header.
func pagesAPI() *ir.API {
	i := ir.Prim(ir.KindInteger, "")
	return &ir.API{
		Name: "Pages", Family: ir.FamilyOpenAPI, Version: "1",
		Operations: []*ir.Operation{
			{Name: "listRepos", Method: "GET", Path: "/repos", Auth: true,
				Params:   []*ir.Param{{Name: "page", In: ir.InQuery, Type: i}, {Name: "per_page", In: ir.InQuery, Type: i}},
				Response: &ir.Response{Status: 200, ContentType: "application/json", Type: &ir.TypeRef{Kind: ir.KindList, Elem: &ir.TypeRef{Kind: ir.KindRef, Ref: "Repo"}}},
				Paging:   &ir.Paging{Style: ir.PagingPage, PageParam: "page", LimitParam: "per_page"}},
		},
		Types: []*ir.Type{{Name: "Repo", Kind: ir.KindStruct, Fields: []*ir.Field{{Name: "name", Type: ir.Prim(ir.KindString, ""), Required: true}}}},
	}
}

// pagesTest runs in the generated pages package: the iterator follows the
// Link header (a URL with commas, as GitHub's search links have), and the
// caller's own WithResponse shows each page's headers while its items are
// yielded, though the iterator records the pages for itself too.
const pagesTest = `package pages

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

func TestIteratorPageHeaders(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if page < 3 {
			w.Header().Set("Link", fmt.Sprintf("<%s/repos?q=a,b&page=%d&per_page=2>; rel=\"next\"", srv.URL, page+1))
		}
		w.Header().Set("X-Page", strconv.Itoa(page))
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, "[{\"name\":\"r%d-1\"},{\"name\":\"r%d-2\"}]", page, page)
	}))
	defer srv.Close()
	c := New(apiruntime.NewHTTP(srv.URL))
	var meta apiruntime.Response
	var got []string
	for repo, err := range c.ListReposAll(apiruntime.WithResponse(context.Background(), &meta), &ListReposParams{}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, repo.Name+"@"+meta.Header.Get("X-Page"))
	}
	want := "r1-1@1 r1-2@1 r2-1@2 r2-2@2 r3-1@3 r3-2@3"
	if strings.Join(got, " ") != want {
		t.Errorf("items with their page's header: %s, want %s", strings.Join(got, " "), want)
	}
}
`
