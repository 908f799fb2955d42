package output

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// Dir is one package's output: the directory and the files it must hold.
type Dir struct {
	Path  string
	Files []File
}

// Write replaces the generated files in dir with files, whole or not at all
// (see WriteAll).
func Write(dir string, files []File) error {
	return WriteAll([]Dir{{Path: dir, Files: files}})
}

// WriteAll writes every package or none. Each directory is staged first —
// every changed file written beside its target under a hidden temporary
// name, every conflict found — and only when all are staged are the files
// renamed into place and stale generated files removed. A failure while
// committing puts back what was already changed.
//
// An existing output directory is updated in place, never swapped: it may
// be the caller's working directory ("-o ." in a go:generate line), a mount
// point or open in an editor. Files whose content is unchanged are not
// rewritten, so their mtimes and build caches survive a rerun. A directory
// that does not exist yet is built under a temporary name beside it and
// renamed into place.
func WriteAll(dirs []Dir) error {
	staged, err := stageAll(dirs)
	if err != nil {
		return err
	}
	return commitAll(staged)
}

func stageAll(dirs []Dir) ([]*stage, error) {
	var staged []*stage
	seen := map[string]string{}
	for _, d := range dirs {
		s, err := newStage(d)
		if err == nil {
			if prev, dup := seen[s.dir]; dup {
				s.abort()
				err = fmt.Errorf("%s: also the output of %s; give each package its own directory", d.Path, prev)
			}
			seen[s.dir] = d.Path
		}
		if err != nil {
			for _, s := range staged {
				s.abort()
			}
			return nil, err
		}
		staged = append(staged, s)
	}
	return staged, nil
}

// commitAll commits stages in order; on a failure it rolls back those
// already committed and discards the rest.
func commitAll(staged []*stage) error {
	for i, s := range staged {
		if err := s.commit(); err != nil {
			for _, done := range slices.Backward(staged[:i]) {
				done.rollback()
			}
			for _, rest := range staged[i:] {
				rest.abort()
			}
			return err
		}
	}
	return nil
}

// stage is one directory ready to be committed.
type stage struct {
	dir string // absolute, symlinks resolved
	// fresh is set when dir does not exist: the whole package sits in tmp
	// and is renamed to dir on commit.
	fresh bool
	tmp   string
	// changes are the files to replace or create, and stale generated files
	// to remove (tmp == ""), with what they held before for a rollback.
	changes []change
	done    int // changes[:done] are committed
}

type change struct {
	name string
	tmp  string // staged new content; "" removes the file
	old  []byte // previous content; nil when the file is new
	mode fs.FileMode
}

func newStage(d Dir) (*stage, error) {
	for _, f := range d.Files {
		if err := checkName(f.Name); err != nil {
			return nil, err
		}
	}
	dir, err := filepath.Abs(d.Path)
	if err != nil {
		return nil, err
	}
	// An output directory reached through a symlink is updated where it
	// really is, the link kept.
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	s := &stage{dir: dir}
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, lerr := os.Lstat(dir); lerr == nil {
			return nil, fmt.Errorf("%s: a symlink to nowhere; point it at a directory or remove it", d.Path)
		}
		if err := s.stageFresh(d.Files); err != nil {
			s.abort()
			return nil, err
		}
		return s, nil
	case err != nil:
		return nil, err
	case !info.IsDir():
		return nil, fmt.Errorf("%s: not a directory", d.Path)
	}
	if err := s.stageInPlace(d.Path, d.Files); err != nil {
		s.abort()
		return nil, err
	}
	return s, nil
}

func (s *stage) stageFresh(files []File) error {
	parent := filepath.Dir(s.dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(s.dir)+".apigen-")
	if err != nil {
		return err
	}
	s.fresh, s.tmp = true, tmp
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(tmp, f.Name), f.Content, 0o644); err != nil {
			return err
		}
	}
	// MkdirTemp makes 0700; a new package directory is as MkdirAll would make it.
	return os.Chmod(tmp, 0o755)
}

// stageInPlace compares files with what dir holds and writes each changed
// one to a temporary file beside its target.
func (s *stage) stageInPlace(shown string, files []File) error {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return err
	}
	want := map[string]bool{}
	for _, f := range files {
		want[f.Name] = true
	}
	have := map[string]existing{}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() {
			// Only a regular file can be apigen's: a symlink, a directory or a
			// named pipe under a generated name is the user's, and reading a
			// pipe would block.
			if want[name] {
				return fmt.Errorf("%s: not a regular file; refusing to overwrite it", filepath.Join(shown, name))
			}
			continue
		}
		ex, err := readExisting(filepath.Join(s.dir, name))
		if err != nil {
			return err
		}
		if !ex.generated {
			if want[name] {
				return fmt.Errorf("%s: not generated by apigen (no %q header); refusing to overwrite it", filepath.Join(shown, name), Header)
			}
			continue
		}
		have[name] = ex
	}
	for _, f := range files {
		ex, ok := have[f.Name]
		if ok && bytes.Equal(ex.content, f.Content) {
			continue
		}
		c := change{name: f.Name, mode: 0o644}
		if ok {
			c.old, c.mode = ex.content, ex.mode
		}
		if c.tmp, err = s.writeTemp(f.Name, f.Content, c.mode); err != nil {
			return err
		}
		s.changes = append(s.changes, c)
	}
	for name, ex := range have {
		if !want[name] {
			s.changes = append(s.changes, change{name: name, old: ex.content, mode: ex.mode})
		}
	}
	// Map order must not decide the order files change in.
	slices.SortFunc(s.changes, func(a, b change) int { return cmp.Compare(a.name, b.name) })
	return nil
}

// existing is a regular file already in the output directory.
type existing struct {
	generated bool
	content   []byte // only for generated files
	mode      fs.FileMode
}

// readExisting reads a file's header, and the whole file only when it is
// apigen's: a user's large file beside the package is not read.
func readExisting(path string) (existing, error) {
	f, err := os.Open(path)
	if err != nil {
		return existing{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return existing{}, err
	}
	head, err := readHead(f)
	if err != nil {
		return existing{}, err
	}
	if !IsGenerated(head) {
		return existing{mode: info.Mode().Perm()}, nil
	}
	rest, err := io.ReadAll(f)
	if err != nil {
		return existing{}, err
	}
	return existing{generated: true, content: append(head, rest...), mode: info.Mode().Perm()}, nil
}

// readHead reads as much of r as IsGenerated looks at.
func readHead(r io.Reader) ([]byte, error) {
	head := make([]byte, len(Header)+1)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return head[:n], nil
}

// IsGeneratedFile reports whether the file at path starts with apigen's
// header, reading only that much of it. Callers open only regular files:
// a named pipe would block.
func IsGeneratedFile(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head, err := readHead(f)
	return err == nil && IsGenerated(head), err
}

// writeTemp writes content to a hidden file in the output directory, so the
// rename that commits it stays on one file system and is atomic.
func (s *stage) writeTemp(name string, content []byte, mode fs.FileMode) (string, error) {
	return writeTemp(s.dir, name, content, mode)
}

func writeTemp(dir, name string, content []byte, mode fs.FileMode) (string, error) {
	f, err := os.CreateTemp(dir, "."+name+".apigen-")
	if err != nil {
		return "", err
	}
	_, werr := f.Write(content)
	cerr := f.Close()
	if err := errors.Join(werr, cerr, os.Chmod(f.Name(), mode)); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// WriteFile replaces path with content whole or not at all (a temporary
// file beside it, renamed over it), for the single files apigen writes
// outside a package: an OpenAPI export, a rerun stamp.
func WriteFile(path string, content []byte) error {
	tmp, err := writeTemp(filepath.Dir(path), filepath.Base(path), content, 0o644)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

func (s *stage) commit() error {
	if s.fresh {
		if err := os.Rename(s.tmp, s.dir); err != nil {
			return err
		}
		s.tmp = ""
		return nil
	}
	for i, c := range s.changes {
		target := filepath.Join(s.dir, c.name)
		var err error
		if c.tmp != "" {
			err = os.Rename(c.tmp, target)
		} else {
			err = os.Remove(target)
		}
		if err != nil && !(c.tmp == "" && errors.Is(err, fs.ErrNotExist)) {
			s.rollback()
			return err
		}
		s.changes[i].tmp = ""
		s.done = i + 1
	}
	return nil
}

// rollback puts back what commit changed, as well as it can: the previous
// content of replaced and removed files, no new files.
func (s *stage) rollback() {
	if s.fresh {
		if s.tmp == "" {
			os.RemoveAll(s.dir)
		}
		return
	}
	for _, c := range s.changes[:s.done] {
		target := filepath.Join(s.dir, c.name)
		if c.old == nil {
			os.Remove(target)
			continue
		}
		if tmp, err := s.writeTemp(c.name, c.old, c.mode); err == nil {
			if os.Rename(tmp, target) != nil {
				os.Remove(tmp)
			}
		}
	}
	s.done = 0
}

// abort removes whatever was staged and not committed.
func (s *stage) abort() {
	if s.fresh {
		if s.tmp != "" {
			os.RemoveAll(s.tmp)
		}
		return
	}
	for _, c := range s.changes {
		if c.tmp != "" {
			os.Remove(c.tmp)
		}
	}
}
