package apiruntime

import (
	"fmt"
	"io"
	"os"
)

// WithContentLength says how many bytes this call's streamed body (an
// io.Reader upload) holds, so it goes out with a Content-Length header.
// Without it the length is taken from the reader when it can say
// (*bytes.Reader, *strings.Reader, *bytes.Buffer, a regular *os.File,
// io.SectionReader or any Size() int64 with Seek), and otherwise the body is
// sent chunked, which many upload endpoints (S3-likes, GitHub's) refuse.
// A length that does not match the body fails the call.
func WithContentLength(n int64) CallOption {
	return CallOption{func(r *Request) { r.length = &n }}
}

// streamLength is how many bytes are left to read from r, when r can say
// without being read: ok is false otherwise.
func streamLength(r io.Reader) (n int64, ok bool) {
	switch v := r.(type) {
	case *lazyPipe:
		return v.unread() // a multipart body whose files' lengths are known
	case interface{ Len() int }:
		// bytes.Reader, strings.Reader, bytes.Buffer: what is unread.
		return int64(v.Len()), true
	case *os.File:
		fi, err := v.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return 0, false // a pipe or a device: its size says nothing
		}
		return remaining(fi.Size(), v)
	case interface {
		Size() int64
		io.Seeker
	}:
		// io.SectionReader's Size is the whole section, read or not.
		return remaining(v.Size(), v)
	}
	return 0, false
}

// remaining is size less what s has already been read to.
func remaining(size int64, s io.Seeker) (int64, bool) {
	at, err := s.Seek(0, io.SeekCurrent)
	if err != nil || at > size {
		return 0, false
	}
	return size - at, true
}

// checkLength refuses a negative length given with WithContentLength, and
// one given for a call that sends no stream.
func checkLength(req *Request) error {
	switch {
	case req.length == nil:
		return nil
	case *req.length < 0:
		return fmt.Errorf("%s: content length %d is negative", req.Operation, *req.length)
	case req.Stream == nil:
		return fmt.Errorf("%s: content length given for a call without a streamed body", req.Operation)
	}
	return nil
}
