package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// boilerplateOf parses body and returns, per sentence text, whether it was
// marked.
func boilerplateOf(t *testing.T, body string) map[string]bool {
	t.Helper()
	d, err := ParseDocument("t", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, s := range d.Sentences {
		out[s.Text] = s.Boilerplate
	}
	return out
}

func TestBoilerplate(t *testing.T) {
	// Each case is a line inside an ordinary article, so that its shape
	// (alone on a line or not) is realistic.
	const before = "The minister spoke to the press on Monday about the new budget.\n\n"
	const after = "\n\nOfficials said the plan would take effect next year, pending a vote.\n"
	chrome := []string{
		"Contact Form", "Name", "Email *", "Message *", "Post a Comment", "No comments:",
		"Home Top Ad", "Table of Contents", "Related Content", "Stay in the loop", "Log in",
		"Click the share button below to email/forward this article.",
		"Follow us on Instagram and X and subscribe to our Telegram Channel.",
		"Help us stay afloat.", "Get a free weekly email that makes reading intel articles enjoyable.",
		"© 2025 Some Times. All rights reserved. Do not reproduce without permission.",
		"JANE DOE/AFP via Getty Images", "Image Sourced From: Some Agency, Jane Doe",
		"Photo: Jane Doe/Reuters", "@someagency/X", "us-mexico-400x229", "photo_12.jpg",
		"https://example.com/news/2025/05/story", "pic.twitter.com/H9X1fafWbu",
		"— Some Agency (@someagency) May 14, 2025", "[source] [source]", ".", "*",
		"Wednesday, May 28, 2025", "Executive Summary", "Weekly Report: Ten Things To Know About Trade",
		"Join thousands of people receiving monthly reports on events that affect their business.",
		"\"*\" indicates required fields", "This field is for validation purposes and should be left unchanged.",
	}
	for _, line := range chrome {
		t.Run("chrome/"+line, func(t *testing.T) {
			got := boilerplateOf(t, before+line+after)
			for text, bp := range got {
				if strings.Contains(line, text) && !bp {
					t.Errorf("%q not marked boilerplate", text)
				}
				if !strings.Contains(line, text) && bp {
					t.Errorf("prose %q marked boilerplate", text)
				}
			}
		})
	}
	prose := []string{
		"The embassy said no U.S. personnel took part in the operation.",
		"“There is coordination, there is collaboration,” she said.",
		"Sales fell 3.5 percent in May, the company said.",
		"He was a frequent guest on the show, and he shared his views on trade.",
		"Copies of the report were shared with reporters on Tuesday.",
		"She said the photo was taken in 2019 and did not show the raid.",
		"Read the full statement below, the agency urged in a post on Thursday afternoon.",
		"We all want to fight the drug cartels.",
		"The troops stayed in the region for three years.",
	}
	for _, line := range prose {
		t.Run("prose/"+line, func(t *testing.T) {
			for text, bp := range boilerplateOf(t, before+line+after) {
				if bp {
					t.Errorf("%q marked boilerplate", text)
				}
			}
		})
	}
}

func TestBoilerplateRepeatedLines(t *testing.T) {
	body := "Story text goes here and is long enough.\n\nSubscribe Now Please\n\nMore story text follows here.\n\nSubscribe Now Please\n"
	got := boilerplateOf(t, body)
	if !got["Subscribe Now Please"] {
		t.Error("repeated line not marked")
	}
	if got["Story text goes here and is long enough."] {
		t.Error("story marked")
	}
}

func TestBoilerplateSpreadsOnChromeLines(t *testing.T) {
	body := "The story ends here.\n\nThe Daily is a reader-funded media. We accept no money from governments. Help us stay afloat. Click the image below to make a one-time or recurring donation.\n"
	got := boilerplateOf(t, body)
	if !got["We accept no money from governments."] {
		t.Error("sentence inside a chrome block not marked")
	}
	if got["The story ends here."] {
		t.Error("story marked")
	}
}

// TestBoilerplateSparesWikipediaProse checks ordinary encyclopedic prose is
// not taken for chrome.
func TestBoilerplateSparesWikipediaProse(t *testing.T) {
	for _, name := range []string{"wikicontradict", "ramdocs"} {
		dir := sharedDir(t, name)
		files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		if len(files) > 150 {
			files = files[:150]
		}
		var total, marked int
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d, err := ParseDocument(filepath.Base(f), raw)
			if err != nil {
				continue
			}
			for _, s := range d.Sentences {
				words := len(strings.Fields(s.Text))
				if words < 8 || !strings.HasSuffix(s.Text, ".") {
					continue // fragments and labels may be chrome
				}
				total++
				if s.Boilerplate {
					marked++
					if name == "wikicontradict" {
						t.Errorf("%s: prose marked boilerplate: %q", d.ID, s.Text)
					}
				}
			}
		}
		// RAMDocs is scraped pages: some chrome sentences are real chrome.
		if total == 0 || float64(marked)/float64(total) > 0.03 {
			t.Errorf("%s: %d of %d prose sentences marked boilerplate", name, marked, total)
		}
	}
}

// A document whose only text is a heading-shaped record is that record: it
// must stay quotable. Furniture stays marked even alone.
func TestBoilerplateKeepsSoleContent(t *testing.T) {
	got := boilerplateOf(t, "---\ntitle: Ada Okafor\n---\nAda Okafor Born\t27 August 1968\n")
	if got["Ada Okafor Born\t27 August 1968"] {
		t.Error("the document's only line was marked boilerplate")
	}
	got = boilerplateOf(t, "© 2025 Some Times. All rights reserved.\n")
	for text, marked := range got {
		if !marked {
			t.Errorf("furniture %q left unmarked in a furniture-only document", text)
		}
	}
}
