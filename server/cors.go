package main

import (
	"net/http"
	"slices"
	"strings"
)

// corsMaxAge lets a browser reuse a preflight answer for ten minutes.
const corsMaxAge = "600"

// corsAllowHeaders are the request headers a browser client may send: the
// two ways of presenting a key, and what GraphQL clients set.
const corsAllowHeaders = "Authorization, X-API-Key, Content-Type, Accept"

// withCORS lets browser pages from origins (notebooks, dashboards) call
// the API. "*" allows any origin; that is safe here because keys travel
// in headers that a page must set itself, never in cookies, so no
// credentials mode is offered. Without origins it adds nothing, and
// browsers keep the same-origin rule.
func withCORS(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	anyOrigin := slices.Contains(origins, "*")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin == "" {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Add("Vary", "Origin")
		allowed := anyOrigin || slices.ContainsFunc(origins, func(o string) bool { return strings.EqualFold(o, origin) })
		preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
		if !allowed {
			if preflight {
				writeError(w, http.StatusForbidden, codeForbidden, "origin "+origin+" is not allowed (see --cors-origins)")
				return
			}
			// The browser withholds the answer from the page; other
			// clients never cared about CORS.
			next.ServeHTTP(w, r)
			return
		}
		if anyOrigin {
			w.Header().Set("Access-Control-Allow-Origin", "*")
		} else {
			w.Header().Set("Access-Control-Allow-Origin", origin)
		}
		if preflight {
			w.Header().Add("Vary", "Access-Control-Request-Method")
			w.Header().Add("Vary", "Access-Control-Request-Headers")
			w.Header().Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			w.Header().Set("Access-Control-Allow-Headers", corsAllowHeaders)
			w.Header().Set("Access-Control-Max-Age", corsMaxAge)
			w.WriteHeader(http.StatusNoContent)
			return
		}
		// Downloads name their file in Content-Disposition.
		w.Header().Set("Access-Control-Expose-Headers", "Content-Disposition, WWW-Authenticate")
		next.ServeHTTP(w, r)
	})
}
