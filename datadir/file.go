package datadir

import (
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strconv"
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// writeAtomic writes a file of the index through encode: to a temporary
// name first, synced, then renamed, so the name never holds half a file.
func writeAtomic(dir, name string, encode func(io.Writer) error) (FileEntry, error) {
	final := filepath.Join(dir, name)
	tmp, err := os.CreateTemp(dir, name+".tmp-*")
	if err != nil {
		return FileEntry{}, err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	crc := crc32.New(castagnoli)
	cw := &countWriter{w: io.MultiWriter(tmp, crc)}
	err = encode(cw)
	if err == nil {
		err = cw.err
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), final)
	}
	if err != nil {
		return FileEntry{}, fmt.Errorf("write %s: %w", final, err)
	}
	return FileEntry{Name: name, Size: cw.n, CRC32C: crc.Sum32()}, nil
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// syncDir makes the renames in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}

// readChecked opens one file of the index, hands it to decode, and checks
// that decode read it all and that size and checksum match the manifest.
// Any failure is a *RebuildError naming the file.
func (o *opener) readChecked(section string, decode func(io.Reader) error) error {
	fe, ok := o.m.Files[section]
	path := filepath.Join(o.dir, IndexDir, fe.Name)
	if !ok || fe.Name == "" {
		return o.rebuild(filepath.Join(o.dir, IndexDir, manifestName), "lists no "+section+" file")
	}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return o.rebuild(path, "missing")
	}
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() != fe.Size {
		return o.rebuild(path, "damaged or cut short (size "+strconv.FormatInt(st.Size(), 10)+" bytes, the manifest says "+strconv.FormatInt(fe.Size, 10)+")")
	}
	cr := &crcReader{r: f, h: crc32.New(castagnoli)}
	if err := decode(cr); err != nil {
		return o.rebuild(path, "damaged ("+err.Error()+")")
	}
	if _, err := io.Copy(io.Discard, cr); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if cr.n != fe.Size || cr.h.Sum32() != fe.CRC32C {
		return o.rebuild(path, "damaged (checksum mismatch)")
	}
	return nil
}

type crcReader struct {
	r io.Reader
	h hash.Hash32
	n int64
}

func (c *crcReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.h.Write(p[:n])
	c.n += int64(n)
	return n, err
}
