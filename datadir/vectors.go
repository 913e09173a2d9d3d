package datadir

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"unsafe"
)

// vectorsMagic opens a vector file; the digit is its version.
const vectorsMagic = "CXVEC1\n"

// The vector file is a header (magic, dimension, count) and then every
// vector as little-endian float32, one row per passage in index order; a
// passage with no words has a zero row. It is read with one allocation and
// one copy, which is several times faster than chromem-go's gob export and
// holds no second copy of the texts.

func writeVectors(w io.Writer, dim int, vecs [][]float32) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	hdr := make([]byte, 0, len(vectorsMagic)+12)
	hdr = append(hdr, vectorsMagic...)
	hdr = binary.LittleEndian.AppendUint32(hdr, uint32(dim))
	hdr = binary.LittleEndian.AppendUint64(hdr, uint64(len(vecs)))
	bw.Write(hdr)
	zero := make([]float32, dim)
	row := make([]byte, 4*dim)
	for _, v := range vecs {
		if len(v) != dim {
			v = zero
		}
		for i, x := range v {
			binary.LittleEndian.PutUint32(row[4*i:], math.Float32bits(x))
		}
		if _, err := bw.Write(row); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// readVectors reads n rows of dim floats into one backing array.
func readVectors(r io.Reader, dim, n int) ([][]float32, error) {
	hdr := make([]byte, len(vectorsMagic)+12)
	if _, err := io.ReadFull(r, hdr); err != nil || string(hdr[:len(vectorsMagic)]) != vectorsMagic {
		return nil, errors.New("not a vector file (bad header)")
	}
	gotDim := int(binary.LittleEndian.Uint32(hdr[len(vectorsMagic):]))
	gotN := binary.LittleEndian.Uint64(hdr[len(vectorsMagic)+4:])
	if gotDim != dim || gotN != uint64(n) {
		return nil, fmt.Errorf("holds %d vectors of %d dimensions, the manifest says %d of %d", gotN, gotDim, n, dim)
	}
	flat := make([]float32, dim*n)
	if len(flat) > 0 {
		buf := unsafe.Slice((*byte)(unsafe.Pointer(&flat[0])), 4*len(flat))
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, fmt.Errorf("vectors cut short: %w", err)
		}
		if !littleEndian() {
			for i := range flat {
				flat[i] = math.Float32frombits(binary.LittleEndian.Uint32(buf[4*i:]))
			}
		}
	}
	vecs := make([][]float32, n)
	for i := range vecs {
		vecs[i] = flat[i*dim : (i+1)*dim : (i+1)*dim]
	}
	return vecs, nil
}

func littleEndian() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}
