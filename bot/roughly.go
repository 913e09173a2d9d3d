package bot

import (
	"fmt"
	"time"
)

// roughly says a duration the way a person would: "under a second", "4 s",
// "2 min", "1 h 5 min". Waits are estimates, so more precision would
// promise what the bot cannot keep.
func roughly(d time.Duration) string {
	switch {
	case d < time.Second:
		return "under a second"
	case d < time.Minute:
		return fmt.Sprintf("%d s", int(d.Round(time.Second)/time.Second))
	case d < time.Hour:
		m := int(d.Round(time.Minute) / time.Minute)
		if m == 60 {
			return "1 h"
		}
		return fmt.Sprintf("%d min", m)
	default:
		d = d.Round(time.Minute)
		h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
		if m == 0 {
			return fmt.Sprintf("%d h", h)
		}
		return fmt.Sprintf("%d h %d min", h, m)
	}
}
