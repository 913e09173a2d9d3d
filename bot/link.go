package bot

// setLink records that connection n (counted from 0) is being opened (up
// false: the previous one is gone) or is open. The newest news wins.
func (s *Server) setLink(n int, up bool) {
	s.linkMu.Lock()
	defer s.linkMu.Unlock()
	if up {
		s.linkUp = max(s.linkUp, n)
	} else {
		s.linkDown = max(s.linkDown, n)
	}
	connected := s.linkUp >= 0 && s.linkUp >= s.linkDown && !s.linkClosed
	s.connected.Store(connected)
	if connected {
		s.metrics.connected.Set(1)
	} else {
		s.metrics.connected.Set(0)
	}
}

// closeLink marks the connection gone for good.
func (s *Server) closeLink() {
	s.linkMu.Lock()
	s.linkClosed = true
	s.linkMu.Unlock()
	s.setLink(-1, false)
}
