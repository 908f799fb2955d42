package petstore_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
	"github.com/apigen-dev/apigen/generated/petstore"
)

// The generated client against a fake server: what goes on the wire (path,
// query, headers, body) and what comes back (decoded structs, typed errors).
func TestPetstoreOnTheWire(t *testing.T) {
	var got struct {
		method, path, query, auth, reqID, body string
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got.method, got.path, got.query, got.body = r.Method, r.URL.Path, r.URL.RawQuery, string(b)
		got.auth, got.reqID = r.Header.Get("Authorization"), r.Header.Get("X-Request-Id")
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == "GET" && r.URL.Path == "/v1/pets":
			io.WriteString(w, `{"items":[{"id":7,"name":"Rex","status":"sold","tag":null,"birthday":"2020-01-02T03:04:05Z","food":{"kind":"kibble","grams":120.5}}],"total":1}`)
		case r.Method == "POST" && r.URL.Path == "/v1/pets":
			w.WriteHeader(201)
			io.WriteString(w, `{"id":8,"name":"Tom","status":"brand-new-status"}`)
		case r.URL.Path == "/v1/pets/404":
			w.Header().Set("X-Request-Id", "req-42")
			w.WriteHeader(404)
			io.WriteString(w, `{"code":404,"message":"no such pet"}`)
		default:
			w.WriteHeader(204)
		}
	}))
	defer srv.Close()
	c := petstore.New(apiruntime.NewHTTP(srv.URL+"/v1", apiruntime.WithBearerToken("s3cret-token")))
	ctx := context.Background()

	page, err := c.ListPets(ctx, &petstore.ListPetsParams{
		Limit:      apiruntime.Ptr[int32](0), // an explicit zero is sent
		Status:     apiruntime.Ptr(petstore.PetStatusSold),
		Tags:       []string{"a", "b c"},
		XRequestID: apiruntime.Ptr("rid-1"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.method != "GET" || got.path != "/v1/pets" || got.query != "limit=0&status=sold&tags=a&tags=b+c" {
		t.Errorf("request: %+v", got)
	}
	if got.auth != "Bearer s3cret-token" || got.reqID != "rid-1" {
		t.Errorf("headers: auth %q request id %q", got.auth, got.reqID)
	}
	if page.Total != 1 || len(page.Items) != 1 {
		t.Fatalf("page: %+v", page)
	}
	pet := page.Items[0]
	if pet.ID != 7 || pet.Name != "Rex" || *pet.Status != petstore.PetStatusSold || pet.Birthday.Year() != 2020 {
		t.Errorf("pet: %+v", pet)
	}
	if !pet.Tag.IsNull() {
		t.Errorf("tag should be null, is %+v", pet.Tag)
	}
	kibble, err := pet.Food.AsKibble()
	if err != nil || *kibble.Grams != 120.5 {
		t.Errorf("union: %+v %v", kibble, err)
	}

	created, err := c.CreatePet(ctx, &petstore.CreatePetParams{Body: petstore.NewPet{
		Name:       "Tom",
		Vaccinated: apiruntime.Ptr(false), // false is sent, not dropped
		Tag:        apiruntime.Null[string](),
	}})
	if err != nil {
		t.Fatal(err)
	}
	var body map[string]any
	if err := json.Unmarshal([]byte(got.body), &body); err != nil {
		t.Fatal(err)
	}
	if len(body) != 3 || body["name"] != "Tom" || body["vaccinated"] != false || body["tag"] != nil {
		t.Errorf("body %s", got.body)
	}
	if _, ok := body["tag"]; !ok {
		t.Errorf("null tag must be sent as null: %s", got.body)
	}
	// Unknown enum values decode rather than fail.
	if created.ID != 8 || *created.Status != "brand-new-status" {
		t.Errorf("created: %+v", created)
	}

	_, err = c.GetPet(ctx, &petstore.GetPetParams{PetID: 404})
	var apiErr *apiruntime.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 || apiErr.RequestID != "req-42" || !strings.Contains(string(apiErr.Body), "no such pet") {
		t.Fatalf("typed error: %#v", err)
	}
	if strings.Contains(err.Error(), "s3cret-token") {
		t.Errorf("token leaked into %q", err)
	}

	if err := c.DeletePet(ctx, &petstore.DeletePetParams{PetID: 5, Force: apiruntime.Ptr(true)}); err != nil {
		t.Fatal(err)
	}
	if got.method != "DELETE" || got.path != "/v1/pets/5" || got.query != "force=true" {
		t.Errorf("delete: %+v", got)
	}
}

func TestPetstoreValidateBeforeSending(t *testing.T) {
	sent := false
	c := petstore.New(apiruntime.TransportFunc(func(context.Context, *apiruntime.Request, any) error { sent = true; return nil }))
	_, err := c.CreatePet(context.Background(), &petstore.CreatePetParams{Body: petstore.NewPet{}})
	var ve *apiruntime.ValidationError
	if !errors.As(err, &ve) || sent {
		t.Fatalf("missing name not caught before sending: %v (sent %v)", err, sent)
	}
}

// A multipart/form-data body: text fields first, in field order (lists
// indexed as in forms), then the binary field as a file part with the file
// name and content type the caller gave, bytes intact.
func TestPetstoreMultipartUpload(t *testing.T) {
	photo := []byte("\x89PNG\r\n\x1a\n\x00\xff--not-a-boundary")
	type part struct{ name, file, ctype, body string }
	var parts []part
	var ctype string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctype = r.Header.Get("Content-Type")
		mr, err := r.MultipartReader()
		if err != nil {
			t.Error(err)
			return
		}
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				break
			} else if err != nil {
				t.Error(err)
				return
			}
			b, _ := io.ReadAll(p)
			parts = append(parts, part{p.FormName(), p.FileName(), p.Header.Get("Content-Type"), string(b)})
		}
		w.WriteHeader(204)
	}))
	defer srv.Close()
	c := petstore.New(apiruntime.NewHTTP(srv.URL))
	err := c.UploadPetPhoto(context.Background(), &petstore.UploadPetPhotoParams{
		PetID: 7,
		Body:  petstore.UploadPetPhotoRequest{Caption: apiruntime.Ptr("Rex, asleep"), Tags: []string{"cute", "dog"}, Photo: apiruntime.NewFile("rex.png", "image/png", bytes.NewReader(photo))},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ctype, "multipart/form-data; boundary=") {
		t.Errorf("content type %q", ctype)
	}
	want := []part{
		{"caption", "", "", "Rex, asleep"},
		{"tags[0]", "", "", "cute"},
		{"tags[1]", "", "", "dog"},
		{"photo", "rex.png", "image/png", string(photo)},
	}
	if fmt.Sprint(parts) != fmt.Sprint(want) {
		t.Errorf("parts\n got %q\nwant %q", parts, want)
	}

	// The file is required: caught before anything is sent.
	err = c.UploadPetPhoto(context.Background(), &petstore.UploadPetPhotoParams{PetID: 7})
	var ve *apiruntime.ValidationError
	if !errors.As(err, &ve) || !strings.Contains(err.Error(), "body.photo") {
		t.Errorf("missing photo: %v", err)
	}
}
