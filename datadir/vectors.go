package datadir

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"unsafe"

	"github.com/crosscheck/crosscheck/retrieval"
)

// vectorsMagic opens a vector file; the digit is its version.
const vectorsMagic = "CXVEC2\n"

// The vector file is a header (magic, dimension, count), every vector's
// scale as little-endian float32, then every vector's int8 components, one
// row per passage in index order; a passage left out of vector search has
// scale 0 and a zero row. It is read with two allocations and two copies,
// several times faster than chromem-go's gob export, and holds no copy of
// the texts.

func writeVectors(w io.Writer, dim int, vecs []retrieval.Vector) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	hdr := make([]byte, 0, len(vectorsMagic)+12)
	hdr = append(hdr, vectorsMagic...)
	hdr = binary.LittleEndian.AppendUint32(hdr, uint32(dim))
	hdr = binary.LittleEndian.AppendUint64(hdr, uint64(len(vecs)))
	bw.Write(hdr)
	var b [4]byte
	for _, v := range vecs {
		scale := float32(0)
		if v.Stored() && len(v.Q) == dim {
			scale = v.Scale
		}
		binary.LittleEndian.PutUint32(b[:], math.Float32bits(scale))
		bw.Write(b[:])
	}
	zero := make([]byte, dim)
	for _, v := range vecs {
		row := zero
		if v.Stored() && len(v.Q) == dim {
			row = unsafe.Slice((*byte)(unsafe.Pointer(&v.Q[0])), dim)
		}
		if _, err := bw.Write(row); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// readVectors reads n vectors of dim components; the rows share one
// backing array.
func readVectors(r io.Reader, dim, n int) ([]retrieval.Vector, error) {
	hdr := make([]byte, len(vectorsMagic)+12)
	if _, err := io.ReadFull(r, hdr); err != nil || string(hdr[:len(vectorsMagic)]) != vectorsMagic {
		return nil, errors.New("not a vector file of this version (bad header)")
	}
	gotDim := int(binary.LittleEndian.Uint32(hdr[len(vectorsMagic):]))
	gotN := binary.LittleEndian.Uint64(hdr[len(vectorsMagic)+4:])
	if gotDim != dim || gotN != uint64(n) {
		return nil, fmt.Errorf("holds %d vectors of %d dimensions, the manifest says %d of %d", gotN, gotDim, n, dim)
	}
	scales := make([]byte, 4*n)
	if _, err := io.ReadFull(r, scales); err != nil {
		return nil, fmt.Errorf("vectors cut short: %w", err)
	}
	flat := make([]int8, dim*n)
	if len(flat) > 0 {
		if _, err := io.ReadFull(r, unsafe.Slice((*byte)(unsafe.Pointer(&flat[0])), len(flat))); err != nil {
			return nil, fmt.Errorf("vectors cut short: %w", err)
		}
	}
	vecs := make([]retrieval.Vector, n)
	for i := range vecs {
		scale := math.Float32frombits(binary.LittleEndian.Uint32(scales[4*i:]))
		if scale != 0 {
			if !(scale > 0) || math.IsInf(float64(scale), 0) {
				return nil, fmt.Errorf("vector %d has scale %v", i, scale)
			}
			vecs[i] = retrieval.Vector{Scale: scale, Q: flat[i*dim : (i+1)*dim : (i+1)*dim]}
		}
	}
	return vecs, nil
}
