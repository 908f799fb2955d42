package openapi

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// BenchmarkParse parses each corpus spec; run with -benchtime=1x, each
// iteration takes most of a second.
func BenchmarkParse(b *testing.B) {
	for _, f := range corpusFiles(b) {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, _, err := Parse(f, src, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSource measures the source tree alone (positions and key
// order), the price of not using kin-openapi's origin tracking.
func BenchmarkSource(b *testing.B) {
	for _, f := range corpusFiles(b) {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, _, _, err := readSource(f, src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkKinLoad is kin-openapi's loader alone on the OpenAPI 3 specs,
// with and without its origin tracking, as the baseline Parse is measured
// against. (Origin tracking doubles YAML loads and records nothing for
// JSON, which is why the parser keeps its own source tree.)
func BenchmarkKinLoad(b *testing.B) {
	for _, f := range corpusFiles(b) {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if !bytes.Contains(src[:min(len(src), 1<<22)], []byte("openapi")) || bytes.Contains(src[:min(len(src), 200)], []byte(`"swagger"`)) {
			continue
		}
		for _, origin := range []bool{false, true} {
			b.Run(fmt.Sprintf("%s/origin=%v", filepath.Base(f), origin), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					loader := openapi3.NewLoader()
					loader.IncludeOrigin = origin
					if _, err := loader.LoadFromData(src); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkRefWalk measures the reference walk and bundling alone (what
// multi-file support adds to every parse), on the source trees of the
// corpus specs.
func BenchmarkRefWalk(b *testing.B) {
	for _, f := range corpusFiles(b) {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				main, err := readDocument(f, src)
				if err != nil {
					b.Fatal(err)
				}
				_, v2 := main.root.lookup("swagger")
				b.StartTimer()
				w := scanRefs(main, newFiles(main, "", nil), v2, false)
				if _, err := w.bundle(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
