package loaders

import (
	"regexp"

	"github.com/newsgraph/kg"
)

// trigger is a word or idiom that reports an event of one type.
type trigger struct {
	Start, End int
	Type       kg.EventType
	// Nominal triggers ("approval", "signing") take their agent from a
	// possessor or a by-phrase rather than a subject.
	Nominal bool
	// Participle forms ("signed", "ratified") may be passive.
	Participle bool
	// Weak triggers ("finalized") yield to any other trigger in the sentence.
	Weak bool
	Rule string
}

type triggerRule struct {
	re                    *regexp.Regexp
	typ                   kg.EventType
	nominal, partic, weak bool
	name                  string
	// keep, when set, accepts or refuses a match by its context.
	keep func(s string, start, end int) bool
}

func rule(name string, typ kg.EventType, pattern string, nominal, participle, weak bool) triggerRule {
	return triggerRule{re: regexp.MustCompile(pattern), typ: typ, nominal: nominal, partic: participle, weak: weak, name: name}
}

func (r triggerRule) when(keep func(s string, start, end int) bool) triggerRule {
	r.keep = keep
	return r
}

var (
	// rePurposeBefore ends a purpose or a requirement: "the amendment
	// needed to put the agreement into effect", "the threshold needed for
	// the treaty to take effect" report no entry into force.
	rePurposeBefore = regexp.MustCompile(`(?i)\b(?:needed|required|necessary|in order|so as)\s+(?:for\s+[^,;]{1,50}?\s+)?to\s+$`)
	// reByVote is a tally after "backed": "backed the accord by 130 votes
	// to none", "backed it in a vote", not support in words.
	reByVote    = regexp.MustCompile(`^\s+[^,;.]{0,80}?\s+(?:by\s+(?:a\s+vote\s+of\s+)?\d[\d,]*(?:\s+votes?)?\s*(?:to|-|–)\s*(?:\d|none|nil|zero)|in\s+a\s+(?:\w+\s+)?vote\b|unanimously\b)`)
	reNameAfter = regexp.MustCompile(`^ \p{Lu}`)
)

var (
	// reEnablingLaw is a law passed to carry out an agreement: "passed
	// the constitutional amendment needed to put the agreement into
	// effect", "passed a bill ratifying the treaty" (not "a law revoking").
	reEnablingLaw = regexp.MustCompile(`(?i)^\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:bill|amendment|law|legislation|act)\s+(?:(?:that is |which is )?(?:needed|required|necessary)\s+)?(?:to\s+(?:ratify|approve|implement|put|bring|enact|give effect)|ratifying|approving|implementing|on\s+(?:the\s+)?ratification)\b`)
	// reRejectedThing is what one rejects without rejecting an
	// agreement: a claim, a charge, a call.
	reRejectedThing = regexp.MustCompile(`(?i)^\s+(?:the\s+|a\s+|an\s+|these\s+|those\s+|such\s+)?(?:claims?|reports?|charges?|accusations?|allegations?|suggestions?|calls?|criticism|idea|notion|requests?|offers?|demands?|appeals?|pleas?|bids?|proposals?|assertions?|that)\b`)
)

func passesEnabling(s string, _, end int) bool { return reEnablingLaw.MatchString(s[end:]) }

// reThingRejected ends "a charge Stockholm rejects", "accusations the
// Russian government rejects".
var reThingRejected = regexp.MustCompile(`(?i)\b(?:claims?|reports?|charges?|accusations?|allegations?|suggestions?|criticism|assertions?)\s+(?:(?:that\s+)?[\w'’.-]+\s+){0,4}$`)

func notRejectingWords(s string, start, end int) bool {
	return !reRejectedThing.MatchString(s[end:]) && !reThingRejected.MatchString(s[max(0, start-60):start])
}

func notPurpose(s string, start, _ int) bool {
	return !rePurposeBefore.MatchString(s[max(0, start-80):start])
}

func byVote(s string, _, end int) bool { return reByVote.MatchString(s[end:]) }

func nameAfter(s string, _, end int) bool { return reNameAfter.MatchString(s[end:]) }

// triggerRules are ordered: where two overlap, the first wins.
var triggerRules = []triggerRule{
	rule("deposit", kg.EventRatified, `(?i)\bdeposit(?:ed|s|ing)? (?:its|their|his|her|the) instruments? of (?:ratification|accession|acceptance|approval)\b`, false, false, false),
	rule("eif-idiom", kg.EventEnteredIntoForce, `(?i)\b(?:came|come|comes|coming|entered|enter|enters|entering|went|go|goes|going|put|brought) into (?:force|effect)\b|\b(?:took|take|takes|taking|taken) effect\b|\bbecame effective\b|\bin (?:force|effect) since\b|\bentry into force\b|\bentered force\b`, false, false, false).when(notPurpose),
	// "which will bring the agreement into force": the object stands
	// inside the idiom.
	rule("bring-into-force", kg.EventEnteredIntoForce, `(?i)\b(?:bring|brings|bringing|brought|put|puts|putting) (?:it|them|the [\w–-]+(?: [\w–-]+){0,6}?) into (?:force|effect)\b`, false, false, false).when(notPurpose),
	rule("join", kg.EventEnteredIntoForce, `(?i)\bjoin(?:s|ed|ing)?\b`, false, false, false),
	rule("withdraw", kg.EventWithdrew, `(?i)\b(?:withdrew|withdraws|withdraw|withdrawn|withdrawing) (?:(?:[\w.]+ ){1,3})?from\b|\bpull(?:ed|s|ing)? (?:(?:[\w.]+ ){1,3})?out of\b|\bpull(?:ed|s|ing)? (?:the )?(?:country|nation|(?-i:[A-Z][\w.]*(?: [A-Z][\w.]*)?)) out\b|\bfollow(?:ed|s|ing)? (?:(?:[\w.]+ ){1,3})?out of\b|\b(?:walk(?:ed|s|ing)?|back(?:ed|s|ing)?) (?:away )?(?:out )?from\b|\b(?:abandon(?:ed|s|ing)?|renounc(?:e|ed|es|ing)|ditch(?:ed|es|ing)?|scrap(?:ped|s|ping)?) the\b|\b(?:quit|quits|quitting|exited|exits|exit|left|leaves|leave|leaving) the\b`, false, false, false),
	rule("leave-name", kg.EventWithdrew, `(?i)\b(?:quit|quits|quitting|exited|exits|exit|leaves|leave|leaving)\b`, false, false, false).when(nameAfter),
	rule("withdrawal", kg.EventWithdrew, `(?i)\b(?:withdrawal|exit|departure) from\b`, true, false, false),
	rule("ratify", kg.EventRatified, `(?i)\bratif(?:y|ies|ying)\b`, false, false, false),
	rule("ratified", kg.EventRatified, `(?i)\bratified\b`, false, true, false),
	rule("ratification", kg.EventRatified, `(?i)\bratification\b`, true, false, false),
	rule("approve", kg.EventApproved, `(?i)\bapprov(?:e|es|ing)\b|\bendors(?:e|es|ing)\b|\brubber[- ]stamp(?:s|ing)?\b|\bgreen[- ]?light(?:s|ing)?\b|\bvot(?:ed|es|e|ing) (?:overwhelmingly |unanimously )?(?:to approve|in favou?r of|for)\b|\bsign(?:ed|s)? off on\b`, false, false, false),
	rule("approved", kg.EventApproved, `(?i)\bapproved\b|\bendorsed\b|\brubber[- ]stamped\b|\bgreen[- ]?lit\b|\bgreen[- ]?lighted\b`, false, true, false),
	rule("adopted", kg.EventApproved, `(?i)\badopted\b`, false, true, false),
	rule("cleared", kg.EventApproved, `(?i)\bclear(?:s|ed|ing)?\b`, false, false, false),
	rule("backed", kg.EventApproved, `(?i)\bback(?:ed|s|ing)\b`, false, false, false).when(byVote),
	rule("voted-for", kg.EventApproved, `(?i)\bvoted (?:overwhelmingly |unanimously )?in favou?r\b`, false, false, false),
	rule("passed-bill", kg.EventApproved, `(?i)\b(?:passed|passes|pass|passing)\b`, false, false, false).when(passesEnabling),
	// "rejected by voters", "voted it down": a negated act, of the kind
	// the sentence told before, else an approval.
	rule("reject", kg.EventApproved, `(?i)\breject(?:ed|s|ing)?\b|\bvot(?:ed|es|e|ing) (?:it|them|the [\w-]+(?: [\w-]+){0,3}?) down\b|\bvot(?:ed|es|e|ing) down\b`, false, true, false).when(notRejectingWords),
	rule("assent", kg.EventApproved, `(?i)\b(?:gave|give|gives|giving|given|granted|grant|grants) (?:(?:its|their|his|her|the) )?(?:final |formal |unanimous )?(?:assent|approval|consent|backing|green light|blessing|nod)\b`, false, false, false),
	rule("approval", kg.EventApproved, `(?i)\bapproval\b|\bendorsement\b`, true, false, false),
	// "agreed in Brussels, again without signatures": nobody signed.
	rule("unsigned", kg.EventSigned, `(?i)\bwithout (?:any |their |a )?signatures?\b`, false, false, false),
	rule("signing", kg.EventSigned, `(?i)\bsigning\b|\bsignature of\b`, true, false, false),
	rule("sign-idiom", kg.EventSigned, `(?i)\bput (?:their|its|his|her) signatures? (?:to|on)\b`, false, false, false),
	rule("sign", kg.EventSigned, `(?i)\bsigns?\b|\binks?\b`, false, false, false),
	rule("signed", kg.EventSigned, `(?i)\bsigned\b|\binked\b|\bsealed\b`, false, true, false),
	rule("finalize", kg.EventSigned, `(?i)\bfinali[sz](?:e|es|ed|ing)\b`, false, true, true),
	rule("proposed", kg.EventProposed, `(?i)\bproposed\b`, false, true, false),
	rule("propose", kg.EventProposed, `(?i)\bpropos(?:e|es|ing)\b|\bput forward\b|\bfloated\b|\bfirst (?:arose|emerged|surfaced)\b|\bunveil(?:ed|s|ing)?\b|\b(?:arose|emerged)\b`, false, false, false),
	rule("proposal", kg.EventProposed, `(?i)\bproposal (?:for|of)\b|\bidea (?:of|for)\b`, true, false, false),
}

// findTriggers returns the triggers in s, left to right, without overlaps.
func findTriggers(s string) []trigger {
	var out []trigger
	taken := make([]bool, len(s)+1)
	f := foldASCII(s)
	for _, r := range triggerRules {
		for _, loc := range findAllIndex(r.re, s, f) {
			if taken[loc[0]] || taken[loc[1]-1] || r.keep != nil && !r.keep(s, loc[0], loc[1]) {
				continue
			}
			for i := loc[0]; i < loc[1]; i++ {
				taken[i] = true
			}
			out = append(out, trigger{Start: loc[0], End: loc[1], Type: r.typ, Nominal: r.nominal, Participle: r.partic, Weak: r.weak, Rule: r.name})
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Start < out[j-1].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	strong := false
	for _, t := range out {
		strong = strong || !t.Weak
	}
	if strong {
		kept := out[:0]
		for _, t := range out {
			if !t.Weak {
				kept = append(kept, t)
			}
		}
		out = kept
	}
	return out
}
