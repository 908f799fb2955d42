package apiruntime

import (
	"errors"
	"io"
)

// File is a file part of a multipart body (the spec's format: binary
// fields): the server stores it under Name with ContentType, so both are
// the caller's to say; the field name is not a file name. Content is
// streamed, not read into memory first; when every file's length can be
// known (*os.File, *bytes.Reader, *strings.Reader…), the body goes with a
// Content-Length, else chunked.
type File struct {
	// Name is the part's file name; "" sends the field name, as before.
	Name string
	// ContentType labels the part; "" sends application/octet-stream.
	ContentType string
	Content     io.Reader
}

// NewFile is a File over content named name, labelled contentType.
func NewFile(name, contentType string, content io.Reader) *File {
	return &File{Name: name, ContentType: contentType, Content: content}
}

// errNoContent is returned for a File whose Content is nil: sending an
// empty part would store an empty file without a word.
var errNoContent = errors.New("file has no Content")
