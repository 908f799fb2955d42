package petstore_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
	"github.com/apigen-dev/apigen/generated/petstore"
)

// recorder is a fake petstore that records each request as one line
// (method, path, query, sorted headers, body) and answers by path.
func recorder(t *testing.T) (*petstore.Client, *[]string) {
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var hs []string
		for k, v := range r.Header {
			if k != "Content-Length" && k != "Accept-Encoding" && k != "User-Agent" {
				hs = append(hs, k+"="+strings.Join(v, ","))
			}
		}
		sort.Strings(hs)
		ct := r.Header.Get("Content-Type")
		if strings.HasPrefix(ct, "multipart/") {
			b = []byte(fmt.Sprintf("multipart of %d bytes", len(b))) // boundaries are random
			hs = nil
		}
		seen = append(seen, fmt.Sprintf("%s %s?%s %v %s", r.Method, r.URL.Path, r.URL.RawQuery, hs, b))
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == "GET" && r.URL.Path == "/v1/pets":
			if r.URL.Query().Get("offset") == "" || r.URL.Query().Get("offset") == "0" {
				io.WriteString(w, `{"items":[{"id":1,"name":"A"},{"id":2,"name":"B"}],"total":3}`)
			} else {
				io.WriteString(w, `{"items":[{"id":3,"name":"C"}],"total":3}`)
			}
		case r.Method == "POST" && r.URL.Path == "/v1/pets":
			w.WriteHeader(201)
			io.WriteString(w, `{"id":8,"name":"Tom"}`)
		case r.URL.Path == "/v1/pets/404":
			w.WriteHeader(404)
			io.WriteString(w, `{"code":404,"message":"no such pet"}`)
		case r.Method == "GET":
			io.WriteString(w, `{"id":7,"name":"Rex"}`)
		default:
			w.WriteHeader(204)
		}
	}))
	t.Cleanup(srv.Close)
	return petstore.New(apiruntime.NewHTTP(srv.URL+"/v1", apiruntime.WithBearerToken("tok"))), &seen
}

// Each group method sends what the flat method sends and returns what it
// returns: answers, typed errors, validation before sending, iterators.
func TestGroupsCallLikeFlatMethods(t *testing.T) {
	ctx := context.Background()
	type answer struct {
		value any
		err   string
	}
	do := func(c *petstore.Client, grouped bool) []answer {
		var out []answer
		add := func(v any, err error) {
			s := ""
			if err != nil {
				s = err.Error()
				var ae *apiruntime.APIError
				if errors.As(err, &ae) {
					s += fmt.Sprintf(" (status %d)", ae.StatusCode)
				}
			}
			out = append(out, answer{v, s})
		}
		list := &petstore.ListPetsParams{Limit: apiruntime.Ptr[int32](2), Tags: []string{"a", "b"}}
		create := &petstore.CreatePetParams{Body: petstore.NewPet{Name: "Tom", Vaccinated: apiruntime.Ptr(false)}}
		upload := &petstore.UploadPetPhotoParams{PetID: 7, Body: petstore.UploadPetPhotoRequest{Photo: apiruntime.NewFile("p.png", "image/png", strings.NewReader("png"))}}
		if grouped {
			add(c.Pets.List(ctx, list, apiruntime.ExtraHeader("X-Extra", "1")))
			add(c.Pets.Create(ctx, create))
			add(c.Pets.Get(ctx, &petstore.GetPetParams{PetID: 7}))
			add(c.Pets.Get(ctx, &petstore.GetPetParams{PetID: 404}))
			add(nil, c.Pets.Delete(ctx, &petstore.DeletePetParams{PetID: 7}))
			add(nil, c.Pets.UploadPhoto(ctx, upload))
			add(c.Pets.Create(ctx, &petstore.CreatePetParams{})) // invalid: never sent
			for pet, err := range c.Pets.ListAll(ctx, list) {
				add(pet, err)
			}
		} else {
			add(c.ListPets(ctx, list, apiruntime.ExtraHeader("X-Extra", "1")))
			add(c.CreatePet(ctx, create))
			add(c.GetPet(ctx, &petstore.GetPetParams{PetID: 7}))
			add(c.GetPet(ctx, &petstore.GetPetParams{PetID: 404}))
			add(nil, c.DeletePet(ctx, &petstore.DeletePetParams{PetID: 7}))
			add(nil, c.UploadPetPhoto(ctx, upload))
			add(c.CreatePet(ctx, &petstore.CreatePetParams{}))
			for pet, err := range c.ListPetsAll(ctx, list) {
				add(pet, err)
			}
		}
		return out
	}
	// One server for both, so errors naming its URL compare equal.
	c, seen := recorder(t)
	flat := do(c, false)
	flatSeen := *seen
	*seen = nil
	grouped := do(c, true)
	if !reflect.DeepEqual(flat, grouped) {
		t.Errorf("answers differ\n flat    %+v\n grouped %+v", flat, grouped)
	}
	if !reflect.DeepEqual(flatSeen, *seen) {
		t.Errorf("requests differ\n flat    %q\n grouped %q", flatSeen, *seen)
	}
	// The comparison is worth something only if the calls did things.
	if n := len(flatSeen); n != 8 {
		t.Errorf("%d requests, want 8 (6 calls, an invalid one not sent, 2 pages): %q", n, flatSeen)
	}
	if last := flat[6].err; !strings.Contains(last, "name is required") {
		t.Errorf("invalid create: %q", last)
	}
	if !strings.Contains(flat[3].err, "status 404") || len(flat) != 10 {
		t.Errorf("answers: %+v", flat)
	}
}
