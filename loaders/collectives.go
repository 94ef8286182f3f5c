package loaders

import (
	"regexp"
	"strings"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loaders/gazetteer"
)

var (
	// reAllies is the alliance's members taken together: "the allies are
	// expected to sign", "signed by the allies", "the 29 allies".
	reAllies = regexp.MustCompile(`\b[Tt]he (?:\d+ |[a-z]+ )?allies\b`)
	reMEPs   = regexp.MustCompile(`\bMEPs\b`)
)

// groupBodies reads plural names for a body's members as the body: "MEPs"
// are the European Parliament, and "the allies", in a story that names
// NATO, are NATO ("its allies" and "NATO allies" are some state's
// partners, not the alliance acting).
func (a *analysis) groupBodies(s string, covered []bool, add func(mention)) {
	g := getMatcher().gaz
	if strings.Contains(s, "MEPs") {
		if loc := reMEPs.FindStringIndex(s); loc != nil && !covered[loc[0]] {
			if in, ok := g.InstitutionByName("European Parliament"); ok {
				add(mention{Start: loc[0], End: loc[1], Kind: kg.KindInstitution, Form: "group", Entity: a.institutionEntity(in, "MEPs")})
			}
		}
	}
	if !strings.Contains(s, "allies") {
		return
	}
	nato, ok := g.InstitutionByName("NATO")
	if !ok || a.entities[kg.EntityID(kg.KindInstitution, nato.Name)] == nil {
		return
	}
	for _, loc := range reAllies.FindAllStringIndex(s, -1) {
		if !covered[loc[0]] {
			add(mention{Start: loc[0], End: loc[1], Kind: kg.KindInstitution, Form: "group", Entity: a.institutionEntity(nato, "")})
		}
	}
}

var (
	// reMembersAfter follows a body named for some of its members: "Ten
	// EU member states", "several NATO allies".
	reMembersAfter  = regexp.MustCompile(`^\s+(?:member\s+)?(?:states|countries|governments|nations|members|allies|capitals)\b`)
	reQuantifierEnd = regexp.MustCompile(`(?i)(?:\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|some|many|most|few|a few|other|its|their|his|her)\s+)$`)
	// reMeetingOf names the body where members act together: "EU
	// governments are expected to give the green light at a meeting of
	// the Council of the European Union".
	reMeetingOf = regexp.MustCompile(`(?i)\b(?:at|during) a (?:\w+ )?meeting of (?:the )?$`)
)

// memberAgents rewrites agents that are a body named for its members: some
// members are not the body, and members meeting in a council act as it.
func (a *analysis) memberAgents(s string, t trigger, ms []mention, agents []*kg.Entity) []*kg.Entity {
	var out []*kg.Entity
	for _, ag := range agents {
		m, ok := mentionOf(ms, ag)
		if !ok || m.Kind != kg.KindInstitution || !reMembersAfter.MatchString(s[m.End:]) {
			out = append(out, ag)
			continue
		}
		if reQuantifierEnd.MatchString(s[:m.Start]) {
			continue // "Ten EU member states have yet to ratify": not the EU
		}
		if council := meetingBody(s, t, ms, ag); council != nil {
			ag = council
		}
		out = append(out, ag)
	}
	return out
}

// meetingBody is the institution under body whose meeting the clause after
// the trigger names, or nil.
func meetingBody(s string, t trigger, ms []mention, body *kg.Entity) *kg.Entity {
	g := getMatcher().gaz
	for _, m := range ms {
		if m.Start < t.End || m.Kind != kg.KindInstitution || m.Entity == nil || !reMeetingOf.MatchString(s[max(t.End, m.Start-40):m.Start]) {
			continue
		}
		if in, ok := g.InstitutionByName(m.Entity.Name); ok && gazetteer.Fold(in.Parent) == gazetteer.Fold(body.Name) {
			return m.Entity
		}
	}
	return nil
}

func mentionOf(ms []mention, e *kg.Entity) (mention, bool) {
	for _, m := range ms {
		if m.Entity == e {
			return m, true
		}
	}
	return mention{}, false
}

var (
	// reListHead is a relative clause on a class whose members the
	// sentence lists after the verb: "Among the states that have ratified
	// it are ...".
	reListHead = regexp.MustCompile(`(?i)\b(?:states|countries|nations|members|parties|governments|those)\s+(?:that|which|who)\s+(?:have\s+|has\s+|had\s+)?(?:already\s+|also\s+)?$`)
	reListVerb = regexp.MustCompile(`^(?:\s+(?:it|them|the\s+[\w-]+(?:\s+[\w-]+){0,4}?))?\s+(?:are|were|include|included|includes)\s+`)
)

// listedAfter is the offset of the agents a trigger in such a relative
// clause lists after "are" or "include", or -1.
func listedAfter(s string, t trigger) int {
	before := s[max(0, t.Start-60):t.Start]
	if !strings.Contains(before, "that") && !strings.Contains(before, "which") && !strings.Contains(before, "who") || !reListHead.MatchString(before) {
		return -1
	}
	if loc := reListVerb.FindStringIndex(s[t.End:]); loc != nil {
		return t.End + loc[1]
	}
	return -1
}

var (
	reWeSubject  = regexp.MustCompile(`(?:^|["“‘]\s*|,\s+)[Ww]e\s+(?:\w+\s+){0,3}$`)
	reQuoteClose = regexp.MustCompile(`["”’],?\s+`)
)

// speakersState reads "We" in a quote as the speaker's state: in "'We are
// not withdrawing from the treaty,' Deputy Foreign Minister Sergei Ryabkov
// told lawmakers", Russia, the speaker's state or, when the speaker's is
// unknown, the state the story names first.
func (a *analysis) speakersState(s string, t trigger, ms []mention) *kg.Entity {
	if !reWeSubject.MatchString(s[max(0, t.Start-40):t.Start]) {
		return nil
	}
	loc := reQuoteClose.FindStringIndex(s[t.End:])
	if loc == nil {
		return nil
	}
	country := ""
	for _, id := range a.order {
		if e := a.entities[id]; e.Country != "" && e.Kind != kg.KindPlace {
			country = e.Country // the story's first state is what it is about
			break
		}
	}
	for _, m := range ms {
		if m.Start >= t.End+loc[1] && m.Kind == kg.KindPerson && m.Country != "" {
			country = m.Country
			break
		}
	}
	st, ok := getMatcher().gaz.StateByCode(country)
	if !ok {
		return nil
	}
	return a.stateEntity(st, "")
}
