package loaders

import (
	"regexp"
	"slices"
	"strings"

	"github.com/newsgraph/kg"
)

var (
	rePlanned   = regexp.MustCompile(`(?i)\b(?:will|would|shall|(?:is|are|was|were) (?:also )?expected to|expected to|set to|scheduled to|due to|plans? to|planned to|planning to|preparing to|prepare to|poised to|intends? to|aims? to|ready to|(?:is|are|was|were) to|looking to|hopes? to|seeks? to|could|(?-i:may)|might|is likely to|are likely to|likely to|must|needs? to|still needs?|still has to|(?:has|have) yet to|has to|have to|requires?|awaits?|awaiting|pending)\b`)
	reAlleged   = regexp.MustCompile(`(?i)\b(?:reportedly|allegedly|(?:is|are|was|were) said to|accused \w+ of|accused of|claimed|claims|purportedly|rumou?red)\b`)
	reDenied    = regexp.MustCompile(`(?i)\b(?:denied|denies|deny|denying|rejected (?:claims|reports|suggestions) that|dismissed (?:claims|reports) that)\b`)
	reNegated   = regexp.MustCompile(`(?i)\b(?:not|never|refused to|refuses to|declined to|declines to|failed to|fails to|yet to|without)\b|n't\b`)
	reBeAux     = regexp.MustCompile(`(?i)\b(?:is|was|were|are|be|been|being|has been|have been|had been)\s+(?:\w+ly\s+)?(?:first\s+|formally\s+|officially\s+|also\s+|then\s+|finally\s+)?$`)
	reCoord     = regexp.MustCompile(`^(?:\s*,\s*|\s+and\s+(?:of\s+|by\s+)?(?:the\s+)?|\s*,\s*and\s+(?:of\s+|by\s+)?(?:the\s+)?|\s+as well as\s+(?:the\s+)?|\s+along with\s+(?:the\s+)?|\s*,\s*(?:the\s+)?)$`)
	reUnderRef  = regexp.MustCompile(`(?i)\b(?:under|during|by)\s+$`)
	reNounAfter = regexp.MustCompile(`^\s+([a-z][\w-]*)`)
	reAfterObj  = regexp.MustCompile(`^\s*(?:(?:\w+ly)\s+)?(?:a|an|the|its|their|this|that)\s+([a-z][\w-]*)`)
)

// sentenceEvents reads the events one sentence reports.
func (a *analysis) sentenceEvents(si int, text string, ms []mention, dates []dateExpr) []kg.Event {
	triggers := slices.DeleteFunc(findTriggers(text), func(t trigger) bool {
		if inConditionClause(text, t) {
			// "once ten states have ratified it", "before it can take
			// effect": a condition on another act, not a report, and no
			// rival for the sentence's date.
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
		if t.Rule == "signing" && reGerundObject.MatchString(text[t.End:]) && !precededByArticle(text, t.Start) {
			// "left without signing it": a gerund with an object is a verb,
			// whose agent is the clause's subject.
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
		if object == nil {
			continue
		}
		for _, object := range append([]*kg.Entity{object}, coordinatedObjects(text, t, ms, object)...) {
			events = append(events, a.event(si, text, t, triggers, ti, ms, dates, object, passive))
		}
	}
	return append(events, a.followers(si, text, triggers, events, ms, dates)...)
}

var rePronounObject = regexp.MustCompile(`^\s+(?:it|them)\b`)

var reRatifyingLaw = regexp.MustCompile(`(?i)\b(?:ratif\w*|accession|approv\w*)\b`)

var reNounModifier = regexp.MustCompile(`^\s+(?:law|bill|act|legislation|decree|process|procedure|debate|vote|hearing|session|event|ceremony)s?\b`)

var reFollowed = regexp.MustCompile(`(?i)\bfollowed(?: suit| its lead| their lead)?\b`)

// followers read "The U.S. Senate ratified it in December 2010, and
// Russia's State Duma followed in January 2011": the same action on the
// same agreement by a new agent, at its own date. Only within a sentence:
// across sentences "followed" as often continues a procedure (the Senate
// following the Commons) as it repeats an act.
func (a *analysis) followers(si int, text string, triggers []trigger, events []kg.Event, ms []mention, dates []dateExpr) []kg.Event {
	var out []kg.Event
	for _, loc := range reFollowed.FindAllStringIndex(text, -1) {
		if strings.HasPrefix(text[loc[1]:], " by") || reBeAux.MatchString(text[:loc[0]]) {
			continue // "was followed by": the next event is someone else's
		}
		var model *kg.Event
		for i := range events {
			if triggerBefore(triggers, events[i].Type, loc[0]) {
				model = &events[i]
			}
		}
		if model == nil || model.Status != kg.StatusOccurred {
			continue
		}
		t := trigger{Start: loc[0], End: loc[1], Type: model.Type, Rule: "followed"}
		ti, _ := slices.BinarySearchFunc(triggers, t.Start, func(o trigger, at int) int { return o.Start - at })
		all := slices.Insert(slices.Clone(triggers), ti, t)
		for _, id := range model.Objects() {
			e := a.event(si, text, t, all, ti, ms, dates, a.entities[id], false)
			agents := e.Agents()
			if e.Status != kg.StatusOccurred || len(agents) == 0 || slices.ContainsFunc(agents, func(id string) bool { return slices.Contains(model.Agents(), id) }) {
				continue
			}
			out = append(out, e)
		}
	}
	return out
}

func triggerBefore(triggers []trigger, typ kg.EventType, at int) bool {
	for _, t := range triggers {
		if t.Type == typ && t.End <= at {
			return true
		}
	}
	return false
}

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
	if typ == kg.EventSigned && signsLaw(text, t, passive) {
		// A head of state signing the ratification law gives the last
		// approval; the signing of the agreement itself came earlier.
		typ = kg.EventApproved
	}
	var agents []*kg.Entity
	if typ == kg.EventEnteredIntoForce {
		// "The United States' withdrawal became effective on November 4":
		// what takes effect is a departure, not the agreement.
		if exiter, ok := exitTakingEffect(text, t, ms); ok {
			typ = kg.EventWithdrew
			if exiter != nil {
				agents = []*kg.Entity{exiter}
			}
		}
	}
	if typ != kg.EventEnteredIntoForce && agents == nil {
		// An agreement comes into force by itself; whoever is near the
		// verb signed or ratified it.
		agents = a.agentsFor(text, t, ms, passive)
	}
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

var reCondition = regexp.MustCompile(`(?i)(?:^|[,;:]\s*)(?:once|if|when|until|unless|after being|before being)\s+$`)

// exitNounBefore is the offset of "withdrawal" or "exit" just before an
// entry-into-force trigger, or -1.
func exitNounBefore(s string, t trigger) int {
	if t.Type != kg.EventEnteredIntoForce {
		return -1
	}
	from := max(0, t.Start-60)
	locs := reExitNoun.FindAllStringIndex(s[from:t.Start], -1)
	if len(locs) == 0 {
		return -1
	}
	return from + locs[len(locs)-1][0]
}

var reExitNoun = regexp.MustCompile(`(?i)\b(?:withdrawal|exit|departure|pull-?out)\b`)

// exitTakingEffect reports an entry into force whose subject is a
// withdrawal, and the state or person leaving, when named just before it.
func exitTakingEffect(s string, t trigger, ms []mention) (*kg.Entity, bool) {
	noun := exitNounBefore(s, t)
	if noun < 0 {
		return nil, false
	}
	var exiter *kg.Entity
	for _, m := range ms {
		if m.End <= noun && noun-m.End <= 25 && m.agentKind() {
			exiter = m.Entity
		}
	}
	return exiter, true
}

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
	switch {
	case matchString(reDenied, window, f):
		return kg.StatusDenied
	case matchString(reNegated, near, f):
		return kg.StatusNegated
	case matchString(reAlleged, window, f):
		return kg.StatusAlleged
	case matchString(rePlanned, window, f):
		return kg.StatusPlanned
	}
	return kg.StatusOccurred
}

// byPhraseAfter returns the offset just past "by " after a participle, in
// the same clause, or -1.
func byPhraseAfter(s string, from int) int {
	rest := s[from:]
	limit := min(len(rest), 140)
	if j := strings.IndexAny(rest[:limit], ";"); j >= 0 {
		limit = j
	}
	j := strings.Index(rest[:limit], " by ")
	if j < 0 {
		return -1
	}
	return from + j + len(" by ")
}

// subjectBefore reports an agent right before a participle ("Putin signed
// the treaty, hailed by…"), which makes it active.
func subjectBefore(s string, t trigger, ms []mention) bool {
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.End <= t.Start {
			gap := strings.TrimSpace(s[m.End:t.Start])
			return m.agentKind() && (gap == "" || len(strings.Fields(gap)) <= 2 && !strings.ContainsAny(gap, ",;"))
		}
	}
	return false
}

// agentsFor finds who acted: the subject group before an active verb, the
// by-phrase (or "between X and Y") after a passive one, the possessor of a
// nominalization.
func (a *analysis) agentsFor(s string, t trigger, ms []mention, passive bool) []*kg.Entity {
	if t.Nominal {
		for i := len(ms) - 1; i >= 0; i-- {
			m := ms[i]
			if m.End <= t.Start && t.Start-m.End <= 3 && m.agentKind() {
				return []*kg.Entity{m.Entity}
			}
		}
		if strings.HasPrefix(s[t.End:], " of ") {
			// "the approval of Israel's cabinet and of the Knesset"
			if group := groupAfter(s, t.End+len(" of "), ms); len(group) > 0 {
				return group
			}
		}
		if by := byPhraseAfter(s, t.End); by >= 0 && !strings.ContainsAny(s[t.End:by], ",:") {
			// "ratification by the Duma", not "To ease ratification, the
			// deal was split: one part can be concluded by the EU alone".
			return groupAfter(s, by, ms)
		}
		return groupAfter(s, betweenAfter(s, t.End), ms)
	}
	if passive {
		if by := byPhraseAfter(s, t.End); by >= 0 {
			return groupAfter(s, by, ms)
		}
		return groupAfter(s, betweenAfter(s, t.End), ms)
	}
	// Active: the nearest possible subject to the left, with what is
	// coordinated with it, skipping a relative clause between them.
	relFrom, relTo := relativeClauseBefore(s, t.Start)
	var group []int
	last := -1
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.End > t.Start || last >= 0 && m.Form == "demonym" {
			continue // a demonym inside the group only opens a title
		}
		if m.Start >= relFrom && m.End <= relTo {
			continue
		}
		if last < 0 {
			if !m.agentKind() || nonAgentPreps[m.Prep] || locativePreps[m.Prep] || m.Possessor {
				continue
			}
			group, last = append(group, i), i
			continue
		}
		gap := s[m.End:ms[last].Start]
		if !m.agentKind() || !coordinated(gap) && !reRoleOf.MatchString(gap) {
			break
		}
		group, last = append(group, i), i
	}
	if len(group) == 0 {
		return groupAfter(s, betweenAfter(s, t.End), ms)
	}
	slices.Reverse(group)
	var out []*kg.Entity
	for _, i := range withoutRoleOwners(s, ms, group) {
		out = append(out, ms[i].Entity)
	}
	return out
}

// reRoleOf joins an agent to people named by their role: "Smith and the
// foreign ministers of Chile and Peru, …".
var reRoleOf = regexp.MustCompile(`^\s+and\s+(?:the\s+)?(?:[a-z][\w-]*\s+){1,3}of\s+(?:the\s+)?$`)

// withoutRoleOwners drops the states that only say whose officials act
// when an apposition then names the officials: in "the foreign ministers
// of Chile and Peru, Ana Ruiz and Luis Soto, signed", the ministers sign.
func withoutRoleOwners(s string, ms []mention, group []int) []int {
	var out []int
	run := -1 // where in out a run of states after "of" began
	for _, i := range group {
		m := ms[i]
		switch {
		case m.Kind == kg.KindState && m.Prep == "of":
			run = len(out)
		case m.Kind == kg.KindState && run >= 0:
		case m.Kind == kg.KindPerson && run >= 0 && len(out) > 0 && strings.Contains(s[ms[out[len(out)-1]].End:m.Start], ","):
			out, run = out[:run], -1
		default:
			run = -1
		}
		out = append(out, i)
	}
	return out
}

// relativeClauseBefore finds ", which ... ," or ", who ... ," that ends
// a few words before offset at: in "India, which walked out of the talks
// over fears that Chinese goods would flood its market, declined to sign",
// India signs or not, not the goods. It returns an empty span otherwise.
func relativeClauseBefore(s string, at int) (int, int) {
	closing := strings.LastIndexByte(s[:at], ',')
	if closing < 0 || len(strings.Fields(s[closing+1:at])) > 4 {
		return -1, -1
	}
	from := max(0, closing-220)
	opening := -1
	for _, rel := range []string{", which ", ", who "} {
		if j := strings.LastIndex(s[from:closing], rel); j >= 0 && from+j > opening {
			opening = from + j
		}
	}
	if opening < 0 {
		return -1, -1
	}
	return opening, closing
}

// betweenAfter finds "between X and Y" after a trigger (a signing "during a
// meeting between X and Y"), returning the offset after "between", or -1.
func betweenAfter(s string, from int) int {
	rest := s[from:min(len(s), from+120)]
	if j := strings.Index(rest, " between "); j >= 0 {
		return from + j + len(" between ")
	}
	return -1
}

// groupAfter collects the coordinated agents that start at offset from.
func groupAfter(s string, from int, ms []mention) []*kg.Entity {
	if from < 0 {
		return nil
	}
	var group []*kg.Entity
	prevEnd := -1
	owner := false // the last mention was a possessor whose body follows
	for i, m := range ms {
		if m.Start < from {
			continue
		}
		switch {
		case owner:
			owner = false
		case prevEnd < 0:
			if strings.TrimSpace(s[from:m.Start]) != "" && !reCoord.MatchString(" "+strings.TrimSpace(s[from:m.Start])+" ") && len(strings.Fields(s[from:m.Start])) > 1 {
				return nil
			}
			if namesAgreement(s, ms, i) {
				return nil // "the signing of the Norway–Poland accord": the accord is signed, not Norway
			}
		case !coordinated(reAside.ReplaceAllString(s[prevEnd:m.Start], "")):
			return group
		}
		if m.Possessor && (prevEnd < 0 || i+1 < len(ms) && ms[i+1].agentKind() && ms[i+1].Start-m.End <= 4) {
			// "the approval of Poland's Sejm", "by Chile's Senate and
			// Peru's Congress": the bodies act, not their states.
			owner = true
			continue
		}
		if !m.agentKind() {
			break
		}
		group = append(group, m.Entity)
		prevEnd = m.End
	}
	return group
}

// namesAgreement reports whether the states starting at mention i only
// modify an agreement noun after them ("the Norway–Poland accord", "the
// Norway treaty").
func namesAgreement(s string, ms []mention, i int) bool {
	for j := i; j+1 < len(ms) && ms[j].Kind == kg.KindState; j++ {
		if strings.Trim(s[ms[j].End:ms[j+1].Start], " -–—/") != "" {
			return false
		}
		if ms[j+1].Kind == kg.KindAgreement {
			return true
		}
	}
	return false
}

// reAside is a participial aside between two agents: "by the Council,
// acting by qualified majority, and by the Parliament".
var reAside = regexp.MustCompile(`^\s*,\s+\p{Ll}+ing\b[^,;]*`)

// coordinated reports whether the words between two agents join them:
// "and", a comma, "as well as". Titles and demonyms that open the second
// name ("… and Pakistani Prime Minister Shehbaz Sharif") are part of it.
func coordinated(gap string) bool {
	if reCoord.MatchString(gap) {
		return true
	}
	trimmed := reTitleTail.ReplaceAllString(gap, " ")
	return trimmed != gap && reCoord.MatchString(trimmed)
}

var reTitleTail = regexp.MustCompile(`(?:\s+(?:then-|former |ex-)?[\p{Lu}][\p{L}'’.-]*)+\s*$`)

// proposerFor reads "under/during Rouhani's presidency" for proposals whose
// grammar names no proposer.
func (a *analysis) proposerFor(s string, ms []mention) []*kg.Entity {
	for _, m := range ms {
		if m.agentKind() && m.Possessor && reUnderRef.MatchString(s[:m.Start]) {
			return []*kg.Entity{m.Entity}
		}
	}
	return nil
}

// objectFor finds the agreement acted on: the direct object of an active
// verb, the subject of a passive one, the complement of a nominalization;
// failing those, the agreement the text is about, unless the verb plainly
// takes some other object ("signed a decree").
func (a *analysis) objectFor(s string, t trigger, ms []mention, passive bool) *kg.Entity {
	ok := func(m mention) bool {
		if m.Entity == nil {
			return false
		}
		if replacedBy(s, m, t) {
			return false
		}
		if m.Kind == kg.KindAgreement {
			return true
		}
		// What a withdrawal leaves may be an organization, also when the
		// verb is its taking effect ("the U.S. withdrawal takes effect").
		leaving := t.Type == kg.EventWithdrew || t.Type == kg.EventEnteredIntoForce && m.End <= t.Start && exitNounBefore(s, t) >= 0
		return leaving && m.Kind == kg.KindInstitution && a.isOrganization(m.Entity)
	}
	if t.Type == kg.EventEnteredIntoForce && !t.Nominal {
		// Taking effect is intransitive: its agreement is the subject,
		// the first one the clause names outside a prepositional phrase
		// ("The CFE Treaty was signed by the members of NATO and the
		// Warsaw Pact and came into force in 1992").
		for _, m := range ms {
			if m.End > t.Start {
				break
			}
			if ok(m) && !nonAgentPreps[m.Prep] && !locativePreps[m.Prep] && m.Prep != "and" && !strings.ContainsAny(s[m.End:t.Start], ";") {
				return m.Entity
			}
		}
	}
	var before, after *kg.Entity
	for _, m := range ms {
		if !ok(m) {
			continue
		}
		if m.End <= t.Start {
			before = m.Entity
		} else if after == nil && m.Start >= t.End && m.Start-t.End < 160 && (t.Type != kg.EventWithdrew || directObject(s[t.End:m.Start])) {
			after = m.Entity
		}
	}
	reduced := passive && !reBeAux.MatchString(s[:t.Start])
	if t.Participle && reducedRelative(s, t) && !signsLaw(s, t, passive) {
		// "The order, signed in Oslo, revokes the treaty": what was signed
		// is the noun the participle follows, an agreement or not.
		comma := strings.LastIndexByte(s[:t.Start], ',')
		for _, m := range ms {
			if ok(m) && m.End == len(strings.TrimRight(s[:comma], " ")) {
				return m.Entity
			}
		}
		return nil
	}
	if !passive && rePronounObject.MatchString(s[t.End:]) && before != nil {
		return before // "unveiled the Windsor Framework, proposing it as a replacement for the Protocol"
	}
	if m := reNounAfter.FindStringSubmatch(s[t.End:]); after == nil && m != nil && strings.HasSuffix(s[:t.End], " the") && !isAgreementNoun(m[1]) {
		return nil // the verb's object is named, and is no agreement: "renounce the use of force"
	}
	switch {
	case passive && before != nil:
		return before
	case reduced && after == nil && t.Type == kg.EventSigned && signsLaw(s, t, passive) && reRatifyingLaw.MatchString(s[:t.Start]):
		return a.salient // "The ratification law, signed by Erdoğan on Thursday"
	case reduced && after == nil:
		return nil // "medicines approved by the regulator": the noun before is the object
	case after != nil:
		return after
	case before != nil:
		return before
	}
	if m := reAfterObj.FindStringSubmatch(s[t.End:]); m != nil && !isAgreementNoun(m[1]) && !(t.Type == kg.EventSigned && signsLaw(s, t, passive)) {
		return nil
	}
	if t.Type == kg.EventWithdrew || t.Type == kg.EventProposed && !strings.Contains(strings.ToLower(s), "idea") {
		return nil
	}
	return a.salient
}

var (
	reReplaces   = regexp.MustCompile(`(?i)\b(?:replac(?:e|es|ed|ing)|supersed(?:e|es|ed|ing)|successor to|replacement (?:for|of)|in place of|instead of)\s+(?:the\s+)?$`)
	reRelPronoun = regexp.MustCompile(`(?i)(?:,\s*|\b)(?:which|that|whom)\b`)
)

// replacedBy reports an agreement named as the one being replaced: in "the
// idea of a new pact to replace the 1990 treaty first arose in 2019" the
// idea is the new pact's. A relative clause after it ("replaces the 1990
// treaty, which both states signed") is about it again.
func replacedBy(s string, m mention, t trigger) bool {
	if !reReplaces.MatchString(s[max(0, m.Start-40):m.Start]) {
		return false
	}
	return m.End > t.Start || !reRelPronoun.MatchString(s[m.End:t.Start])
}

// directObject reports whether the words between a verb of leaving and a
// name leave the name its object: "renounce the use of force and ask the
// OSCE" renounces force, not the OSCE, while "quit the 1987 treaty"
// quits the treaty.
func directObject(gap string) bool {
	return len(strings.Fields(gap)) <= 4 && !strings.ContainsAny(gap, ",;:")
}

func isAgreementNoun(w string) bool {
	switch strings.ToLower(w) {
	case "treaty", "agreement", "deal", "pact", "accord", "accords", "partnership", "document", "convention", "protocol",
		"charter", "framework", "new", "landmark", "historic", "comprehensive", "strategic", "long-term", "bilateral":
		return true
	}
	return reNYear.MatchString(w) || strings.HasSuffix(w, "-year")
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
