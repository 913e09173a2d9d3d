package corpus

import "testing"

// A claim that the matter is not yet known is open, and belongs to the
// dispute over that matter in its story; a plain statement is not open.
func TestOpenClaims(t *testing.T) {
	c, cs := storyClaims(t, "dam")
	open := claimWith(t, c, cs, "too early to say what caused the breach")
	if !open.Open {
		t.Fatal("'too early to say what caused' is not open")
	}
	if claimWith(t, c, cs, "poor maintenance caused the breach").Open {
		t.Error("a cause given is open")
	}
	var d *Dispute
	for i := range cs.Disputes {
		if cs.Disputes[i].Kind == KindCause {
			d = &cs.Disputes[i]
		}
	}
	if d == nil {
		t.Fatal("no cause dispute")
	}
	found := false
	for _, i := range cs.OpenOn(d) {
		found = found || &cs.All[i] == open
	}
	if !found {
		t.Errorf("the open claim is not on the cause dispute")
	}
}
