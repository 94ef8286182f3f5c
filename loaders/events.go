package loaders

import (
	"regexp"
	"slices"
	"strings"

	"github.com/newsgraph/kg"
)

var reBeAux = regexp.MustCompile(`(?i)\b(?:is|was|were|are|be|been|being|has been|have been|had been)\s+(?:\w+ly\s+)?(?:first\s+|formally\s+|officially\s+|also\s+|then\s+|finally\s+)?$`)

// sentenceEvents reads the events one sentence reports.
func (a *analysis) sentenceEvents(si int, text string, ms []mention, dates []dateExpr) []kg.Event {
	triggers := slices.DeleteFunc(findTriggers(text), func(t trigger) bool {
		if t.Rule == "cleared" && len(bodiesCleared(text, t, ms)) == 0 {
			return true // "made it clear", "cleared the way": no body passed it
		}
		if t.Rule == "join" && joined(text, t, ms) == nil {
			return true // "her bid to join NATO", "joined the talks": no accession taking effect, and no rival for a date
		}
		if inConditionClause(text, t) {
			// "once ten states have ratified it", "before it can take
			// effect": a condition on another act, not a report, and no
			// rival for the sentence's date.
			return true
		}
		if notReported(text, a.fold(text), t, ms) {
			return true
		}
		if t.Nominal {
			// "the ratification law", "a ratification process": a kind of
			// thing, not an act, and no rival for the verb's date.
			return reNounModifier.MatchString(text[t.End:])
		}
		// "signed an executive order withdrawing the country from the
		// Paris Agreement": the order is signed, the agreement left, and
		// the signing's date is the withdrawal's.
		return t.Type == kg.EventSigned && reOtherPaper.MatchString(text[t.End:])
	})
	for i, t := range triggers {
		if t.Nominal && reRejectBefore.MatchString(text[max(0, t.Start-40):t.Start]) {
			// "voted to reject the ratification of CETA": the subject's
			// ratification, refused.
			triggers[i].Nominal, triggers[i].Rule = false, "rejected"
		}
		if t.Rule == "signing" && reGerundObject.MatchString(text[t.End:]) && !precededByArticle(text, t.Start) {
			// "left without signing it": a gerund with an object is a verb,
			// whose agent is the clause's subject.
			triggers[i].Nominal = false
		}
		if t.Nominal && reVoteOn.MatchString(text[max(0, t.Start-20):t.Start]) {
			// "The Federation Council is scheduled to vote on
			// ratification": the voters are the clause's subject.
			triggers[i].Nominal = false
		}
	}
	exits := map[int]bool{}
	for _, t := range triggers {
		if noun := exitNounBefore(text, t); noun >= 0 {
			exits[noun] = true
		}
	}
	var events []kg.Event
	for ti, t := range triggers {
		if t.Nominal && exits[t.Start] {
			continue // the withdrawal is reported by the verb it is the subject of
		}
		if t.Rule == "sign" && precededByArticle(text, t.Start) {
			continue // "a sign of"
		}
		if reIntentionNoun.MatchString(text[max(0, t.Start-40):t.Start]) {
			continue // "the political will to ratify": a disposition, reported neither as done nor as planned
		}
		if t.Participle && reCondition.MatchString(text[:t.Start]) {
			continue // "Once signed, the deal must be ratified": a condition, not a report
		}
		passive := t.Participle && (reBeAux.MatchString(text[:t.Start]) || byPhraseAfter(text, t.End) >= 0 && !subjectBefore(text, t, ms) || reducedRelative(text, t))
		object := a.objectFor(text, t, ms, passive)
		if t.Rule == "join" {
			object = joined(text, t, ms) // the state's accession, whatever else the clause names
		}
		if object == nil {
			continue
		}
		for _, object := range append([]*kg.Entity{object}, coordinatedObjects(text, t, ms, object)...) {
			if e := a.event(si, text, t, triggers, ti, ms, dates, object, passive); keepEvent(text, t, &e) {
				events = append(events, a.splitClauseDate(e, si, text, t, triggers, ti, ms, dates, object, passive)...)
			}
		}
	}
	events = append(events, a.followers(si, text, triggers, events, ms, dates)...)
	events = append(events, a.repeats(si, text, triggers, events, ms, dates)...)
	return append(events, a.ellipses(si, text, triggers, events, ms, dates)...)
}

var reVoteOn = regexp.MustCompile(`(?i)\bvot(?:e|es|ed|ing)\s+(?:on|for)\s+(?:the\s+)?$`)

var reNounModifier = regexp.MustCompile(`^\s+(?:law|bill|act|legislation|decree|process|procedure|debate|vote|hearing|session|event|ceremony)s?\b`)

// coordinatedObjects are the agreements joined to the object: "approved
// the membership of both Sweden and Finland", or a plural anaphor spread
// over several agreements on one span ("their accession protocols").
func coordinatedObjects(s string, t trigger, ms []mention, first *kg.Entity) []*kg.Entity {
	k := -1
	for i, m := range ms {
		if m.Kind == kg.KindAgreement && m.Entity == first && (k < 0 || abs(m.Start-t.Start) < abs(ms[k].Start-t.Start)) {
			k = i
		}
	}
	if k < 0 {
		return nil
	}
	var out []*kg.Entity
	add := func(e *kg.Entity) {
		if e != nil && e != first && !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	for _, m := range ms {
		if m.Kind == kg.KindAgreement && m.Start == ms[k].Start && m.End == ms[k].End {
			add(m.Entity)
		}
	}
	if ms[k].Start < t.End {
		return out
	}
	prevEnd := ms[k].End
	for _, m := range ms[k+1:] {
		if m.Kind != kg.KindAgreement || m.End == prevEnd {
			continue
		}
		if m.Entity == nil || !coordinated(s[prevEnd:m.Start]) {
			break
		}
		add(m.Entity)
		prevEnd = m.End
	}
	return out
}

// event builds the event a trigger reports about one object.
func (a *analysis) event(si int, text string, t trigger, triggers []trigger, ti int, ms []mention, dates []dateExpr, object *kg.Entity, passive bool) kg.Event {
	status := modality(text, t, triggers, ti)
	if status == kg.StatusPlanned && rePastPlan.MatchString(text[max(0, t.Start-60):t.Start]) && strings.Contains(text[t.End:], ", but ") {
		// "The deal had been due to be signed on Feb. 28, but ...": a
		// plan told as overtaken, on a date already past.
		status = kg.StatusNegated
	}
	typ := t.Type
	if t.Rule == "reject" || t.Rule == "rejected" {
		status = kg.StatusNegated
		typ = rejectedType(t, triggers, ti)
	}
	if typ == kg.EventSigned && signsLaw(text, t, passive) {
		// A head of state signing the ratification law gives the last
		// approval; the signing of the agreement itself came earlier.
		typ = kg.EventApproved
	}
	var agents []*kg.Entity
	if typ == kg.EventEnteredIntoForce {
		// "The United States' withdrawal became effective on November 4":
		// what takes effect is a departure, not the agreement.
		if exiter, at, ok := exitTakingEffect(text, t, ms); ok {
			typ = kg.EventWithdrew
			if exiter != nil {
				agents = []*kg.Entity{exiter}
			}
			if at > t.End && rePlanned.MatchString(text[t.End:at]) {
				status = kg.StatusPlanned // "which would put the U.S. exit in January 2026"
			}
		}
	}
	if t.Rule == "unsigned" {
		status = kg.StatusNegated // no one signed, and no one is named as not signing
	} else if typ != kg.EventEnteredIntoForce && agents == nil {
		// An agreement comes into force by itself; whoever is near the
		// verb signed or ratified it.
		agents = a.agentsFor(text, t, ms, passive)
	}
	agents = a.memberAgents(text, t, ms, agents)
	if typ == kg.EventProposed && len(agents) == 0 {
		agents = a.proposerFor(text, ms)
	}
	e := kg.Event{Type: typ, Status: status, DocumentID: a.doc.ID}
	e.Date = a.dateFor(si, text, t, triggers, dates, status)
	for _, ag := range agents {
		// An apposition ("the Federation Council, the upper house,")
		// names the same agent twice.
		if p := (kg.Participant{EntityID: ag.ID, Role: kg.RoleAgent}); ag.ID != object.ID && !hasParticipant(&e, p) {
			e.Participants = append(e.Participants, p)
		}
	}
	e.Participants = append(e.Participants, kg.Participant{EntityID: object.ID, Role: kg.RoleObject})
	if place := placeNear(t, ms); place != nil {
		e.Participants = append(e.Participants, kg.Participant{EntityID: place.ID, Role: kg.RoleLocation})
	}
	voice := "active"
	switch {
	case t.Nominal:
		voice = "nominal"
	case passive:
		voice = "passive"
	}
	e.Evidence = []kg.Evidence{a.evidence(si, t.Rule+"/"+voice)}
	return e
}

var reOtherPaper = regexp.MustCompile(`(?i)^\s+(?:an?|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:order|letter|petition|proclamation|directive|memo)s?\b`)

var reReducedRelative = regexp.MustCompile(`^[^,;]+,\s*$`)

// reducedRelative reports a participle right after the sentence's first
// comma: "The order, signed in front of a crowd, directs..." is passive
// and about the order, though no "by" follows. After a second comma the
// participle is usually a verb whose subject has an apposition ("Putin,
// Russia's president, signed").
func reducedRelative(s string, t trigger) bool {
	before := s[:t.Start]
	if !reReducedRelative.MatchString(before) {
		return false
	}
	switch strings.ToLower(lastWordOf(strings.TrimRight(before, ", "))) {
	case "meanwhile", "however", "also", "then", "later", "instead", "finally", "eventually", "earlier", "thus", "too", "yesterday", "today":
		return false // a sentence adverb: the subject comes before it
	}
	return true
}

var reIntentionNoun = regexp.MustCompile(`(?i)\b(?:will|efforts?|bids?|attempts?|push|desire|determination|readiness|willingness|eagerness|pressure)\s+to\s+(?:\w+ly\s+)?$`)

var reGerundObject = regexp.MustCompile(`(?i)^\s+(?:it|them|the|a|an|this|that|any)\b`)

var (
	reLawObject  = regexp.MustCompile(`(?i)^\s+(?:(?:it|them|the (?:\w+ ){0,3}(?:law|bill|act|legislation|decree))\s+)?into law\b|^\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:law|bill|act|legislation|decree)\b`)
	reLawSubject = regexp.MustCompile(`(?i)\b(?:law|bill|act|legislation)\b[,\s]*(?:(?:still|also|then|now) )?(?:(?:has|have|had|must|will|would) )?(?:to )?(?:be |been |was |is |were |are )?\s*$`)
)

// signsLaw tells a signature under a law ("signed the ratification law",
// "signed it into law", "the law, signed by the president") from one
// under an agreement.
func signsLaw(s string, t trigger, passive bool) bool {
	if reLawObject.MatchString(s[t.End:]) {
		return true
	}
	return passive && reLawSubject.MatchString(s[max(0, t.Start-60):t.Start])
}

func precededByArticle(s string, i int) bool {
	w := lastWordOf(s[:i])
	return w == "a" || w == "the" || w == "no"
}

// placeNear returns a place named in the trigger's sentence ("in Moscow",
// "at the Kremlin").
func placeNear(t trigger, ms []mention) *kg.Entity {
	var best *kg.Entity
	bestDist := 1 << 30
	for _, m := range ms {
		if m.Kind != kg.KindPlace || m.Entity == nil {
			continue
		}
		d := m.Start - t.End
		if d < 0 {
			d = t.Start - m.End
		}
		if d < bestDist && d < 120 {
			best, bestDist = m.Entity, d
		}
	}
	return best
}
