package apiruntime

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/textproto"
	"sync"
)

// filePart is a file of a multipart body: a []byte field, or a File the
// caller named and labelled.
type filePart struct {
	key  string
	data []byte
	file *File
}

// EncodeMultipart encodes v as a multipart/form-data body and returns it
// with its Content-Type (which carries the boundary). Fields are named and
// flattened as EncodeForm does (deepObject keys such as
// file_link_data[create]). File fields become file parts with the caller's
// file name and content type, their Content streamed as the body is read;
// []byte fields become parts named after the field, labelled
// application/octet-stream. Text fields come first, in field order, then
// files: servers that stream uploads (busboy, multer) see the metadata
// before the file. Nothing is streamed before the body's first Read, so a
// body that is never sent starts nothing.
func EncodeMultipart(v any) (body io.ReadCloser, contentType string, err error) {
	var files []filePart
	e := &formEncoder{out: map[string][]string{}, files: &files}
	if err := e.top(v); err != nil {
		return nil, "", fmt.Errorf("multipart %w", err)
	}
	// The text fields are written now, so their errors come back here;
	// the files are written where sw points when the body is read.
	var head bytes.Buffer
	sw := &switchWriter{w: &head}
	w := multipart.NewWriter(sw)
	fields := func(w *multipart.Writer) error {
		for _, k := range e.order {
			for _, val := range e.out[k] {
				if err := w.WriteField(k, val); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := fields(w); err != nil {
		return nil, "", err
	}
	if len(files) == 0 {
		if err := w.Close(); err != nil {
			return nil, "", err
		}
		return bufferBody{&head}, w.FormDataContentType(), nil
	}
	write := func(out io.Writer) error {
		if _, err := head.WriteTo(out); err != nil {
			return err
		}
		sw.w = out
		for _, f := range files {
			if err := writeFile(w, f); err != nil {
				return err
			}
		}
		return w.Close()
	}
	body = &lazyPipe{write: write}
	if n, ok := multipartLength(fields, files, w.Boundary()); ok {
		body = &lazyPipe{write: write, length: n}
	}
	return body, w.FormDataContentType(), nil
}

// multipartLength is the encoded body's length when every file's can be
// known (see streamLength), so that the upload goes with a Content-Length
// (S3's POST uploads answer 411 to a chunked one): the framing written
// once more with empty files, plus the files' lengths.
func multipartLength(fields func(*multipart.Writer) error, files []filePart, boundary string) (int64, bool) {
	var n int64
	for _, f := range files {
		if f.file == nil {
			n += int64(len(f.data))
			continue
		}
		size, ok := streamLength(f.file.Content)
		if !ok {
			return 0, false
		}
		n += size
	}
	var c countWriter
	w := multipart.NewWriter(&c)
	if w.SetBoundary(boundary) != nil || fields(w) != nil {
		return 0, false
	}
	for _, f := range files {
		if _, err := w.CreatePart(partHeader(f)); err != nil {
			return 0, false
		}
	}
	if w.Close() != nil {
		return 0, false
	}
	return n + c.n, true
}

// countWriter counts what is written to it.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// writeFile writes one file part.
func writeFile(w *multipart.Writer, f filePart) error {
	content := io.Reader(bytes.NewReader(f.data))
	if f.file != nil {
		content = f.file.Content
	}
	part, err := w.CreatePart(partHeader(f))
	if err != nil {
		return err
	}
	_, err = io.Copy(part, content)
	return err
}

// partHeader is a file part's header: the caller's file name and content
// type, else the field name and application/octet-stream.
func partHeader(f filePart) textproto.MIMEHeader {
	name, ct := f.key, "application/octet-stream"
	if f.file != nil {
		if f.file.Name != "" {
			name = f.file.Name
		}
		if f.file.ContentType != "" {
			ct = f.file.ContentType
		}
	}
	h := textproto.MIMEHeader{}
	// FileContentDisposition escapes quotes and line breaks, so neither a
	// field nor a file name can add a header.
	h.Set("Content-Disposition", multipart.FileContentDisposition(f.key, name))
	h.Set("Content-Type", sanitizeHeaderValue(ct))
	return h
}

// sanitizeHeaderValue drops line breaks, which would end the part's
// header early.
func sanitizeHeaderValue(s string) string {
	return string(bytes.Map(func(r rune) rune {
		if r == '\r' || r == '\n' {
			return -1
		}
		return r
	}, []byte(s)))
}

// bufferBody is a body already whole in memory; unlike io.NopCloser's, its
// Len is seen, so it goes with a Content-Length.
type bufferBody struct{ *bytes.Buffer }

func (bufferBody) Close() error { return nil }

// switchWriter writes to w, which can change between writes.
type switchWriter struct{ w io.Writer }

func (s *switchWriter) Write(p []byte) (int, error) { return s.w.Write(p) }

// lazyPipe is a body written by write as it is read: the goroutine that
// writes starts at the first Read, and Close stops it. length is the
// whole body's, when known (else 0), and read what was read of it.
type lazyPipe struct {
	write        func(io.Writer) error
	once         sync.Once
	pr           *io.PipeReader
	length, read int64
}

func (l *lazyPipe) Read(p []byte) (int, error) {
	l.once.Do(func() {
		pr, pw := io.Pipe()
		l.pr = pr
		go func() { pw.CloseWithError(l.write(pw)) }()
	})
	n, err := l.pr.Read(p)
	l.read += int64(n)
	return n, err
}

// unread is what is left to read, when the length is known.
func (l *lazyPipe) unread() (int64, bool) { return l.length - l.read, l.length > 0 }

// Close stops the writer; before any Read there is none to stop.
func (l *lazyPipe) Close() error {
	l.once.Do(func() { l.pr, _ = io.Pipe() })
	return l.pr.Close()
}
