package bot

import (
	"testing"
	"time"
)

func TestDedupe(t *testing.T) {
	d := newDedupe(time.Minute, 1000)
	now := time.Unix(1_700_000_000, 0)
	if !d.first("a", now) {
		t.Fatal("first sighting reported as duplicate")
	}
	if d.first("a", now.Add(time.Second)) {
		t.Error("second sighting not a duplicate")
	}
	// Still remembered after one rotation, forgotten after two.
	if d.first("a", now.Add(90*time.Second)) {
		t.Error("forgotten after one ttl")
	}
	d.first("b", now.Add(200*time.Second))
	if !d.first("a", now.Add(400*time.Second)) {
		t.Error("remembered after two ttl")
	}
}

func TestDedupeFirstAllRecordsEveryKey(t *testing.T) {
	d := newDedupe(time.Hour, 1000)
	now := time.Now()
	if !d.firstAll(now, "event:1", "msg:C:1", "") {
		t.Fatal("fresh keys reported as duplicate")
	}
	// Same message under a new event id (e.g. app_mention and message.im).
	if d.firstAll(now, "event:2", "msg:C:1") {
		t.Error("same message with a new event id not caught")
	}
	if d.firstAll(now, "event:2") {
		t.Error("event:2 was not recorded by the failed firstAll")
	}
}

func TestDedupeBoundedMemory(t *testing.T) {
	d := newDedupe(time.Hour, 10)
	now := time.Now()
	for i := range 1000 {
		d.first(string(rune('a'+i%26))+string(rune(i)), now)
	}
	if n := len(d.cur) + len(d.old); n > 20 {
		t.Errorf("dedupe holds %d keys, cap 2×10", n)
	}
}
