package doctable

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusDir is a folder of the shared corpus of real pages, which lives beside
// the repository (../shared/corpus from the module root) and is never copied
// into it. Tests that need it skip when it is absent.
func corpusDir(tb testing.TB, sub string) string {
	tb.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus", sub)
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("corpus %s not present", dir)
	}
	return dir
}

func readCorpus(tb testing.TB, sub string) (string, []byte) {
	tb.Helper()
	path := corpusDir(tb, filepath.Dir(sub))
	path = filepath.Join(path, filepath.Base(sub))
	src, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return path, src
}

type corpusFile struct {
	name string
	src  []byte
}

func readDevManual(tb testing.TB) []corpusFile {
	tb.Helper()
	dir := corpusDir(tb, "zstack/dev-manual-5.5.6-zh")
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(paths) == 0 {
		tb.Skipf("no chapters in %s", dir)
	}
	var files []corpusFile
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, corpusFile{name: filepath.Base(p), src: src})
	}
	return files
}

// TestDevManual reads the whole ZStack manual. The numbers are measured:
// 5,356 delimiter rows ("| --- |") in 59 chapters, every one a table, even
// those after the 29 stray "````" lines the scrape left, which GFM would read
// as code blocks swallowing thousands of lines.
func TestDevManual(t *testing.T) {
	files := readDevManual(t)
	var tables, rows, short, apis, warnings int
	for _, f := range files {
		doc, err := ParseMarkdown(f.name, f.src)
		if err != nil {
			t.Fatal(err)
		}
		warnings += len(doc.Warnings)
		for _, b := range doc.Blocks {
			if b.Kind == HeadingBlock && b.Level == 5 && b.Text == "API请求" {
				apis++
			}
		}
		for _, tb := range doc.Tables() {
			tables++
			if tb.Heading == "" || tb.Pos.Line == 0 {
				t.Errorf("%s: table without heading or line", tb.Pos)
			}
			for _, r := range tb.Rows {
				rows++
				if len(r.Cells) != len(tb.Header) {
					short++
				}
			}
		}
	}
	t.Logf("%d files: %d tables, %d rows (%d not matching their header), %d \"API请求\" headings, %d warnings", len(files), tables, rows, short, apis, warnings)
	if tables < 5356 {
		t.Errorf("tables = %d, want all 5356 delimiter rows read as tables", tables)
	}
	if rows < 36000 {
		t.Errorf("rows = %d, want at least 36000", rows)
	}
	// grep -E '^##### (\*\*)?API请求(\*\*)?$' over the chapters finds 1161;
	// seven of them are bold, which the heading text must not show.
	if apis != 1161 {
		t.Errorf("\"##### API请求\" headings = %d, want 1161", apis)
	}
	// One row in the manual really is malformed ("| l3NetworkRefs | |List| | …").
	if short > 5 {
		t.Errorf("%d rows do not match their header; the splitter is likely wrong", short)
	}
	if warnings != 29 {
		t.Errorf("warnings = %d, want the 29 stray fences", warnings)
	}
}

// BenchmarkParseDevManual parses all 59 chapters (5.9 MB) per iteration; the
// target is well under 0.5 s.
func BenchmarkParseDevManual(b *testing.B) {
	files := readDevManual(b)
	size := 0
	for _, f := range files {
		size += len(f.src)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			if _, err := ParseMarkdown(f.name, f.src); err != nil {
				b.Fatal(err)
			}
		}
	}
}
