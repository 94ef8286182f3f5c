package kg

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"unicode"
)

// EntityID returns the stable ID of the entity of kind k named name:
// "person:vladimir-putin". Names that differ only in case, punctuation or
// dashes share an ID.
func EntityID(k EntityKind, name string) string {
	return strings.ToLower(string(k)) + ":" + Slug(name)
}

// Slug folds s to lower-case ASCII-ish words joined by hyphens; letters
// outside ASCII are kept so that non-Latin names stay distinct.
func Slug(s string) string {
	var b strings.Builder
	pendingDash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if pendingDash && b.Len() > 0 {
				b.WriteByte('-')
			}
			pendingDash = false
			b.WriteRune(r)
		case r == '\'' || r == '’':
			// "Iran's" and "Irans" name the same thing.
		default:
			pendingDash = true
		}
	}
	return b.String()
}

// DocumentID returns the ID of a document from its content hash.
func DocumentID(contentHash string) string {
	if len(contentHash) > 20 {
		contentHash = contentHash[:20]
	}
	return "doc:" + contentHash
}

// ContentHash returns the hex SHA-256 of text.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// EventID derives an event's ID from what identifies the claim: document,
// type, status, participants and date. Re-extracting the same document yields
// the same IDs.
func EventID(e *Event) string {
	parts := make([]string, 0, len(e.Participants))
	for _, p := range e.Participants {
		parts = append(parts, string(p.Role)+"="+p.EntityID)
	}
	sort.Strings(parts)
	key := strings.Join([]string{e.DocumentID, string(e.Type), string(e.Status), e.Date.Value, e.Date.Text,
		strings.Join(parts, ",")}, "|")
	sum := sha256.Sum256([]byte(key))
	return "event:" + hex.EncodeToString(sum[:10])
}

// SortKey orders events by date: the earliest possible day, then the latest,
// with unplaced dates last.
func (d Date) SortKey() string {
	switch {
	case d.Earliest != "":
		return d.Earliest
	case d.Latest != "":
		return d.Latest
	default:
		return "~"
	}
}
