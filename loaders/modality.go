package loaders

import (
	"regexp"
	"strings"

	"github.com/newsgraph/kg"
)

var (
	rePlanned = regexp.MustCompile(`(?i)\b(?:will|would|shall|(?:is|are|was|were) (?:also )?expected to|expected to|expects? to|expecting to|promised to|promises to|pledged to|pledges to|vowed to|vows to|(?:clear(?:s|ed|ing)?|pav(?:e|es|ed|ing)) the way for|set to|scheduled to|due to|plans? to|planned to|planning to|preparing to|prepare to|poised to|intends? to|aims? to|ready to|(?:is|are|was|were) to|looking to|hopes? to|seeks? to|could|(?-i:may)|might|is likely to|are likely to|likely to|must|needs? to|still needs?|still has to|(?:has|have) yet to|has to|have to|requires?|awaits?|awaiting|pending)\b`)
	reAlleged = regexp.MustCompile(`(?i)\b(?:reportedly|allegedly|(?:is|are|was|were) said to|accused \w+ of|accused of|claimed|claims|purportedly|rumou?red)\b`)
	reDenied  = regexp.MustCompile(`(?i)\b(?:denied|denies|deny|denying|rejected (?:claims|reports|suggestions) that|dismissed (?:claims|reports) that)\b`)
	reNegated = regexp.MustCompile(`(?i)\b(?:not|never|neither|refused to|refuses to|declined to|declines to|failed to|fails to|yet to|without)\b|n't\b`)
)

// modality reads the words before a trigger, back to the previous trigger,
// for denial, negation, allegation and plans; the strongest cue wins.
func modality(s string, t trigger, all []trigger, ti int) kg.Status {
	from := max(0, t.Start-90)
	if ti > 0 && all[ti-1].End > from {
		from = all[ti-1].End
	}
	window := s[from:t.Start]
	near := s[max(from, t.Start-28):t.Start]
	f := foldASCII(window)
	if matchString(reNounPlan, window, f) {
		// "an EU-backed plan to normalise relations": a noun, which
		// plans nothing of the verb that follows.
		window = reNounPlan.ReplaceAllString(window, "")
		f = foldASCII(window)
	}
	switch {
	case matchString(reDenied, window, f), claimDenied(s[t.End:]):
		return kg.StatusDenied
	case matchString(reNegated, near, f):
		return kg.StatusNegated
	case matchString(reAlleged, window, f):
		return kg.StatusAlleged
	case matchString(rePlanned, window, f):
		return kg.StatusPlanned
	case reReportedProgressive.MatchString(window) && strings.HasSuffix(firstWord(s[t.Start:t.End]), "ing"):
		// "announced that he was pulling the country out": an act
		// announced in the progressive is still to come.
		return kg.StatusPlanned
	}
	return kg.StatusOccurred
}

var (
	reNounPlan = regexp.MustCompile(`(?i)\b(?:an?|the|its|their|his|her|our|this|that|[\w]+-backed|peace)\s+(?:[\w-]+\s+)?plans?\s+to\b`)
	// reClaimDenied is an apposition that takes a report back: "Tokyo
	// had signed the pact, a claim Japan's Foreign Ministry denied".
	reClaimDenied = regexp.MustCompile(`^[^.;:]{0,120}?,\s+(?:a|an) (?:claim|allegation|report|assertion)s? (?:that )?[^,.;:]{0,60}?\b(?:denied|denies|rejected|rejects|dismissed|dismisses)\b`)
)

func claimDenied(rest string) bool {
	rest = rest[:min(len(rest), 200)]
	if !strings.Contains(rest, "deni") && !strings.Contains(rest, "reject") && !strings.Contains(rest, "dismiss") {
		return false
	}
	return reClaimDenied.MatchString(rest)
}

var reReportedProgressive = regexp.MustCompile(`(?i)\b(?:announc(?:ed|es|e)|said|says|declared|declares|confirmed|confirms|told\s+\w+)\b[^.;:]{0,60}?\b(?:is|are|was|were)\s+(?:\w+ly\s+)?$`)

func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return w
}

// rePastPlan ends a plan told in the past ("had been due to be", "was
// to"): its day is already gone, and with "but" after it, the plan failed.
var rePastPlan = regexp.MustCompile(`(?i)\b(?:had been|was|were) (?:due|scheduled|expected|set|supposed|planned|meant) to (?:be )?\w*\s*$|\b(?:was|were) to (?:be )?\w*\s*$`)

var reBeforeCan = regexp.MustCompile(`(?i)\bbefore\s+(?:it|they|the\s+[\w-]+|\w+)\s+(?:can|could|may|might|will|would)\s+(?:\w+\s+){0,2}$`)

var reConditionWord = regexp.MustCompile(`(?i)\b(?:once|if|unless|until)\s`)

// inConditionClause reports a verb inside a clause that states a
// condition: "it will enter into force once 60 countries have ratified
// it" tells of no ratification.
func inConditionClause(s string, t trigger) bool {
	if reBeforeCan.MatchString(s[max(0, t.Start-40):t.Start]) {
		return true // "must ratify it before it can take effect": a precondition
	}
	from := max(0, t.Start-50)
	locs := reConditionWord.FindAllStringIndex(s[from:t.Start], -1)
	if len(locs) == 0 {
		return false
	}
	gap := s[from+locs[len(locs)-1][1] : t.Start]
	return !strings.ContainsAny(gap, ",;:") && len(strings.Fields(gap)) <= 5
}

// reCondition finds a participle that opens a condition after a word
// inConditionClause does not take as one: "When signed, the treaty...".
var reCondition = regexp.MustCompile(`(?i)(?:^|[,;:]\s*)(?:when|after being|before being)\s+$`)
