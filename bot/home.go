package bot

import (
	"context"
	"sort"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/crosscheck/crosscheck/answer"
)

// Disputer lists the corpus's disputes, most contested first, or those
// about words; *answer.Engine is one. Optional: without it App Home keeps a
// clear slot and /disputes says the feature is not available.
type Disputer interface {
	Disputes(ctx context.Context, words string) ([]answer.Dispute, error)
}

var _ Disputer = (*answer.Engine)(nil)

// homeDisputes is how many disputes App Home shows; /disputes lists all.
const homeDisputes = 5

// corpusStats is what App Home says the corpus holds.
type corpusStats struct {
	Documents   int
	Outlets     []outletCount // most documents first
	First, Last string        // publication dates, YYYY-MM-DD, "" if none
	Undated     int
	LoadedAt    time.Time
}

type outletCount struct {
	Name string
	Docs int
}

func statsOf(lib Library, loadedAt time.Time) corpusStats {
	st := corpusStats{Documents: lib.Len(), LoadedAt: loadedAt}
	by := map[string]int{}
	for _, d := range lib.Docs() {
		if d.Outlet != "" {
			by[d.Outlet]++
		}
		if d.Published == "" {
			st.Undated++
			continue
		}
		if st.First == "" || d.Published < st.First {
			st.First = d.Published
		}
		if d.Published > st.Last {
			st.Last = d.Published
		}
	}
	for name, n := range by {
		st.Outlets = append(st.Outlets, outletCount{name, n})
	}
	sort.Slice(st.Outlets, func(i, j int) bool {
		if st.Outlets[i].Docs != st.Outlets[j].Docs {
			return st.Outlets[i].Docs > st.Outlets[j].Docs
		}
		return st.Outlets[i].Name < st.Outlets[j].Name
	})
	return st
}

// homeOpened reports an app_home_opened event on the Home tab.
func homeOpened(inner any) (user string, ok bool) {
	switch e := inner.(type) {
	case *slackevents.AppHomeOpenedEvent:
		return e.User, e.Tab == "home" && e.User != ""
	case slackevents.AppHomeOpenedEvent:
		return e.User, e.Tab == "home" && e.User != ""
	}
	return "", false
}

// publishHome renders App Home for user with views.publish: what the
// corpus holds, its most contested disputes, questions drawn from it, and
// how to ask.
func (s *Server) publishHome(user, eventID string) {
	log := s.log.With("event_id", eventID, "route", routeHome)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	disputes, disputesErr := s.disputes(ctx, "")
	if disputesErr != nil {
		log.Warn("list disputes for App Home", "err", disputesErr)
	}
	h := home{
		Stats: statsOf(s.cfg.Library, s.cfg.LoadedAt), Disputes: disputes, HaveDisputer: s.cfg.Disputer != nil,
		DisputesFailed: disputesErr != nil, Examples: s.examples, Commands: s.cfg.Commands,
	}
	view := slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: renderHome(h)}}
	outcome := outcomeAnswered
	err := s.out.retry(ctx, "views.publish", func() error {
		_, err := s.api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: user, View: view})
		return err
	})
	if err != nil {
		log.Warn("publish App Home", "err", err)
		outcome = outcomeFailed
	}
	s.metrics.questions.WithLabelValues(routeHome, outcome).Inc()
}

// disputes asks the Disputer, if there is one.
func (s *Server) disputes(ctx context.Context, words string) ([]answer.Dispute, error) {
	if s.cfg.Disputer == nil {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	return s.cfg.Disputer.Disputes(ctx, words)
}
