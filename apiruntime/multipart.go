package apiruntime

import (
	"bytes"
	"fmt"
	"mime/multipart"
)

// filePart is a []byte field of a multipart body, sent as a file.
type filePart struct {
	key  string
	data []byte
}

// EncodeMultipart encodes v as a multipart/form-data body and returns it
// with its Content-Type (which carries the boundary). Fields are named and
// flattened as EncodeForm does (deepObject keys such as
// file_link_data[create]); []byte fields, the spec's format: binary, become
// file parts named after the field, with the field name as file name and
// content type application/octet-stream. Text fields come first, in field
// order, then files: servers that stream uploads (busboy, multer) see the
// metadata before the file.
func EncodeMultipart(v any) (body []byte, contentType string, err error) {
	var files []filePart
	e := &formEncoder{out: map[string][]string{}, files: &files}
	if err := e.top(v); err != nil {
		return nil, "", fmt.Errorf("multipart %w", err)
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, k := range e.order {
		for _, val := range e.out[k] {
			if err := w.WriteField(k, val); err != nil {
				return nil, "", err
			}
		}
	}
	for _, f := range files {
		part, err := w.CreateFormFile(f.key, f.key)
		if err != nil {
			return nil, "", err
		}
		if _, err := part.Write(f.data); err != nil {
			return nil, "", err
		}
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), w.FormDataContentType(), nil
}
