package bot

import (
	"testing"
	"time"
)

func TestRoughly(t *testing.T) {
	for d, want := range map[time.Duration]string{
		300 * time.Millisecond:                "under a second",
		4 * time.Second:                       "4 s",
		59*time.Second + 600*time.Millisecond: "1 min",
		125 * time.Second:                     "2 min 5 s",
		25*time.Minute + 20*time.Second:       "25 min",
		65 * time.Minute:                      "1 h 5 min",
	} {
		if got := roughly(d); got != want {
			t.Errorf("roughly(%v) = %q, want %q", d, got, want)
		}
	}
	// A wait past the limit never reads as the limit itself.
	if got := roughlyOver(60*time.Second+400*time.Millisecond, time.Minute); got != "1 min 1 s" {
		t.Errorf("roughlyOver(60.4 s, 1 min) = %q", got)
	}
	if got := roughlyOver(10*time.Minute+20*time.Second, 10*time.Minute); got != "more than 10 min" {
		t.Errorf("roughlyOver(10 min 20 s, 10 min) = %q", got)
	}
}

// TestAnswerTimesFollowASlowdown shows why the newest answer weighs 0.2:
// one slow outlier among fast answers moves the estimate by a fifth of the
// difference, while an engine that slowed down for good is followed within
// about ten answers.
func TestAnswerTimesFollowASlowdown(t *testing.T) {
	var a answerTimes
	for range 20 {
		a.observe(100 * time.Millisecond)
	}
	a.observe(2100 * time.Millisecond) // one outlier
	if a.mean > 600*time.Millisecond {
		t.Errorf("one 2.1 s outlier lifted a 100 ms estimate to %v", a.mean)
	}
	for range 10 {
		a.observe(time.Second) // the endpoint slowed down
	}
	if a.mean < 850*time.Millisecond {
		t.Errorf("after ten 1 s answers the estimate is %v, want close to 1 s", a.mean)
	}
}
