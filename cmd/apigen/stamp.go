package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/apigen-dev/apigen/config"
	"github.com/apigen-dev/apigen/output"
)

// stampName is the file beside a generated package that records what it was
// made from: a hash of apigen itself, the options and every input file, and
// the hash of every file written. A rerun whose inputs, options and apigen
// are unchanged, and whose output is still as written, has nothing to do.
// It depends on the machine's build of apigen, so keep it out of version
// control; without it apigen just regenerates (rewriting nothing that did
// not change).
const stampName = ".apigen.sum"

// fingerprint hashes what decides a package's output: apigen's own
// executable (so a rebuilt apigen never trusts an old stamp), the package's
// options and every regular file under its inputs, by path and content.
func fingerprint(p config.Package) (string, error) {
	h := sha256.New()
	self, err := selfHash()
	if err != nil {
		return "", err
	}
	// Paths count as where they point, however they were written ("-o ."
	// and the same directory named absolutely are one output).
	p.Inputs = absAll(p.Inputs)
	p.Output, p.Versions, p.CLI = absPath(p.Output), absPath(p.Versions), absPath(p.CLI)
	opts, err := json.Marshal(p) // map keys (names:) come out sorted
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "apigen %s\noptions %s\n", self, opts)
	roots := slices.Clone(p.Inputs)
	if p.Versions != "" {
		roots = append(roots, p.Versions)
	}
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				return nil
			}
			info, err := os.Stat(path) // follows links, as the parsers do
			if err != nil || !info.Mode().IsRegular() {
				fmt.Fprintf(h, "skip %q\n", path)
				return nil
			}
			sum, err := fileHash(path)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "file %q %s\n", path, sum)
			return nil
		})
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func absAll(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = absPath(p)
	}
	return out
}

func absPath(p string) string {
	if p == "" {
		return ""
	}
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

var selfHash = sync.OnceValues(func() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	return fileHash(exe)
})

func fileHash(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// upToDate reports whether dir's stamp records fp and every generated file
// it lists is still there, unchanged, with no other generated file beside.
func upToDate(dir, fp string) bool {
	b, err := os.ReadFile(filepath.Join(dir, stampName))
	if err != nil {
		return false
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	if !sc.Scan() || sc.Text() != "inputs "+fp {
		return false
	}
	listed := map[string]bool{}
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			return false
		}
		if got, err := fileHash(filepath.Join(dir, name)); err != nil || got != sum {
			return false
		}
		listed[name] = true
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if listed[e.Name()] || !e.Type().IsRegular() {
			continue
		}
		if gen, err := output.IsGeneratedFile(filepath.Join(dir, e.Name())); err != nil || gen {
			return false // unreadable, or a generated file the stamp does not know
		}
	}
	return true
}

// writeStamp records fp and the files just written.
func writeStamp(dir, fp string, files []output.File) error {
	var b strings.Builder
	fmt.Fprintf(&b, "inputs %s\n", fp)
	for _, f := range files {
		sum := sha256.Sum256(f.Content)
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), f.Name)
	}
	return output.WriteFile(filepath.Join(dir, stampName), []byte(b.String()))
}
