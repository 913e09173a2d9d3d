package corpus

import (
	"strings"
	"testing"
)

func TestFrontMatter(t *testing.T) {
	tests := []struct {
		name    string
		raw     string
		want    frontMatter
		body    string // the text BodyStart points at
		wantErr string // substring of the error; "" for none
	}{
		{name: "none", raw: "Just text.\n", body: "Just text.\n"},
		{name: "empty block", raw: "---\n---\nBody.\n", body: "Body.\n"},
		{
			name: "all fields",
			raw:  "---\ntitle: A Title\noutlet: The Paper\nauthor: Jane Roe\npublished: 2025-05-14\nurl: https://example.com/a\n---\nBody.\n",
			want: frontMatter{Title: "A Title", Outlet: "The Paper", Author: "Jane Roe", Published: "2025-05-14", URL: "https://example.com/a"},
			body: "Body.\n",
		},
		{
			// Hugo and Jekyll write "date", many exports "source".
			name: "other names for our fields",
			raw:  "---\ntitle: T\nsource: The Wire\ndate: 2025-05-14\nbyline: Ada Lind\nlink: https://example.com/w\n---\nBody.\n",
			want: frontMatter{Title: "T", Outlet: "The Wire", Author: "Ada Lind", Published: "2025-05-14", URL: "https://example.com/w"},
			body: "Body.\n",
		},
		{
			name: "own name wins over an alias, in any order",
			raw:  "---\nsource: Feed Export\noutlet: The Paper\npublished: 2025-05-14\ndate: 2020-01-01\n---\nBody.\n",
			want: frontMatter{Outlet: "The Paper", Published: "2025-05-14"},
			body: "Body.\n",
		},
		{
			name: "crlf",
			raw:  "---\r\ntitle: A Title\r\npublished: 2025-05-14\r\n---\r\nBody.\r\n",
			want: frontMatter{Title: "A Title", Published: "2025-05-14"},
			body: "Body.\r\n",
		},
		{
			name: "bom",
			raw:  "\ufeff---\ntitle: T\n---\nBody.\n",
			want: frontMatter{Title: "T"},
			body: "Body.\n",
		},
		{
			name: "quoted values",
			raw:  "---\ntitle: \"Mexico: a \\\"hard\\\" line\"\noutlet: 'O''Brien Daily'\n---\nBody.\n",
			want: frontMatter{Title: `Mexico: a "hard" line`, Outlet: "O'Brien Daily"},
			body: "Body.\n",
		},
		{
			name: "yaml timestamp",
			raw:  "---\npublished: 2025-05-14T10:30:00Z\n---\nBody.\n",
			want: frontMatter{Published: "2025-05-14"},
			body: "Body.\n",
		},
		{
			name: "quoted and written dates",
			raw:  "---\npublished: \"May 14, 2025\"\n---\nBody.\n",
			want: frontMatter{Published: "2025-05-14"},
			body: "Body.\n",
		},
		{
			name: "unreadable date dropped",
			raw:  "---\npublished: last Tuesday\n---\nBody.\n",
			body: "Body.\n",
		},
		{
			name: "unknown keys ignored",
			raw:  "---\ntags: [a, b]\ndraft: true\ntitle: T\nnested:\n  x: 1\n---\nBody.\n",
			want: frontMatter{Title: "T"},
			body: "Body.\n",
		},
		{
			name: "author list and null",
			raw:  "---\nauthor: [Jane Roe, John Doe]\ntitle: ~\n---\nBody.\n",
			want: frontMatter{Author: "Jane Roe, John Doe"},
			body: "Body.\n",
		},
		{
			name: "keys case-insensitive, dots close",
			raw:  "---\nTitle: T\n...\nBody.\n",
			want: frontMatter{Title: "T"},
			body: "Body.\n",
		},
		{name: "unterminated", raw: "---\ntitle: T\nBody.\n", wantErr: "no closing ---"},
		{name: "bad yaml", raw: "---\ntitle: T\nauthor: [unclosed\n---\nBody.\n", wantErr: "front matter is not valid YAML: "},
		{name: "not a mapping", raw: "---\n- a\n- b\n---\nBody.\n", wantErr: "not a YAML mapping"},
		{name: "horizontal rule later is body", raw: "Text.\n---\nMore.\n", body: "Text.\n---\nMore.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := []byte(tt.raw)
			got, body, err := parseFrontMatter(raw, bodyOffset(raw))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want containing %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "\n") {
					t.Errorf("reason spans lines: %q", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			if string(raw[body:]) != tt.body {
				t.Errorf("body = %q, want %q", raw[body:], tt.body)
			}
		})
	}
}

func TestFrontMatterErrorLine(t *testing.T) {
	raw := []byte("---\ntitle: ok\nauthor: [oops\n---\nBody.\n")
	_, _, err := parseFrontMatter(raw, 0)
	if err == nil {
		t.Fatal("no error")
	}
	// yaml reports the block's own line; the reason names the file line.
	if !strings.Contains(err.Error(), "line ") || !strings.HasSuffix(err.Error(), "fix it or remove the --- block") {
		t.Errorf("err = %q", err)
	}
}

func TestNormaliseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2025-05-14":                "2025-05-14",
		"2025-05-14 10:00:00":       "2025-05-14",
		"2025-05-14T10:00:00+02:00": "2025-05-14",
		"2025/05/14":                "2025-05-14",
		"14 May 2025":               "2025-05-14",
		"2025-13-40":                "",
		"2025-05-14x":               "",
		"":                          "",
	} {
		if got := normaliseDate(in); got != want {
			t.Errorf("normaliseDate(%q) = %q, want %q", in, got, want)
		}
	}
}
