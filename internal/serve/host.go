package serve

import (
	"fmt"
	"net"
	"net/http"
	"strings"
)

// isLoopback: the listener answers only this machine.
func isLoopback(a net.Addr) bool {
	t, ok := a.(*net.TCPAddr)
	return ok && t.IP.IsLoopback()
}

// hostCheck refuses requests whose Host header names neither a loopback
// name nor the listen address nor an allowed host. DNS rebinding points a
// name the attacker owns at 127.0.0.1, so the victim's browser reaches the
// unauthenticated server with that name as Host: refusing unknown names
// keeps the attacker's page from reading the findings.
func hostCheck(listen string, allowed []string, next http.Handler) http.Handler {
	ok := map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}
	exact := map[string]bool{strings.ToLower(listen): true}
	for _, a := range allowed {
		a = strings.ToLower(strings.TrimSpace(a))
		if _, _, err := net.SplitHostPort(a); err == nil {
			exact[a] = true
		} else if a != "" {
			ok[strings.Trim(a, "[]")] = true
		}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := strings.ToLower(r.Host)
		name := host
		if h, _, err := net.SplitHostPort(host); err == nil {
			name = h
		}
		if exact[host] || ok[strings.Trim(name, "[]")] {
			next.ServeHTTP(w, r)
			return
		}
		http.Error(w, fmt.Sprintf("podwhy serve: Host %q is not allowed here (localhost, 127.0.0.1, [::1] or --allowed-host)", r.Host), http.StatusForbidden)
	})
}
