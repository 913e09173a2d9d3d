package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/present/presenttest"
)

// The terminal answer for the fixed answers of presenttest, pinned in
// testdata/text_*.golden.txt (go test ./cmd/crosscheck -run TextGolden -update).
func TestTextGolden(t *testing.T) {
	cases := []struct {
		name string
		a    *answer.Answer
		all  bool
	}{
		{"dispute", presenttest.Dispute(), false},
		{"dispute_all", presenttest.Dispute(), true},
		{"figures", presenttest.Figures(), false},
		{"abstention", presenttest.Abstention(), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			writeText(&buf, c.a, false, c.all)
			path := filepath.Join("testdata", "text_"+c.name+".golden.txt")
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if buf.String() != string(want) {
				t.Errorf("text differs from %s (rerun with -update if intended):\n%s", path, buf.String())
			}
		})
	}
}

func TestTextShowsBestQuoteAndAllOnDemand(t *testing.T) {
	a := presenttest.Dispute()
	var short, all bytes.Buffer
	writeText(&short, a, false, false)
	writeText(&all, a, false, true)
	for _, acc := range a.Accounts {
		for k, q := range acc.Quotes {
			if got := strings.Contains(short.String(), q.Text); got != (k == 0) {
				t.Errorf("default output shows %q: %v, want %v (only the best quote)", q.Text, got, k == 0)
			}
			if !strings.Contains(all.String(), q.Text) {
				t.Errorf("--all lacks %q", q.Text)
			}
		}
	}
	if !strings.Contains(short.String(), "· +2 more quotes\n") || !strings.Contains(short.String(), "crosscheck ask --all") {
		t.Errorf("default output does not say more quotes exist:\n%s", short.String())
	}
	// Conflicts first, claim before denial, numbered as shown.
	out := short.String()
	claim, denial, context := strings.Index(out, "[1] Caldra Port Authority"), strings.Index(out, "[2] Ines Varro"), strings.Index(out, "[3] Rell Tavin")
	if claim < 0 || denial < claim || context < denial {
		t.Errorf("accounts not in reading order (claim, denial, context):\n%s", out)
	}
	if !strings.Contains(out, "[1] Caldra Port Authority · affirms · ⚔ contradicts [2]") {
		t.Errorf("conflict not referenced by the number shown:\n%s", out)
	}
	for id := range presenttest.Docs {
		if strings.Contains(out, id) {
			t.Errorf("default output names document id %q", id)
		}
	}
}

// Document text cannot drive the terminal: no escape sequence from a quote,
// holder or source reaches the screen.
func TestTextIsInertOnATerminal(t *testing.T) {
	a := presenttest.Figures()
	acc := &a.Accounts[0]
	acc.Holder = "Fire\x1b[2J service"
	acc.Quotes[0].Text = "Four\x1b]8;;https://evil.example\x07 people\u009b31m were hurt."
	acc.Quotes[0].Source.Outlet = "Velm\x1b[31m Daily"
	for _, color := range []bool{false, true} {
		var buf bytes.Buffer
		writeText(&buf, a, color, true)
		out := buf.String()
		if color {
			out = strings.NewReplacer("\x1b[0m", "", "\x1b[1m", "", "\x1b[2m", "", "\x1b[32m", "", "\x1b[33m", "", "\x1b[36m", "").Replace(out)
		}
		if strings.ContainsAny(out, "\u001b\u0007\u009b") {
			t.Errorf("color %v: control characters from the document reach the terminal: %q", color, out)
		}
	}
}
