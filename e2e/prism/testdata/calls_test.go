// Calls against Prism (PRISM_URL) mocking the Kubernetes API from its
// Swagger 2.0 spec, through the client apigen generated from that spec, in
// package example.com/gen/k8s. Prism checks each request against the spec
// (parameters, body schema, Content-Type, security) and reports what it
// finds wrong in an sl-violations header, or refuses the request with 401,
// 415 or 422; it answers in the media type the request's Accept prefers.
// What is checked here is the wire: what was accepted, and how the
// answers decode.
package calls

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"

	"example.com/gen/k8s"
	"github.com/apigen-dev/apigen/apiruntime"
)

const token = "Bearer apigen-secret-token"

// wire is the caller's own RoundTripper: it refuses any host but Prism's,
// and keeps every request it sent with the violations Prism reported.
type wire struct {
	mu       sync.Mutex
	sent     []*http.Request
	reported []string
}

func (w *wire) RoundTrip(r *http.Request) (*http.Response, error) {
	if base := os.Getenv("PRISM_URL"); !strings.HasPrefix(r.URL.String(), base+"/") {
		return nil, fmt.Errorf("request to %s, not to Prism at %s", r.URL.Host, base)
	}
	w.mu.Lock()
	w.sent = append(w.sent, r)
	w.mu.Unlock()
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err == nil {
		if v := resp.Header.Get("sl-violations"); v != "" {
			w.mu.Lock()
			w.reported = append(w.reported, r.Method+" "+r.URL.Path+": "+v)
			w.mu.Unlock()
		}
	}
	return resp, err
}

// last is the last request sent.
func (w *wire) last(t *testing.T) *http.Request {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.sent) == 0 {
		t.Fatal("nothing was sent")
	}
	return w.sent[len(w.sent)-1]
}

func (w *wire) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.sent)
}

// clean fails t when Prism found anything wrong with a request sent.
func (w *wire) clean(t *testing.T) {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, v := range w.reported {
		t.Errorf("Prism reported a violation: %s", v)
	}
}

func client(t *testing.T, w *wire, opts ...apiruntime.Option) *k8s.Client {
	t.Helper()
	base := os.Getenv("PRISM_URL")
	if base == "" {
		t.Fatal("PRISM_URL is not set")
	}
	opts = append([]apiruntime.Option{apiruntime.WithHTTPClient(&http.Client{Transport: w})}, opts...)
	return k8s.New(apiruntime.NewHTTP(base, opts...))
}

func must[T any](t *testing.T, what string) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
}

func pod(name string) *k8s.IOK8sAPICoreV1Pod {
	return &k8s.IOK8sAPICoreV1Pod{
		APIVersion: apiruntime.Ptr("v1"),
		Kind:       apiruntime.Ptr("Pod"),
		Metadata: &k8s.IOK8sApimachineryPkgAPIsMetaV1ObjectMeta{
			Name:   apiruntime.Ptr(name),
			Labels: map[string]string{"app": "web"},
		},
		Spec: &k8s.IOK8sAPICoreV1PodSpec{
			Containers:    []k8s.IOK8sAPICoreV1Container{{Name: "web", Image: apiruntime.Ptr("nginx:1.27")}},
			RestartPolicy: apiruntime.Ptr("Always"),
		},
	}
}

func TestKubernetes(t *testing.T) {
	ctx := context.Background()
	w := &wire{}
	c := client(t, w, apiruntime.WithAPIKey("header", "authorization", token))

	t.Run("version", func(t *testing.T) {
		v := must[*k8s.IOK8sApimachineryPkgVersionInfo](t, "version")(c.GetCodeVersion(ctx))
		if v.Major == "" || v.GitVersion == "" {
			t.Errorf("version %+v: required fields empty", v)
		}
		if got := w.last(t).URL.Path; got != "/version/" {
			t.Errorf("path %q, want /version/", got)
		}
		res := must[*k8s.IOK8sApimachineryPkgAPIsMetaV1APIResourceList](t, "resources")(c.GetCoreV1APIResources(ctx))
		if res.GroupVersion == "" || len(res.Resources) == 0 {
			t.Errorf("resources %+v", res)
		}
	})

	t.Run("pod lifecycle", func(t *testing.T) {
		created := must[*k8s.IOK8sAPICoreV1Pod](t, "create")(c.CreateCoreV1NamespacedPod(ctx, &k8s.CreateCoreV1NamespacedPodParams{
			Namespace: "default", Body: *pod("web-1"), DryRun: apiruntime.Ptr("All"), FieldManager: apiruntime.Ptr("apigen"),
		}))
		if created.Metadata == nil || created.Spec == nil || len(created.Spec.Containers) == 0 {
			t.Errorf("created %+v", created)
		}
		r := w.last(t)
		if r.Method != "POST" || r.URL.Path != "/api/v1/namespaces/default/pods" || r.URL.Query().Get("dryRun") != "All" {
			t.Errorf("create sent %s %s", r.Method, r.URL)
		}

		got := must[*k8s.IOK8sAPICoreV1Pod](t, "read")(c.ReadCoreV1NamespacedPod(ctx, &k8s.ReadCoreV1NamespacedPodParams{Namespace: "default", Name: "web-1"}))
		if got.Kind == nil || got.Metadata == nil {
			t.Errorf("read %+v", got)
		}

		list := must[*k8s.IOK8sAPICoreV1PodList](t, "list")(c.ListCoreV1NamespacedPod(ctx, &k8s.ListCoreV1NamespacedPodParams{
			Namespace: "default", LabelSelector: apiruntime.Ptr("app=web,tier in (a,b)"), Limit: apiruntime.Ptr[int64](2),
		}))
		if len(list.Items) == 0 || list.Metadata == nil {
			t.Errorf("list %+v", list)
		}
		if q := w.last(t).URL.Query(); q.Get("labelSelector") != "app=web,tier in (a,b)" || q.Get("limit") != "2" {
			t.Errorf("list query %v", q)
		}

		// Every list pages by token (limit, continue, metadata.continue).
		// Prism answers each page with the same example token, so the
		// iterator stops at the second page, which repeats it, rather than
		// looping forever.
		n0 := w.count()
		var names int
		for p, err := range c.ListCoreV1NamespacedPodAll(ctx, &k8s.ListCoreV1NamespacedPodParams{Namespace: "default"}) {
			if err != nil {
				t.Fatalf("list all: %v", err)
			}
			if p.Metadata != nil && p.Metadata.Name != nil {
				names++
			}
		}
		r = w.last(t)
		if w.count()-n0 != 2 || names == 0 || r.URL.Query().Get("continue") == "" || r.URL.Query().Get("limit") != "100" {
			t.Errorf("list all: %d requests, %d named pods, last %s; want 2 pages, the second sending back the token", w.count()-n0, names, r.URL)
		}

		// The spec lists json-patch, merge-patch and strategic-merge-patch
		// (and YAML/CBOR apply patches) but not application/json; the
		// default is the first JSON type, and the caller picks another.
		patch := k8s.IOK8sApimachineryPkgAPIsMetaV1Patch{"metadata": map[string]any{"labels": map[string]any{"tier": "a"}}}
		must[*k8s.IOK8sAPICoreV1Pod](t, "patch")(c.PatchCoreV1NamespacedPod(ctx, &k8s.PatchCoreV1NamespacedPodParams{Namespace: "default", Name: "web-1", Body: patch}))
		if ct := w.last(t).Header.Get("Content-Type"); ct != "application/json-patch+json" {
			t.Errorf("patch went as %q, want the first JSON type the spec lists", ct)
		}
		must[*k8s.IOK8sAPICoreV1Pod](t, "merge patch")(c.PatchCoreV1NamespacedPod(ctx, &k8s.PatchCoreV1NamespacedPodParams{Namespace: "default", Name: "web-1", Body: patch},
			apiruntime.WithContentType("application/merge-patch+json")))
		if ct := w.last(t).Header.Get("Content-Type"); ct != "application/merge-patch+json" {
			t.Errorf("merge patch went as %q", ct)
		}
		n := w.count()
		_, err := c.PatchCoreV1NamespacedPod(ctx, &k8s.PatchCoreV1NamespacedPodParams{Namespace: "default", Name: "web-1", Body: patch},
			apiruntime.WithContentType("text/plain"))
		if err == nil || w.count() != n {
			t.Errorf("patch as text/plain: err %v, %d requests sent; want refused before sending", err, w.count()-n)
		}

		must[*k8s.IOK8sAPICoreV1Pod](t, "replace")(c.ReplaceCoreV1NamespacedPod(ctx, &k8s.ReplaceCoreV1NamespacedPodParams{Namespace: "default", Name: "web-1", Body: *pod("web-1")}))
		if r := w.last(t); r.Method != "PUT" {
			t.Errorf("replace sent %s", r.Method)
		}

		must[*k8s.IOK8sAPICoreV1Pod](t, "delete")(c.DeleteCoreV1NamespacedPod(ctx, &k8s.DeleteCoreV1NamespacedPodParams{
			Namespace: "default", Name: "web-1", GracePeriodSeconds: apiruntime.Ptr[int64](0), PropagationPolicy: apiruntime.Ptr("Foreground"),
		}))
		if q := w.last(t).URL.Query(); q.Get("gracePeriodSeconds") != "0" || q.Get("propagationPolicy") != "Foreground" {
			t.Errorf("delete query %v", q)
		}
		must[*k8s.IOK8sApimachineryPkgAPIsMetaV1Status](t, "delete collection")(c.DeleteCoreV1CollectionNamespacedPod(ctx, &k8s.DeleteCoreV1CollectionNamespacedPodParams{
			Namespace: "default", LabelSelector: apiruntime.Ptr("app=web"),
		}))

		// A pod without containers fails the spec's required field before
		// anything is sent.
		n = w.count()
		bad := pod("web-2")
		bad.Spec.Containers = nil
		_, err = c.CreateCoreV1NamespacedPod(ctx, &k8s.CreateCoreV1NamespacedPodParams{Namespace: "default", Body: *bad})
		var ve *apiruntime.ValidationError
		if !errors.As(err, &ve) || w.count() != n {
			t.Errorf("pod without containers: err %v, %d sent; want a ValidationError and nothing sent", err, w.count()-n)
		}
	})

	t.Run("text answers", func(t *testing.T) {
		// The log is text/plain first in the spec's produces, so the
		// answer is text, returned as it is, not run through JSON.
		var resp apiruntime.Response
		log := must[string](t, "log")(c.ReadCoreV1NamespacedPodLog(apiruntime.WithResponse(ctx, &resp), &k8s.ReadCoreV1NamespacedPodLogParams{
			Namespace: "default", Name: "web-1", Container: apiruntime.Ptr("web"), TailLines: apiruntime.Ptr[int64](10),
		}))
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") || log == "" || strings.HasPrefix(log, `"`) {
			t.Errorf("log answered %q as %q", log, ct)
		}
		if acc := w.last(t).Header.Get("Accept"); !strings.HasPrefix(acc, "text/plain") {
			t.Errorf("log asked for %q, want text/plain first", acc)
		}
		// Asked for JSON instead, the same string comes back decoded.
		jc := client(t, w, apiruntime.WithAPIKey("header", "authorization", token), apiruntime.WithHeader("Accept", "application/json"))
		log2 := must[string](t, "log as JSON")(jc.ReadCoreV1NamespacedPodLog(apiruntime.WithResponse(ctx, &resp), &k8s.ReadCoreV1NamespacedPodLogParams{Namespace: "default", Name: "web-1"}))
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") || log2 != log {
			t.Errorf("log as JSON answered %q as %q, want %q", log2, ct, log)
		}
		// A JSON Web Key Set (application/jwk-set+json) whose schema is a
		// string: the document as it came.
		keys := must[string](t, "jwks")(c.GetServiceAccountIssuerOpenIDKeyset(apiruntime.WithResponse(ctx, &resp)))
		if keys == "" {
			t.Errorf("jwks %q as %q", keys, resp.Header.Get("Content-Type"))
		}
	})

	t.Run("dynamic answers", func(t *testing.T) {
		// Prism makes up each answer from the schema (Prefer:
		// dynamic=true): random strings, extreme integers, optional fields
		// there or not, extra keys. Every one decodes.
		dyn := apiruntime.ExtraHeader("Prefer", "dynamic=true")
		for i := range 5 {
			if _, err := c.ReadCoreV1NamespacedPod(ctx, &k8s.ReadCoreV1NamespacedPodParams{Namespace: "default", Name: "web-1"}, dyn); err != nil {
				t.Errorf("read %d: %v", i, err)
			}
			if _, err := c.ListCoreV1NamespacedPod(ctx, &k8s.ListCoreV1NamespacedPodParams{Namespace: "default"}, dyn); err != nil {
				t.Errorf("list %d: %v", i, err)
			}
			if _, err := c.GetCodeVersion(ctx, dyn); err != nil {
				t.Errorf("version %d: %v", i, err)
			}
			if _, err := c.GetCoreV1APIResources(ctx, dyn); err != nil {
				t.Errorf("resources %d: %v", i, err)
			}
			if _, err := c.ReadCoreV1NamespacedPodLog(ctx, &k8s.ReadCoreV1NamespacedPodLogParams{Namespace: "default", Name: "web-1"}, dyn); err != nil {
				t.Errorf("log %d: %v", i, err)
			}
		}
	})

	t.Run("int-or-string", func(t *testing.T) {
		// A Kubernetes server sends a probe's port as a number or a name,
		// though the spec declares a string (format int-or-string); Prism,
		// faithful to the declaration, only makes up strings.
		var p k8s.IOK8sAPICoreV1Pod
		in := `{"spec":{"containers":[{"name":"web","livenessProbe":{"httpGet":{"port":8080}},"readinessProbe":{"httpGet":{"port":"http"}}}]}}`
		if err := json.Unmarshal([]byte(in), &p); err != nil {
			t.Fatalf("decode a pod as the API server sends it: %v", err)
		}
		ctr := p.Spec.Containers[0]
		if n, err := ctr.LivenessProbe.HTTPGet.Port.AsInt64(); err != nil || n != 8080 {
			t.Errorf("liveness port %d, %v", n, err)
		}
		if s, err := ctr.ReadinessProbe.HTTPGet.Port.AsString(); err != nil || s != "http" {
			t.Errorf("readiness port %q, %v", s, err)
		}
		out, err := json.Marshal(&p)
		if err != nil || !strings.Contains(string(out), `"port":8080`) || !strings.Contains(string(out), `"port":"http"`) {
			t.Errorf("encoded again: %s, %v", out, err)
		}
	})

	t.Run("errors", func(t *testing.T) {
		// No credentials: Prism enforces the spec's security and answers
		// 401, which the spec documents without a body.
		anon := client(t, w)
		_, err := anon.ReadCoreV1NamespacedPod(ctx, &k8s.ReadCoreV1NamespacedPodParams{Namespace: "default", Name: "web-1"})
		var ae *apiruntime.APIError
		if !errors.As(err, &ae) || ae.StatusCode != 401 {
			t.Fatalf("without credentials: %v, want an APIError with 401", err)
		}
		if h := w.last(t).Header.Get("Authorization"); h != "" {
			t.Errorf("anonymous client sent Authorization %q", h)
		}

		// A value the spec's integer type refuses, sent unchecked: Prism
		// answers 422 with a problem document, kept whole in the error.
		_, err = c.ListCoreV1NamespacedPod(ctx, &k8s.ListCoreV1NamespacedPodParams{Namespace: "default"}, apiruntime.ExtraParam("limit", "many"))
		if !errors.As(err, &ae) || ae.StatusCode != 422 || !strings.Contains(string(ae.Body), "UNPROCESSABLE_ENTITY") ||
			!strings.HasPrefix(ae.Header.Get("Content-Type"), "application/problem+json") {
			t.Fatalf("limit=many: %v, want a 422 problem document", err)
		}
		if strings.Contains(err.Error(), "apigen-secret-token") {
			t.Errorf("error text carries the credential: %v", err)
		}
		w.mu.Lock()
		w.reported = nil // the 422's violation was the point
		w.mu.Unlock()

		// A documented status forced with Prefer (Prism's switch):
		// the 401 the spec lists for every operation.
		_, err = c.GetCodeVersion(ctx, apiruntime.ExtraHeader("Prefer", "code=401"))
		if !errors.As(err, &ae) || ae.StatusCode != 401 || ae.Operation != "getCodeVersion" {
			t.Errorf("Prefer code=401: %v", err)
		}
	})

	w.clean(t)
}
