package pgstore

import (
	"bytes"
	"encoding/gob"
	"io"
)

func gobEncode(v any) ([]byte, error) {
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(v)
	return b.Bytes(), err
}

func gobDecode(b []byte, into any) error { return gob.NewDecoder(bytes.NewReader(b)).Decode(into) }

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }
