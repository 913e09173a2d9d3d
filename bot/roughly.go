package bot

import (
	"fmt"
	"time"
)

// roughly says a duration the way a person would: "under a second", "4 s",
// "2 min 5 s", "25 min", "1 h 5 min". Waits are estimates, so seconds stop
// mattering past ten minutes and minutes past ten hours.
func roughly(d time.Duration) string {
	if d >= time.Second && d < 10*time.Minute {
		d = d.Round(time.Second)
	}
	switch {
	case d < time.Second:
		return "under a second"
	case d < time.Minute:
		return fmt.Sprintf("%d s", int(d/time.Second))
	case d < 10*time.Minute:
		m, s := int(d/time.Minute), int(d%time.Minute/time.Second)
		if s == 0 {
			return fmt.Sprintf("%d min", m)
		}
		return fmt.Sprintf("%d min %d s", m, s)
	case d < time.Hour-30*time.Second:
		return fmt.Sprintf("%d min", int(d.Round(time.Minute)/time.Minute))
	default:
		d = d.Round(time.Minute)
		h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
		if m == 0 {
			return fmt.Sprintf("%d h", h)
		}
		return fmt.Sprintf("%d h %d min", h, m)
	}
}

// roughlyOver is roughly for a wait known to be past limit: rounded up to
// the next whole second, so it never reads as equal to the limit ("the
// expected wait is 1 min, longer than the 1 min…").
func roughlyOver(d, limit time.Duration) string {
	if d <= limit {
		return roughly(d)
	}
	up := d.Truncate(time.Second) + time.Second
	if s := roughly(up); s != roughly(limit) {
		return s
	}
	return "more than " + roughly(limit)
}
