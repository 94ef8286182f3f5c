package main

import (
	"bufio"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"

	"github.com/newsgraph/kg/graph"
)

// apiKey is one configured key. Only the SHA-256 of the secret is kept,
// so a leaked configuration file does not leak access.
type apiKey struct {
	name   string
	scopes []graph.Scope
	sum    [sha256.Size]byte
}

// keyring is every configured key; empty means the server is
// localhost-only and every request holds every scope.
type keyring []apiKey

// parseKeys reads `name:scope[,scope]:sha256-hex` entries separated by
// newlines (and, for the environment variable, also by spaces or ';').
// Blank entries and lines starting with # are ignored. origin names the
// source in errors.
func parseKeys(r io.Reader, origin string, moreSeparators bool) (keyring, error) {
	var keys keyring
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(text, "#") {
			continue
		}
		entries := []string{text}
		if moreSeparators {
			entries = strings.FieldsFunc(text, func(c rune) bool { return c == ';' || c == ' ' || c == '\t' })
		}
		for _, e := range entries {
			if e == "" {
				continue
			}
			k, err := parseKey(e)
			if err != nil {
				return nil, fmt.Errorf("%s line %d: %w", origin, line, err)
			}
			keys = append(keys, k)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", origin, err)
	}
	return keys, nil
}

func parseKey(entry string) (apiKey, error) {
	parts := strings.Split(entry, ":")
	if len(parts) != 3 || parts[0] == "" {
		return apiKey{}, fmt.Errorf("want name:scope[,scope]:sha256-hex, got %d fields", len(parts))
	}
	k := apiKey{name: parts[0]}
	for _, s := range strings.Split(parts[1], ",") {
		switch sc := graph.Scope(strings.TrimSpace(s)); sc {
		case graph.ScopeRead, graph.ScopeWrite:
			if !slices.Contains(k.scopes, sc) {
				k.scopes = append(k.scopes, sc)
			}
		default:
			return apiKey{}, fmt.Errorf("key %q: unknown scope %q (want read or write)", k.name, s)
		}
	}
	sum, err := hex.DecodeString(parts[2])
	if err != nil || len(sum) != sha256.Size {
		// The message never repeats the value: it may be a raw key pasted
		// by mistake.
		return apiKey{}, fmt.Errorf("key %q: third field is not a SHA-256 in hex (64 hex digits); "+
			"store printf %%s \"$KEY\" | sha256sum, not the key itself", k.name)
	}
	copy(k.sum[:], sum)
	return k, nil
}

// loadKeys gathers the keys of the file and of the variable's text; names
// must be unique across both, so that logs name one key unambiguously.
func loadKeys(file, env string) (keyring, error) {
	var keys keyring
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			return nil, fmt.Errorf("--api-keys-file: %w", err)
		}
		defer f.Close()
		if keys, err = parseKeys(f, file, false); err != nil {
			return nil, err
		}
	}
	fromEnv, err := parseKeys(strings.NewReader(env), "KG_API_KEYS", true)
	if err != nil {
		return nil, err
	}
	keys = append(keys, fromEnv...)
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k.name] {
			return nil, fmt.Errorf("API key name %q is configured twice", k.name)
		}
		seen[k.name] = true
	}
	return keys, nil
}

// lookup returns the key whose hash matches secret, or nil. Every stored
// hash is compared, in constant time, so the answer's timing says nothing
// about which key or how much of it matched.
func (ks keyring) lookup(secret string) *apiKey {
	sum := sha256.Sum256([]byte(secret))
	var found *apiKey
	for i := range ks {
		if subtle.ConstantTimeCompare(sum[:], ks[i].sum[:]) == 1 {
			found = &ks[i]
		}
	}
	return found
}

func (ks keyring) names() []string {
	names := make([]string, len(ks))
	for i, k := range ks {
		names[i] = k.name
	}
	return names
}

// presentedKey returns the key of `Authorization: Bearer KEY` or
// `X-API-Key: KEY`, and whether the request carried either header.
func presentedKey(r *http.Request) (string, bool) {
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, token, ok := strings.Cut(h, " ")
		if ok && strings.EqualFold(scheme, "Bearer") {
			return strings.TrimSpace(token), true
		}
		return "", true
	}
	if h := r.Header.Get("X-API-Key"); h != "" {
		return strings.TrimSpace(h), true
	}
	return "", false
}

// Codes of extensions.code for refusals of the HTTP layer.
const (
	codeUnauthenticated = "UNAUTHENTICATED"
	codeForbidden       = "FORBIDDEN"
)

// authenticate puts the scopes of the request's key into its context,
// where the GraphQL handler checks them per operation. Without keys every
// request holds every scope: the server then listens on loopback only.
// need, when set, is a scope the route itself requires.
func authenticate(keys keyring, need graph.Scope, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(keys) == 0 {
			next.ServeHTTP(w, r.WithContext(graph.WithScopes(r.Context(), graph.ScopeRead, graph.ScopeWrite)))
			return
		}
		if r.Method == http.MethodOptions {
			// Executes nothing; browsers send preflights without keys.
			next.ServeHTTP(w, r)
			return
		}
		secret, sent := presentedKey(r)
		var k *apiKey
		if secret != "" {
			k = keys.lookup(secret)
		}
		switch {
		case !sent:
			w.Header().Set("WWW-Authenticate", `Bearer realm="kg"`)
			writeError(w, http.StatusUnauthorized, codeUnauthenticated,
				"an API key is required: send Authorization: Bearer KEY or X-API-Key: KEY")
			return
		case k == nil:
			w.Header().Set("WWW-Authenticate", `Bearer realm="kg", error="invalid_token"`)
			writeError(w, http.StatusUnauthorized, codeUnauthenticated, "the API key is not valid")
			return
		case need != "" && !slices.Contains(k.scopes, need):
			writeError(w, http.StatusForbidden, codeForbidden, fmt.Sprintf("the API key lacks the %s scope", need))
			return
		}
		next.ServeHTTP(w, r.WithContext(graph.WithScopes(r.Context(), k.scopes...)))
	})
}

// writeError answers in the shape of a GraphQL error, so that clients
// read every refusal the same way.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, map[string]any{"errors": []map[string]any{{
		"message": msg, "extensions": map[string]any{"code": code}}}})
}

// isLoopback reports whether addr (host:port) listens on this machine
// only. An empty host means every interface.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
