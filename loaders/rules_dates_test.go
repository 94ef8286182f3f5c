package loaders

import (
	"github.com/newsgraph/kg"
	"strings"
	"testing"
)

// datedFacts renders an extraction as "TYPE agent>object date precision"
// lines: the date rules are judged on the date and how sure of it the
// text is.
func datedFacts(t *testing.T, text string) []string {
	return factLines(t, text, func(e kg.Event, agent, object string) string {
		return strings.Join([]string{string(e.Type), agent + ">" + object, e.Date.Value, string(e.Date.Precision)}, " ")
	})
}

// Each case is a short article of our own that dates its facts the way
// wire copy does; the want lists every fact, in the order extracted.
func TestDateRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"a page date with its time zone in brackets", "2021-04-06 17:35 (GMT+7)\n\nStorting backs Arctic treaty\n\nOSLO – Norway's Storting on Monday ratified the Treaty on Arctic Cooperation.",
			[]string{"RATIFIED Storting>Treaty on Arctic Cooperation 2021-04-05 day"}},
		{"a page date with dots, then its time", "14.04.2021 | 09:12\n\nStorting backs Arctic treaty\n\nOSLO – Norway's Storting on Monday ratified the Treaty on Arctic Cooperation.",
			[]string{"RATIFIED Storting>Treaty on Arctic Cooperation 2021-04-12 day"}},
		{"a page date year first", "2021/04/14\n\nStorting backs Arctic treaty\n\nOSLO – Norway's Storting on Monday ratified the Treaty on Arctic Cooperation.",
			[]string{"RATIFIED Storting>Treaty on Arctic Cooperation 2021-04-12 day"}},
		{"a day earlier counts from the event just told", "Published: March 8, 2024\n\nThe Storting on Thursday approved the Treaty on Arctic Cooperation. All members voted in favour. Poland's Sejm had approved it a day earlier.",
			[]string{"APPROVED Storting>Treaty on Arctic Cooperation 2024-03-07 day", "APPROVED Sejm>Treaty on Arctic Cooperation 2024-03-06 day"}},
		{"two days later counts from the event just told", "Published: March 28, 2024\n\nThe Storting approved the Treaty on Arctic Cooperation on March 4. Poland's Sejm approved it two days later.",
			[]string{"APPROVED Storting>Treaty on Arctic Cooperation 2024-03-04 day", "APPROVED Sejm>Treaty on Arctic Cooperation 2024-03-06 day"}},
		{"earlier in the week", "Published: March 8, 2024\n\nChile and Peru ratified the Treaty on Pacific Fisheries earlier in the week.",
			[]string{"RATIFIED Chile>Treaty on Pacific Fisheries 2024-03-04/2024-03-10 week", "RATIFIED Peru>Treaty on Pacific Fisheries 2024-03-04/2024-03-10 week"}},
		{"before the end of that year", "Published: March 8, 2024\n\nThe Treaty on Pacific Fisheries was signed in Lima in May 1981. The Storting ratified it before the end of that year.",
			[]string{"SIGNED >Treaty on Pacific Fisheries 1981-05 month", "RATIFIED Storting>Treaty on Pacific Fisheries 1981 year"}},
		{"later that year, in the same sentence", "Published: March 8, 2024\n\nThe Treaty on Pacific Fisheries was signed in Lima in May 1981 and took effect later that year.",
			[]string{"SIGNED >Treaty on Pacific Fisheries 1981-05 month", "ENTERED_INTO_FORCE >Treaty on Pacific Fisheries 1981 year"}},
		{"a state's ratification in a year restates its parliament's vote", "Published: March 8, 2024\n\nPoland's Sejm approved the Treaty on Arctic Cooperation on April 7, 2023. The treaty, ratified by Poland in 2023, was published in the official journal.",
			[]string{"APPROVED Sejm>Treaty on Arctic Cooperation 2023-04-07 day"}},
		{"days counted back from the sentence's own day", "Published: January 22, 2021\n\nGENEVA - The Treaty on Arctic Cooperation entered into force on Friday, 90 days after Chile became the 50th country to ratify it.",
			[]string{"ENTERED_INTO_FORCE >Treaty on Arctic Cooperation 2021-01-22 day", "RATIFIED Chile>Treaty on Arctic Cooperation 2020-10-24 day"}},
		{"a date after the saying that closes the sentence", "Published: October 25, 2020\n\nChile has ratified the Treaty on Arctic Cooperation, the United Nations said on Saturday.",
			[]string{"RATIFIED Chile>Treaty on Arctic Cooperation ../2020-10-24 on-or-before"}},
		{"a claim this week of a past act, by the time of writing", "Published: October 21, 2020\n\nPeruvian media claimed this week that Chile had already signed the Treaty on Arctic Cooperation.",
			[]string{"SIGNED Chile>Treaty on Arctic Cooperation ../2020-10-21 on-or-before"}},
		{"a relative day restated in apposition", "Published: October 18, 2023\n\nThe Storting met on Tuesday. Norway signed the Treaty on Arctic Cooperation on the same day as Sweden, May 4, 1996.",
			[]string{"SIGNED Norway>Treaty on Arctic Cooperation 1996-05-04 day"}},
		{"a month without a year, after a dated act", "Published: March 28, 2020\n\nThe Treaty on Arctic Cooperation was signed in Oslo in February last year, after the Storting approved it in January.",
			[]string{"SIGNED >Treaty on Arctic Cooperation 2019-02 month", "APPROVED Storting>Treaty on Arctic Cooperation 2019-01 month"}},
		{"a month without a year, the story moving forward", "Published: March 28, 2022\n\nThe Treaty on Arctic Cooperation was signed in Oslo in December 2019 and entered into force in January.",
			[]string{"SIGNED >Treaty on Arctic Cooperation 2019-12 month", "ENTERED_INTO_FORCE >Treaty on Arctic Cooperation 2020-01 month"}},
		{"a month after a relative clause counts from publication", "Published: October 12, 2023\n\nThe Treaty on Arctic Cooperation, which Norway signed in January last year, came into force in August.",
			[]string{"SIGNED Norway>Treaty on Arctic Cooperation 2022-01 month", "ENTERED_INTO_FORCE >Treaty on Arctic Cooperation 2023-08 month"}},
		{"a month of that year", "Published: July 10, 2018\n\nThe Treaty on Arctic Cooperation was signed in December 2000. An earlier deal, the Baltic Accord, had been signed in Oslo in June of that year.",
			[]string{"SIGNED >Treaty on Arctic Cooperation 2000-12 month", "SIGNED >Baltic Accord 2000-06 month"}},
		{"the ceremony dated a few paragraphs on", "OSLO – Norway and Sweden signed the Treaty on Arctic Cooperation in Oslo on Saturday.\n\nFinnish President Anna Berg attended the ceremony but did not sign the document. Finland is not a party.\n\nThe ceremony on Feb. 29 followed months of talks.",
			[]string{"SIGNED Norway>Treaty on Arctic Cooperation --02-29 day-of-year-unknown", "SIGNED Sweden>Treaty on Arctic Cooperation --02-29 day-of-year-unknown", "SIGNED Anna Berg>Treaty on Arctic Cooperation --02-29 day-of-year-unknown"}},
	}, datedFacts)
}
