// Package inputfile reads the files apigen is given — API documents and its
// config — with the two guards every such read needs: only regular files (a
// FIFO would block apigen forever, a link to /dev/zero would feed it until
// memory ran out) and a size cap checked before the first byte is read.
package inputfile

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// Read returns the contents of the regular file at path (links followed),
// or an error naming path when it is something else or larger than max
// bytes.
func Read(path string, max int64) ([]byte, error) {
	// O_NONBLOCK: opening a FIFO returns at once instead of waiting for a
	// writer, so the check below can refuse it. Regular files ignore it.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Stat the open file, not the path: what is read is what was checked.
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %s, not a regular file; apigen reads only regular files", path, kind(info.Mode()))
	}
	if info.Size() > max {
		return nil, tooBig(path, max)
	}
	// The file may grow between Stat and the read: read one byte past the
	// cap to notice.
	src, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(src)) > max {
		return nil, tooBig(path, max)
	}
	return src, nil
}

// IsRegular reports whether path is a regular file, following links: a
// directory walk uses it to pass over FIFOs, sockets and devices.
func IsRegular(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}

func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

func tooBig(path string, max int64) error {
	if max >= 1<<20 {
		return fmt.Errorf("%s: larger than %d MiB; apigen reads files up to that size", path, max>>20)
	}
	return fmt.Errorf("%s: larger than %d bytes; apigen reads files up to that size", path, max)
}
