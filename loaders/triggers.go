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
}

func rule(name string, typ kg.EventType, pattern string, nominal, participle, weak bool) triggerRule {
	return triggerRule{re: regexp.MustCompile(pattern), typ: typ, nominal: nominal, partic: participle, weak: weak, name: name}
}

// triggerRules are ordered: where two overlap, the first wins.
var triggerRules = []triggerRule{
	rule("eif-idiom", kg.EventEnteredIntoForce, `(?i)\b(?:came|come|comes|coming|entered|enter|enters|entering|went|go|goes|going|put|brought) into (?:force|effect)\b|\b(?:took|take|takes|taking) effect\b|\bbecame effective\b|\bin (?:force|effect) since\b|\bentry into force\b|\bentered force\b`, false, false, false),
	rule("join", kg.EventEnteredIntoForce, `(?i)\bjoin(?:s|ed|ing)?\b`, false, false, false),
	rule("withdraw", kg.EventWithdrew, `(?i)\b(?:withdrew|withdraws|withdraw|withdrawn|withdrawing) (?:(?:[\w.]+ ){1,3})?from\b|\bpull(?:ed|s|ing)? (?:(?:[\w.]+ ){1,3})?out of\b|\bpull(?:ed|s|ing)? (?:the )?(?:country|nation|(?-i:[A-Z][\w.]*(?: [A-Z][\w.]*)?)) out\b|\bfollow(?:ed|s|ing)? (?:(?:[\w.]+ ){1,3})?out of\b|\b(?:walk(?:ed|s|ing)?|back(?:ed|s|ing)?) (?:away )?(?:out )?from\b|\b(?:abandon(?:ed|s|ing)?|renounc(?:e|ed|es|ing)|ditch(?:ed|es|ing)?|scrap(?:ped|s|ping)?) the\b|\b(?:quit|quits|quitting|exited|exits|exit|left|leaves|leave|leaving) the\b`, false, false, false),
	rule("withdrawal", kg.EventWithdrew, `(?i)\b(?:withdrawal|exit|departure) from\b`, true, false, false),
	rule("ratify", kg.EventRatified, `(?i)\bratif(?:y|ies|ying)\b`, false, false, false),
	rule("ratified", kg.EventRatified, `(?i)\bratified\b`, false, true, false),
	rule("ratification", kg.EventRatified, `(?i)\bratification\b`, true, false, false),
	rule("approve", kg.EventApproved, `(?i)\bapprov(?:e|es|ing)\b|\bendors(?:e|es|ing)\b|\brubber[- ]stamp(?:s|ing)?\b|\bgreen[- ]?light(?:s|ing)?\b|\bvot(?:ed|es|e|ing) (?:overwhelmingly |unanimously )?(?:to approve|in favou?r of|for)\b|\bsign(?:ed|s)? off on\b`, false, false, false),
	rule("approved", kg.EventApproved, `(?i)\bapproved\b|\bendorsed\b|\brubber[- ]stamped\b|\bgreen[- ]?lit\b|\bgreen[- ]?lighted\b`, false, true, false),
	rule("adopted", kg.EventApproved, `(?i)\badopted\b`, false, true, false),
	rule("cleared", kg.EventApproved, `(?i)\bclear(?:s|ed|ing)?\b`, false, false, false),
	rule("assent", kg.EventApproved, `(?i)\b(?:gave|give|gives|giving|given|granted|grant|grants) (?:(?:its|their|his|her|the) )?(?:final |formal |unanimous )?(?:assent|approval|consent|backing|green light|blessing|nod)\b`, false, false, false),
	rule("approval", kg.EventApproved, `(?i)\bapproval\b|\bendorsement\b`, true, false, false),
	rule("signing", kg.EventSigned, `(?i)\bsigning\b|\bsignature of\b`, true, false, false),
	rule("sign-idiom", kg.EventSigned, `(?i)\bput (?:their|its|his|her) signatures? (?:to|on)\b`, false, false, false),
	rule("sign", kg.EventSigned, `(?i)\bsigns?\b|\binks?\b`, false, false, false),
	rule("signed", kg.EventSigned, `(?i)\bsigned\b|\binked\b|\bsealed\b`, false, true, false),
	rule("finalize", kg.EventSigned, `(?i)\bfinali[sz](?:e|es|ed|ing)\b`, false, true, true),
	rule("propose", kg.EventProposed, `(?i)\bpropos(?:e|es|ed|ing)\b|\bput forward\b|\bfloated\b|\bfirst (?:arose|emerged|surfaced)\b|\bunveil(?:ed|s|ing)?\b|\b(?:arose|emerged)\b`, false, false, false),
	rule("proposal", kg.EventProposed, `(?i)\bproposal (?:for|of)\b|\bidea (?:of|for)\b`, true, false, false),
}

// findTriggers returns the triggers in s, left to right, without overlaps.
func findTriggers(s string) []trigger {
	var out []trigger
	taken := make([]bool, len(s)+1)
	f := foldASCII(s)
	for _, r := range triggerRules {
		for _, loc := range findAllIndex(r.re, s, f) {
			if taken[loc[0]] || taken[loc[1]-1] {
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
