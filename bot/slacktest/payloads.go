package slacktest

import (
	"encoding/json"
	"fmt"
	"time"
)

// Team, app and bot ids the loopback uses in payloads.
const (
	TeamID  = "T0CROSS"
	AppID   = "A0CROSSCHECK"
	BotUser = "U0CROSSBOT"
)

// Mention delivers an app_mention from user in channel. threadTS is the
// thread the mention was written in ("" for a top-level message). It
// returns the event id (the redelivery key) and the message ts.
func (s *Server) Mention(channel, user, text, threadTS string) (eventID, ts string) {
	ts = s.NewTS()
	ev := map[string]any{"type": "app_mention", "user": user, "text": "<@" + BotUser + "> " + text,
		"ts": ts, "channel": channel, "event_ts": ts}
	if threadTS != "" {
		ev["thread_ts"] = threadTS
	}
	return s.Event(ev), ts
}

// DM delivers a message.im from user in the DM channel.
func (s *Server) DM(channel, user, text, threadTS string) (eventID, ts string) {
	ts = s.NewTS()
	ev := map[string]any{"type": "message", "channel_type": "im", "user": user, "text": text,
		"ts": ts, "channel": channel, "event_ts": ts}
	if threadTS != "" {
		ev["thread_ts"] = threadTS
	}
	return s.Event(ev), ts
}

// HomeOpened delivers app_home_opened: user opened the app's Home tab.
func (s *Server) HomeOpened(user string) string {
	return s.Event(map[string]any{"type": "app_home_opened", "user": user, "channel": "D0HOME" + user, "tab": "home",
		"event_ts": fmt.Sprint(time.Now().Unix())})
}

// Event delivers any inner event in an events_api envelope and returns its
// event id.
func (s *Server) Event(inner map[string]any) string {
	s.mu.Lock()
	eventID := s.nextID("Ev")
	s.mu.Unlock()
	payload := map[string]any{
		"token": "verification-token-unused", "team_id": TeamID, "api_app_id": AppID,
		"type": "event_callback", "event_id": eventID, "event_time": time.Now().Unix(),
		"event":          inner,
		"authorizations": []map[string]any{{"team_id": TeamID, "user_id": BotUser, "is_bot": true}},
	}
	s.send(eventID, "events_api", payload)
	return eventID
}

// Slash delivers a slash command and returns its trigger id (the
// redelivery key) and response_url id; replies to it are ephemeral
// messages for user with that ResponseURL.
func (s *Server) Slash(channel, user, command, text string) (triggerID, responseID string) {
	s.mu.Lock()
	triggerID = s.nextID("trig")
	url := s.newResponseURL(user, channel, nil)
	s.mu.Unlock()
	s.send(triggerID, "slash_commands", map[string]any{
		"token": "verification-token-unused", "team_id": TeamID, "team_domain": "crosscheck-test",
		"channel_id": channel, "channel_name": "general", "user_id": user, "user_name": user,
		"command": command, "text": text, "response_url": url, "trigger_id": triggerID, "api_app_id": AppID,
	})
	return triggerID, lastPathElem(url)
}

// Click presses the button with actionID and value on message m as user,
// the way Slack reports it (block_actions), and returns the trigger id.
func (s *Server) Click(user string, m Message, actionID, value string) string {
	s.mu.Lock()
	triggerID := s.nextID("trig")
	orig := s.byTS[m.TS]
	url := s.newResponseURL(user, m.Channel, orig)
	s.mu.Unlock()
	container := map[string]any{"type": "message", "message_ts": m.TS, "channel_id": m.Channel, "is_ephemeral": m.Ephemeral}
	msg := map[string]any{"type": "message", "ts": m.TS, "text": m.Text}
	if m.ThreadTS != "" {
		container["thread_ts"] = m.ThreadTS
		msg["thread_ts"] = m.ThreadTS
	}
	payload := map[string]any{
		"type": "block_actions", "trigger_id": triggerID, "response_url": url, "api_app_id": AppID,
		"team":      map[string]any{"id": TeamID},
		"user":      map[string]any{"id": user, "name": user},
		"channel":   map[string]any{"id": m.Channel},
		"container": container,
		"actions": []map[string]any{{"type": "button", "action_id": actionID, "block_id": "b1",
			"value": value, "action_ts": fmt.Sprint(time.Now().UnixNano())}},
	}
	if !m.Ephemeral {
		payload["message"] = msg
	}
	s.send(triggerID, "interactive", payload)
	return triggerID
}

// Shortcut runs the message shortcut callbackID as user on a message that
// author wrote in channel (ts, text, and its thread or ""), the way Slack
// reports it (message_action), and returns the trigger id and the
// response_url id; replies to it are ephemeral messages for user.
func (s *Server) Shortcut(user, callbackID, channel, author, ts, text, threadTS string) (triggerID, responseID string) {
	s.mu.Lock()
	triggerID = s.nextID("trig")
	url := s.newResponseURL(user, channel, nil)
	s.mu.Unlock()
	msg := map[string]any{"type": "message", "user": author, "ts": ts, "text": text}
	if threadTS != "" {
		msg["thread_ts"] = threadTS
	}
	s.send(triggerID, "interactive", map[string]any{
		"type": "message_action", "token": "verification-token-unused", "action_ts": fmt.Sprint(time.Now().Unix()),
		"team": map[string]any{"id": TeamID, "domain": "crosscheck-test"}, "user": map[string]any{"id": user, "name": user},
		"channel": map[string]any{"id": channel, "name": "general"}, "callback_id": callbackID, "trigger_id": triggerID,
		"message_ts": ts, "message": msg, "response_url": url, "api_app_id": AppID,
	})
	return triggerID, lastPathElem(url)
}

// BadEnvelope sends an envelope slack-go cannot parse (an unknown type) and
// returns its envelope id.
func (s *Server) BadEnvelope() string {
	s.mu.Lock()
	env := s.nextID("envbad")
	s.mu.Unlock()
	frame, _ := json.Marshal(map[string]any{"envelope_id": env, "type": "events_api_v99",
		"payload": map[string]any{"surprise": true}, "accepts_response_payload": false, "retry_attempt": 0})
	s.SendRaw(env, frame)
	return env
}

// Button is a button found in a message's blocks.
type Button struct {
	ActionID, Value, Text string
}

// Buttons lists the buttons in m's blocks, in order.
func (m Message) Buttons() []Button {
	var blocks []struct {
		Type     string `json:"type"`
		Elements []struct {
			Type     string `json:"type"`
			ActionID string `json:"action_id"`
			Value    string `json:"value"`
			Text     struct {
				Text string `json:"text"`
			} `json:"text"`
		} `json:"elements"`
		Accessory *struct {
			Type     string `json:"type"`
			ActionID string `json:"action_id"`
			Value    string `json:"value"`
			Text     struct {
				Text string `json:"text"`
			} `json:"text"`
		} `json:"accessory"`
	}
	_ = json.Unmarshal(m.Blocks, &blocks)
	var out []Button
	for _, b := range blocks {
		if b.Accessory != nil && b.Accessory.Type == "button" {
			out = append(out, Button{b.Accessory.ActionID, b.Accessory.Value, b.Accessory.Text.Text})
		}
		for _, e := range b.Elements {
			if e.Type == "button" {
				out = append(out, Button{e.ActionID, e.Value, e.Text.Text})
			}
		}
	}
	return out
}

// Button returns the first button with actionID, or false.
func (m Message) Button(actionID string) (Button, bool) {
	for _, b := range m.Buttons() {
		if b.ActionID == actionID {
			return b, true
		}
	}
	return Button{}, false
}

func lastPathElem(url string) string {
	for i := len(url) - 1; i >= 0; i-- {
		if url[i] == '/' {
			return url[i+1:]
		}
	}
	return url
}
