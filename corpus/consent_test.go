package corpus

import (
	"strings"
	"testing"
)

// One party said both to ask another in and to keep it out is a dispute,
// whichever verbs and titles each account uses; the person is one with or
// without a title.
func TestConsentDisputes(t *testing.T) {
	c, cs := storyClaims(t, "treaty")
	d := disputeOver(c, cs, KindConsent, "has requested Orland assistance", "would not permit Orland patrol boats")
	if d == nil {
		t.Fatal("no consent dispute between the request and the refusal")
	}
	if got := claimWith(t, c, cs, "would not permit").Consent; got != -1 {
		t.Errorf("'would not permit' consents %+d, want -1", got)
	}
	for _, l := range d.Labels {
		if !strings.Contains(l, "Orland") {
			t.Errorf("side %q does not name whom it lets in or keeps out", l)
		}
	}
}
