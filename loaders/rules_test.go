package loaders

import (
	"github.com/newsgraph/kg"
	"slices"
	"strings"
	"testing"
)

// factLines renders an extraction as one line per agent and object, in
// the form line gives, so that a test reads like an annotation.
func factLines(t *testing.T, text string, line func(e kg.Event, agent, object string) string) []string {
	t.Helper()
	x, err := Extract(Input{Name: "t.txt", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, e := range x.Entities {
		names[e.ID] = e.Name
	}
	var out []string
	for _, e := range x.Events {
		agents := e.Agents()
		if len(agents) == 0 {
			agents = []string{""}
		}
		for _, ag := range agents {
			for _, ob := range e.Objects() {
				out = append(out, line(e, names[ag], names[ob]))
			}
		}
	}
	return out
}

// facts renders an extraction as "TYPE status agent>object date" lines.
func facts(t *testing.T, text string) []string {
	return factLines(t, text, func(e kg.Event, agent, object string) string {
		return strings.Join([]string{string(e.Type), string(e.Status), agent + ">" + object, e.Date.Value}, " ")
	})
}

// ruleCase is a short invented article and every fact it must yield.
type ruleCase struct {
	name, text string
	want       []string
}

// runRuleCases checks that each case yields exactly its facts, each as
// many times as wanted, in any order.
func runRuleCases(t *testing.T, cases []ruleCase, render func(*testing.T, string) []string) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, tc.text)
			slices.Sort(got)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		})
	}
}

// Each case is a short article of our own, written to exercise one rule the
// way wire copy phrases it.
func TestRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"assent idiom", "Published: March 3, 2024\n\nThe Senate of Ruritania approved nothing. Turkey's parliament gave its assent to the Treaty of Lausanne Revision on Tuesday.",
			[]string{"APPROVED occurred Grand National Assembly of Turkey>Treaty of Lausanne Revision 2024-02-27"}},
		{"venue is not part of the name", "Published: March 3, 2024\n\nRussia and Norway signed the Treaty on Arctic Cooperation in Moscow on Monday.",
			[]string{"SIGNED occurred Russia>Treaty on Arctic Cooperation 2024-02-26", "SIGNED occurred Norway>Treaty on Arctic Cooperation 2024-02-26"}},
		{"coordinated accessions", "Published: May 2, 2022\n\nFinland's bid to join NATO moved ahead. The U.S. Senate approved the membership of both Sweden and Finland on Tuesday.",
			[]string{"APPROVED occurred United States Senate>Accession of Sweden to NATO 2022-04-26", "APPROVED occurred United States Senate>Accession of Finland to NATO 2022-04-26"}},
		{"signing a law is approving", "Published: March 8, 2024\n\nHungary's parliament ratified Sweden's accession to NATO on Monday. President Tamás Sulyok signed the ratification law on Tuesday.",
			[]string{"RATIFIED occurred National Assembly of Hungary>Accession of Sweden to NATO 2024-03-04", "APPROVED occurred Tamás Sulyok>Accession of Sweden to NATO 2024-03-05"}},
		{"lower bound", "Published: January 10, 2020\n\nThe United States–Mexico–Canada Agreement could take effect as early as June 1, officials said.",
			[]string{"ENTERED_INTO_FORCE planned >United States–Mexico–Canada Agreement 2020-06-01/.."}},
		{"a withdrawal taking effect", "Published: June 2, 2017\n\nThe United States' withdrawal from the Paris Agreement will take effect on November 4, 2020.",
			[]string{"WITHDREW planned United States>Paris Agreement 2020-11-04"}},
		{"condition is not a report", "Published: July 23, 2025\n\nOnce signed, the India–UK trade agreement must still be ratified by the British parliament.",
			[]string{"RATIFIED planned Parliament of the United Kingdom>India–United Kingdom Comprehensive Economic and Trade Agreement "}},
		{"title of modifiers and a head", "Published: June 5, 2024\n\nBritain's Business and Trade Secretary Jane Holloway signed the Treaty on Arctic Cooperation on Monday.",
			[]string{"SIGNED occurred Jane Holloway>Treaty on Arctic Cooperation 2024-06-03"}},
		{"counterpart coordinates", "Published: June 5, 2024\n\nChilean Foreign Minister Ana Ruiz and her Peruvian counterpart, Luis Soto, signed the Treaty on Arctic Cooperation on Monday.",
			[]string{"SIGNED occurred Ana Ruiz>Treaty on Arctic Cooperation 2024-06-03", "SIGNED occurred Luis Soto>Treaty on Arctic Cooperation 2024-06-03"}},
		{"dateline cut by the sentence splitter", "05/06/2024 10:00\n\nNorway leaves Arctic treaty\n\nOSLO, June 5. /NTB/. Norway withdrew from the Treaty on Arctic Cooperation on Wednesday. The treaty was signed on March 4, 2019.",
			[]string{"WITHDREW occurred Norway>Treaty on Arctic Cooperation 2024-06-05", "SIGNED occurred >Treaty on Arctic Cooperation 2019-03-04"}},
		{"dated standfirst", "Norway Ratifies Arctic Treaty\n\nThe Treaty on Arctic Cooperation was signed in Oslo on March 4 by Norwegian Prime Minister Erik Lund and Swedish Prime Minister Anna Berg\n\nOSLO, June 5, 2024 - Norway's parliament ratified the treaty on Wednesday.",
			[]string{"SIGNED occurred Erik Lund>Treaty on Arctic Cooperation 2024-03-04", "SIGNED occurred Anna Berg>Treaty on Arctic Cooperation 2024-03-04",
				"RATIFIED occurred Storting>Treaty on Arctic Cooperation 2024-06-05"}},
		{"a side remark is not the topic", "Published: March 14, 2020\n\nThe Treaty on Arctic Cooperation, which replaces the Barents Fisheries Accord, has had a long road. Norway and Russia first signed the agreement on Nov. 30, 2018.",
			[]string{"SIGNED occurred Norway>Treaty on Arctic Cooperation 2018-11-30", "SIGNED occurred Russia>Treaty on Arctic Cooperation 2018-11-30"}},
		{"two events, a date each", "Published: December 5, 2024\n\nThe Treaty on Arctic Cooperation was rubber-stamped by the upper house of Poland's parliament early last month, after the lower house had approved it in October.",
			[]string{"APPROVED occurred Senate of Poland>Treaty on Arctic Cooperation 2024-11", "APPROVED occurred Sejm>Treaty on Arctic Cooperation 2024-10"}},
		{"followed repeats the act", "Published: March 3, 2011\n\nPoland's Sejm ratified the Treaty on Arctic Cooperation in December 2010, and the Storting followed in January 2011.",
			[]string{"RATIFIED occurred Sejm>Treaty on Arctic Cooperation 2010-12", "RATIFIED occurred Storting>Treaty on Arctic Cooperation 2011-01"}},
		{"a ratification law signed", "Published: June 8, 2024\n\nPoland's Sejm ratified the Treaty on Arctic Cooperation on Monday. The ratification law, signed by President Andrzej Duda on Thursday, was published the same evening.",
			[]string{"RATIFIED occurred Sejm>Treaty on Arctic Cooperation 2024-06-03", "APPROVED occurred Andrzej Duda>Treaty on Arctic Cooperation 2024-06-06"}},
		{"approval of two agents, needed", "Published: September 16, 2020\n\nThe Treaty on Arctic Cooperation still needs the approval of Poland's Sejm and of the Storting.",
			[]string{"APPROVED planned Sejm>Treaty on Arctic Cooperation ", "APPROVED planned Storting>Treaty on Arctic Cooperation "}},
		{"an agreement with a plural name", "Published: September 16, 2020\n\nThe Arctic Accords were signed by Norway and Poland on Tuesday. The Baltic Treaty was signed in 1999. The accords still need the approval of the Storting.",
			[]string{"SIGNED occurred Norway>Arctic Accords 2020-09-15", "SIGNED occurred Poland>Arctic Accords 2020-09-15", "SIGNED occurred >Baltic Treaty 1999", "APPROVED planned Storting>Arctic Accords "}},
		{"taking effect is the subject's", "Published: March 3, 2011\n\nThe Treaty on Arctic Cooperation was signed in Oslo on May 4, 2009, by the members of the Baltic Accord, and came into force in 2010.",
			[]string{"SIGNED occurred >Treaty on Arctic Cooperation 2009-05-04", "ENTERED_INTO_FORCE occurred >Treaty on Arctic Cooperation 2010"}},
		{"in force since", "Published: March 3, 2011\n\nThe Treaty on Arctic Cooperation, signed in Oslo in 1992 and in force since 2002, lets members share data.",
			[]string{"SIGNED occurred >Treaty on Arctic Cooperation 1992", "ENTERED_INTO_FORCE occurred >Treaty on Arctic Cooperation 2002"}},
		{"a relative clause between subject and verb", "Published: January 2, 2022\n\nNorway signed the Treaty on Arctic Cooperation on Monday. Sweden, which walked out of the talks in 2019 over fears that Polish ships would crowd its ports, declined to sign.",
			[]string{"SIGNED occurred Norway>Treaty on Arctic Cooperation 2021-12-27", "SIGNED negated Sweden>Treaty on Arctic Cooperation ../2022-01-02"}},
		{"a body named after an agreement", "Published: March 25, 2023\n\nThe Arctic Framework was formally adopted by Norway and Poland at a meeting of the Baltic Agreement Joint Committee on 24 March 2023, when their ministers signed off on it.",
			[]string{"APPROVED occurred Norway>Arctic Framework 2023-03-24", "APPROVED occurred Poland>Arctic Framework 2023-03-24"}},
		{"a pronoun object", "Published: March 1, 2023\n\nNorway unveiled the Arctic Framework on Monday, proposing it as a replacement for the Baltic Treaty.",
			[]string{"PROPOSED occurred Norway>Arctic Framework 2023-02-27"}},
		{"states naming an agreement", "Published: March 3, 2024\n\nThe Treaty on Arctic Cooperation was signed in Oslo on Monday. The signing of the Norway-Poland treaty drew protests.",
			[]string{"SIGNED occurred >Treaty on Arctic Cooperation 2024-02-26"}},
		{"the agreement replaced is not the one acted on", "Published: March 1, 2023\n\nNorway and Poland signed the Arctic Framework on Monday. The idea of a new pact to replace the Baltic Treaty first arose in 2019. The Arctic Framework replaces the Baltic Treaty, which Norway and Poland signed in 1990.",
			[]string{"SIGNED occurred Norway>Arctic Framework 2023-02-27", "SIGNED occurred Poland>Arctic Framework 2023-02-27", "PROPOSED occurred >Arctic Framework 2019",
				"SIGNED occurred Norway>Baltic Treaty 1990", "SIGNED occurred Poland>Baltic Treaty 1990"}},
		{"a will to act is no act", "Published: March 3, 2024\n\nThe Storting ratified the Treaty on Arctic Cooperation on Monday. Officials praised the political will to finalize the treaty. Sweden's efforts to swiftly ratify it have stalled.",
			[]string{"RATIFIED occurred Storting>Treaty on Arctic Cooperation 2024-02-26"}},
		{"a state's ratification restated after its chambers' votes", "Published: March 8, 2024\n\nPoland's Sejm approved the Treaty on Arctic Cooperation on Monday, and Poland's Senate gave its assent on Wednesday. The treaty, now ratified by Poland, was published in the official journal.",
			[]string{"APPROVED occurred Sejm>Treaty on Arctic Cooperation 2024-03-04", "APPROVED occurred Senate of Poland>Treaty on Arctic Cooperation 2024-03-06"}},
		{"an earliest date past an abbreviation", "Published: June 2, 2017\n\nThe United Kingdom will leave the Treaty on Arctic Cooperation. The earliest date the U.K. exit could take effect is March 1, 2019.",
			[]string{"WITHDREW planned United Kingdom>Treaty on Arctic Cooperation 2019-03-01/.."}},
		{"a participle after the first comma is a reduced relative", "Published: March 3, 2011\n\nThe decree, signed in Oslo on Monday, names the Treaty on Arctic Cooperation a priority. The Baltic Treaty, signed in 1999 to mark the end of the Arctic Accord, is still in force.",
			[]string{"SIGNED occurred >Baltic Treaty 1999"}},
		{"signing another paper", "Published: January 21, 2025\n\nPresident Anna Berg signed an executive order on Monday withdrawing Norway from the Treaty on Arctic Cooperation.",
			[]string{"WITHDREW occurred Anna Berg>Treaty on Arctic Cooperation 2025-01-20"}},
		{"a date in a clause of its own", "Published: May 9, 2018\n\nNorway's exit from the Treaty on Arctic Cooperation is its biggest break with its allies since Erik Lund took office last year.",
			[]string{"WITHDREW occurred Norway>Treaty on Arctic Cooperation ../2018-05-09"}},
		{"a condition with a modal", "Published: May 1, 2025\n\nPoland's Sejm must ratify the Treaty on Arctic Cooperation before it can enter into force; lawmakers are expected to vote on it next week.",
			[]string{"RATIFIED planned Sejm>Treaty on Arctic Cooperation 2025-05-05/2025-05-11"}},
		{"a plan overtaken", "Published: May 1, 2025\n\nThe Treaty on Arctic Cooperation had been due to be signed in Oslo on Feb. 28, but the ceremony was called off.",
			[]string{"SIGNED negated >Treaty on Arctic Cooperation 2025-02-28"}},
		{"a gerund with an object is a verb", "Published: May 1, 2025\n\nThe Treaty on Arctic Cooperation was ready, but Prime Minister Erik Lund went home without signing it.",
			[]string{"SIGNED negated Erik Lund>Treaty on Arctic Cooperation ../2025-05-01"}},
		{"the following day counts from the sentence's own day", "Published: July 23, 2025\n\nThe talks opened on July 2, 2025. Prime Minister Erik Lund arrives in Warsaw on Wednesday, and the Treaty on Arctic Cooperation is expected to be signed the following day by Lund and Foreign Minister Anna Nowak.",
			[]string{"SIGNED planned Erik Lund>Treaty on Arctic Cooperation 2025-07-24", "SIGNED planned Anna Nowak>Treaty on Arctic Cooperation 2025-07-24"}},
		{"the same day as a day without its year", "Published: March 1, 2024\n\nThe Treaty on Arctic Cooperation was ratified by Poland's Sejm. President Anna Nowak, who takes office on March 7, is expected to sign it the same day.",
			[]string{"RATIFIED occurred Sejm>Treaty on Arctic Cooperation ../2024-03-01", "SIGNED planned Anna Nowak>Treaty on Arctic Cooperation 2024-03-07"}},
		{"parties of a description from a coordinated pair", "Published: June 5, 2024\n\nTOKYO – The defence ministers of the Philippines and the United States signed a defense cooperation agreement on Monday, Japan's foreign ministry said.",
			[]string{"SIGNED occurred Philippines>Enhanced Defense Cooperation Agreement 2024-06-03", "SIGNED occurred United States>Enhanced Defense Cooperation Agreement 2024-06-03"}},
		{"a year before a truce dates the truce, not the story", "The defence ministers of the Philippines and the United States signed a defense agreement on Sunday, seventy years after the 1951 truce.",
			[]string{"SIGNED occurred Philippines>Enhanced Defense Cooperation Agreement ", "SIGNED occurred United States>Enhanced Defense Cooperation Agreement "}},
		{"a description's words name the pact", "India and Pakistan signed a peace declaration on Sunday.",
			[]string{"SIGNED occurred India>Lahore Declaration ", "SIGNED occurred Pakistan>Lahore Declaration "}},
		{"possessors in a by-phrase", "Published: June 5, 2024\n\nThe Treaty on Pacific Fisheries will have to be ratified by Poland's Sejm and Norway's Storting.",
			[]string{"RATIFIED planned Sejm>Treaty on Pacific Fisheries ", "RATIFIED planned Storting>Treaty on Pacific Fisheries "}},
		{"renouncing something else", "Published: June 5, 2024\n\nChile and Peru signed the Treaty on Pacific Fisheries on Monday and pledged to renounce the use of force and to ask the United Nations to send observers.",
			[]string{"SIGNED occurred Chile>Treaty on Pacific Fisheries 2024-06-03", "SIGNED occurred Peru>Treaty on Pacific Fisheries 2024-06-03"}},
		{"people in apposition to a role", "Published: June 5, 2024\n\nPolish Prime Minister Jan Nowak and the foreign ministers of Norway and Sweden, Erik Lund and Anna Berg, signed the Treaty on Arctic Cooperation on Monday.",
			[]string{"SIGNED occurred Jan Nowak>Treaty on Arctic Cooperation 2024-06-03", "SIGNED occurred Erik Lund>Treaty on Arctic Cooperation 2024-06-03", "SIGNED occurred Anna Berg>Treaty on Arctic Cooperation 2024-06-03"}},
		{"a witness signs at the same occasion", "Published: June 5, 2024\n\nNorway and Sweden signed the Treaty on Arctic Cooperation on Monday, with Finnish President Anna Berg signing as a witness.",
			[]string{"SIGNED occurred Norway>Treaty on Arctic Cooperation 2024-06-03", "SIGNED occurred Sweden>Treaty on Arctic Cooperation 2024-06-03", "SIGNED occurred Anna Berg>Treaty on Arctic Cooperation 2024-06-03"}},
		{"days counted from the event just told", "Published: June 8, 2024\n\nThe Treaty on Arctic Cooperation was signed by Norway on Thursday. It came two days after the Storting approved the treaty.",
			[]string{"SIGNED occurred Norway>Treaty on Arctic Cooperation 2024-06-06", "APPROVED occurred Storting>Treaty on Arctic Cooperation 2024-06-04"}},
		{"the same day as a date earlier in the sentence", "Published: March 1, 2024\n\nFinnish President Anna Berg, who takes office on March 5, is expected to sign the Treaty on Arctic Cooperation the same day.",
			[]string{"SIGNED planned Anna Berg>Treaty on Arctic Cooperation 2024-03-05"}},
		{"the day after the weekday of publication", "Published: July 23, 2025\n\nPolish Prime Minister Jan Nowak arrives in Oslo on Wednesday, and the Treaty on Arctic Cooperation is expected to be signed the following day.",
			[]string{"SIGNED planned >Treaty on Arctic Cooperation 2025-07-24"}},
		{"a year after notice is a rule, not a date", "Published: July 23, 2025\n\nUnder the Treaty on Arctic Cooperation, Norway's withdrawal takes effect one year after notice is given, in January 2026.",
			[]string{"WITHDREW planned Norway>Treaty on Arctic Cooperation 2026-01"}},
		{"states sign through their ministers", "Published: July 23, 2025\n\nNorway and Poland are set to sign the Treaty on Arctic Cooperation this week. The treaty is expected to be signed on Thursday by Trade Minister Erik Lund and Business Secretary Anna Berg.",
			[]string{"SIGNED planned Norway>Treaty on Arctic Cooperation 2025-07-24", "SIGNED planned Poland>Treaty on Arctic Cooperation 2025-07-24", "SIGNED planned Erik Lund>Treaty on Arctic Cooperation 2025-07-24", "SIGNED planned Anna Berg>Treaty on Arctic Cooperation 2025-07-24"}},
		{"an organization as a party before a description", "Published: May 16, 2025\n\nThe Iran–EAEU free trade agreement took effect on Thursday.",
			[]string{"ENTERED_INTO_FORCE occurred >Iran–Eurasian Economic Union Free Trade Agreement 2025-05-15"}},
		{"an aside inside coordinated agents; now is no date for a plan", "Published: March 3, 2024\n\nThe Treaty on Arctic Cooperation must now be approved by the Sejm, acting by a simple majority, and by the Storting.",
			[]string{"APPROVED planned Sejm>Treaty on Arctic Cooperation ", "APPROVED planned Storting>Treaty on Arctic Cooperation "}},
		{"before the end of the year", "Published: March 3, 2024\n\nOfficials hoped the Storting would give its green light to the Treaty on Arctic Cooperation before the end of the year.",
			[]string{"APPROVED planned Storting>Treaty on Arctic Cooperation ../2024-12-31"}},
		{"the text is the agreement", "Published: March 3, 2024\n\nNorway signed the Treaty on Arctic Cooperation on Monday. Poland has said it will not approve the text as it stands.",
			[]string{"SIGNED occurred Norway>Treaty on Arctic Cooperation 2024-02-26", "APPROVED negated Poland>Treaty on Arctic Cooperation ../2024-03-03"}},
		{"a nominal's by-phrase stays in its clause", "Published: March 3, 2024\n\nTo ease ratification, the Commission split the Treaty on Arctic Cooperation into two parts: one that can be concluded by Norway alone, and one that needs the Storting.",
			nil},
		{"a plan told in the past, and its failure", "Published: June 5, 2024\n\nThe Treaty on Arctic Cooperation had been due to be signed in Oslo on May 2, but Polish Prime Minister Jan Nowak left without signing it.",
			[]string{"SIGNED negated Jan Nowak>Treaty on Arctic Cooperation 2024-05-02"}},
		{"a known name in a sentence-case headline", "Norway ratifies nuclear test ban treaty\n\nPublished: June 5, 2024\n\nThe Storting on Monday ratified a global treaty banning all nuclear explosions.",
			[]string{"RATIFIED occurred Storting>Comprehensive Nuclear-Test-Ban Treaty 2024-06-03"}},
		{"a verb inside a condition", "Published: June 5, 2024\n\nThe Treaty on Arctic Cooperation will enter into force once ten states have ratified it.",
			[]string{"ENTERED_INTO_FORCE planned >Treaty on Arctic Cooperation "}},
		{"a withdrawal from an organization taking effect", "Published: June 5, 2024\n\nHungary said it would leave NATO, and Hungary's withdrawal is due to take effect in January 2026.",
			[]string{"WITHDREW planned Hungary>NATO 2026-01"}},
		{"a precondition takes no date", "Published: June 5, 2024\n\nThe Storting must ratify the Treaty on Arctic Cooperation before it can take effect; lawmakers are expected to vote on it next week.",
			[]string{"RATIFIED planned Storting>Treaty on Arctic Cooperation 2024-06-10/2024-06-16"}},
		{"a signature with partners", "Published: June 5, 2024\n\nThe Treaty on Arctic Cooperation is now signed. Norway signed the treaty with Poland and the United Nations on Monday, with great fanfare.",
			[]string{"SIGNED occurred Norway>Treaty on Arctic Cooperation 2024-06-03", "SIGNED occurred Poland>Treaty on Arctic Cooperation 2024-06-03", "SIGNED occurred United Nations>Treaty on Arctic Cooperation 2024-06-03"}},
		{"a date line shaped like a row of links", "Norway leaves Arctic pact\n\n5 Jun 2024 | 09:12 GMT | By Kari Dahl\n\nNorway withdrew from the Treaty on Arctic Cooperation on Monday.",
			[]string{"WITHDREW occurred Norway>Treaty on Arctic Cooperation 2024-06-03"}},
		{"named members stand for a description", "Published: June 5, 2024\n\nThe Treaty on Arctic Cooperation was signed in Oslo on May 4, 2001, by the member states of the Nordic Council, including Norway and Poland, and came into force in 2003.",
			[]string{"SIGNED occurred Norway>Treaty on Arctic Cooperation 2001-05-04", "SIGNED occurred Poland>Treaty on Arctic Cooperation 2001-05-04", "ENTERED_INTO_FORCE occurred >Treaty on Arctic Cooperation 2003"}},
		{"at the time points back", "Published: March 28, 2021\n\nNorway ratified the Treaty on Arctic Cooperation on Friday. A draft of the treaty leaked in July last year.\n\nCritics were angry. At the time, Poland denied that it had signed the treaty.",
			[]string{"RATIFIED occurred Norway>Treaty on Arctic Cooperation 2021-03-26", "SIGNED denied Poland>Treaty on Arctic Cooperation ../2020-07-31"}},
		{"an announced withdrawal is a plan, and the day is the announcement's", "Published: June 2, 2017\n\nNorwegian Prime Minister Anna Berg announced on Thursday that she was pulling Norway out of the Treaty on Arctic Cooperation. The earliest date Norway's exit could take effect is March 1, 2019.",
			[]string{"WITHDREW planned Anna Berg>Treaty on Arctic Cooperation 2019-03-01/..", "WITHDREW planned Norway>Treaty on Arctic Cooperation 2019-03-01/.."}},
		{"a plan announced on a day takes no date from it", "Published: June 2, 2017\n\nPoland announced on Tuesday that it would leave the Treaty on Arctic Cooperation.",
			[]string{"WITHDREW planned Poland>Treaty on Arctic Cooperation "}},
		{"an act reported on a day happened by then", "Published: June 2, 2017\n\nSweden on Monday said it had ratified the Treaty on Arctic Cooperation.",
			[]string{"RATIFIED occurred Sweden>Treaty on Arctic Cooperation ../2017-05-29"}},
		{"a head noun stands for the body named before", "Published: March 8, 2024\n\nThe European Commission proposed the Treaty on Arctic Cooperation in January. Norway signed the treaty on Tuesday, and the Commission approved it on Wednesday.",
			[]string{"PROPOSED occurred European Commission>Treaty on Arctic Cooperation 2024-01", "SIGNED occurred Norway>Treaty on Arctic Cooperation 2024-03-05", "APPROVED occurred European Commission>Treaty on Arctic Cooperation 2024-03-06"}},
		{"a date told of one of several agents is that agent's", "Published: March 8, 2024\n\nThe Treaty on Arctic Cooperation must now be approved by the Storting and by the Sejm. Officials said they hoped the Storting would give its green light before the end of the year.",
			[]string{"APPROVED planned Storting>Treaty on Arctic Cooperation ../2024-12-31", "APPROVED planned Sejm>Treaty on Arctic Cooperation "}},
		{"a dissolved state is a party", "Published: March 8, 2024\n\nThe Treaty on Arctic Cooperation was signed in Oslo on May 4, 1988, by Norway and the Soviet Union.",
			[]string{"SIGNED occurred Norway>Treaty on Arctic Cooperation 1988-05-04", "SIGNED occurred Soviet Union>Treaty on Arctic Cooperation 1988-05-04"}},
		{"the revised version of a treaty is an agreement of its own", "Published: March 8, 2024\n\nJamaica and Barbados signed the Treaty of Chaguaramas in 1973. The revised version of the treaty, signed in Nassau in 2001 to widen the common market, took effect in 2006.",
			[]string{"SIGNED occurred Jamaica>Treaty of Chaguaramas 1973", "SIGNED occurred Barbados>Treaty of Chaguaramas 1973",
				"SIGNED occurred >Revised Treaty of Chaguaramas 2001", "ENTERED_INTO_FORCE occurred >Revised Treaty of Chaguaramas 2006"}},
		{"a pronoun skips an agreement inside an aside", "Published: March 8, 2024\n\nThe Arctic Framework, signed in 2019 after the collapse of the Baltic Treaty, never took effect because Norway never ratified it.",
			[]string{"SIGNED occurred >Arctic Framework 2019", "ENTERED_INTO_FORCE negated >Arctic Framework ../2024-03-08", "RATIFIED negated Norway>Arctic Framework ../2024-03-08"}},
		{"a participial aside keeps its agent and its date", "Published: March 8, 2024\n\nNorway, backed by Poland, ratified the Arctic Framework on Monday. The Baltic Treaty, drafted in 2019 after long talks, never took effect.",
			[]string{"RATIFIED occurred Norway>Arctic Framework 2024-03-04", "ENTERED_INTO_FORCE negated >Baltic Treaty ../2024-03-08"}},
		{"a weekday in an undated story is not the year of a first signing", "ACCRA – Ghana's President Kofi Mensah signed the Treaty on Arctic Cooperation on Sunday at a summit in Accra. The treaty was first signed in Oslo in March 2018.",
			[]string{"SIGNED occurred Kofi Mensah>Treaty on Arctic Cooperation ", "SIGNED occurred >Treaty on Arctic Cooperation 2018-03"}},
		{"at the same ceremony is on the day of the act just told", "Published: March 8, 2024\n\nGhana's President Kofi Mensah signed the Treaty on Arctic Cooperation on Sunday at a summit in Accra. Togo's President Ama Doe also signed at the same ceremony.",
			[]string{"SIGNED occurred Kofi Mensah>Treaty on Arctic Cooperation 2024-03-03", "SIGNED occurred Ama Doe>Treaty on Arctic Cooperation 2024-03-03"}},
		{"the only one that has not", "Published: March 8, 2024\n\nPeru signed the Treaty on Pacific Fisheries on Monday, leaving Chile as the only OAS member that has not signed it.",
			[]string{"SIGNED occurred Peru>Treaty on Pacific Fisheries 2024-03-04", "SIGNED negated Chile>Treaty on Pacific Fisheries ../2024-03-08"}},
		{"a surname that is not the last word of the name", "Published: March 8, 2024\n\nChinese Premier Li Qiang arrived in Oslo on Monday. Li ratified the Treaty on Arctic Cooperation by decree on Tuesday.",
			[]string{"RATIFIED occurred Li Qiang>Treaty on Arctic Cooperation 2024-03-05"}},
		{"a pronoun for another paper", "Published: March 8, 2024\n\nThe Storting ratified the Treaty on Arctic Cooperation on Monday. NTB reported the decree on Tuesday, without saying when it had been signed.",
			[]string{"RATIFIED occurred Storting>Treaty on Arctic Cooperation 2024-03-04"}},
		{"an act reported the next sentence on a day", "Published: March 8, 2024\n\nThe Treaty on Arctic Cooperation took effect on Wednesday after Norway and Poland exchanged instruments of ratification. President Anna Berg ratified the treaty by a decree. State media reported the decree on March 2.",
			[]string{"ENTERED_INTO_FORCE occurred >Treaty on Arctic Cooperation 2024-03-06", "RATIFIED occurred Anna Berg>Treaty on Arctic Cooperation ../2024-03-02"}},
		{"as early as a period names the period", "Published: March 8, 2024\n\nThe Treaty on Arctic Cooperation could take effect as early as next month, diplomats said.",
			[]string{"ENTERED_INTO_FORCE planned >Treaty on Arctic Cooperation 2024-04"}},
		{"a rule for withdrawals, then whose exit it times", "Published: March 8, 2024\n\nUnder the Treaty on Arctic Cooperation, a withdrawal takes effect one year after notice is given, which would put Norway's exit in March 2025.",
			[]string{"WITHDREW planned Norway>Treaty on Arctic Cooperation 2025-03"}},
		{"an adoption by no one named is no approval", "Published: March 8, 2024\n\nThe Treaty on Arctic Cooperation was adopted by some 120 countries in June 2019 and came into force in 2021.",
			[]string{"ENTERED_INTO_FORCE occurred >Treaty on Arctic Cooperation 2021"}},
		{"a date in one agent's relative clause is that agent's", "Published: September 16, 2020\n\nThe Treaty on Arctic Cooperation still needs the approval of Norway's cabinet and of the Storting, which is expected to vote on it next month.",
			[]string{"APPROVED planned Cabinet of Norway>Treaty on Arctic Cooperation ", "APPROVED planned Storting>Treaty on Arctic Cooperation 2020-10"}},
		{"a relative clause about something else dates nothing", "Published: September 16, 2020\n\nThe Treaty on Arctic Cooperation was signed on Monday by Norwegian Prime Minister Erik Lund and his Swedish counterpart Anna Berg, who was making her first visit since taking office last July.",
			[]string{"SIGNED occurred Erik Lund>Treaty on Arctic Cooperation 2020-09-14", "SIGNED occurred Anna Berg>Treaty on Arctic Cooperation 2020-09-14"}},
		{"a known surname that opens another name", "Published: March 8, 2024\n\nChina's Wang Wentao signed the Treaty on Arctic Cooperation on Monday.",
			[]string{"SIGNED occurred Wang Wentao>Treaty on Arctic Cooperation 2024-03-04"}},
		{"owners inside a group of agents", "Published: March 8, 2024\n\nNorway's Erik Lund and Poland's Anna Nowak signed the Treaty on Arctic Cooperation on Monday.",
			[]string{"SIGNED occurred Erik Lund>Treaty on Arctic Cooperation 2024-03-04", "SIGNED occurred Anna Nowak>Treaty on Arctic Cooperation 2024-03-04"}},
		{"the country of a place is no clause break", "Published: March 8, 2024\n\nThe Treaty on Arctic Cooperation was signed in Tromso, Norway, in May 2019 and came into force on December 1, 2020.",
			[]string{"SIGNED occurred >Treaty on Arctic Cooperation 2019-05", "ENTERED_INTO_FORCE occurred >Treaty on Arctic Cooperation 2020-12-01"}},
		{"pulling a country out, without of", "Published: March 8, 2024\n\nThe Baltic Treaty was thrown into doubt when Norway's prime minister Erik Lund pulled Norway out in May 2019. Poland signed the Baltic Treaty in 2018 and pulled its troops out in 2020.",
			[]string{"WITHDREW occurred Erik Lund>Baltic Treaty 2019-05", "SIGNED occurred Poland>Baltic Treaty 2018"}},
		{"voting on a ratification is the voters' act", "Published: March 8, 2024\n\nPoland's Sejm approved the Treaty on Arctic Cooperation on Tuesday. The Storting is scheduled to vote on ratification next week.",
			[]string{"APPROVED occurred Sejm>Treaty on Arctic Cooperation 2024-03-05", "RATIFIED planned Storting>Treaty on Arctic Cooperation 2024-03-11/2024-03-17"}},
		{"the parts of a body named in apposition act, not the body", "Published: March 8, 2024\n\nBoth chambers of Poland's parliament, the Sejm and the Senate of Poland, ratified the Treaty on Arctic Cooperation in February.",
			[]string{"RATIFIED occurred Sejm>Treaty on Arctic Cooperation 2024-02", "RATIFIED occurred Senate of Poland>Treaty on Arctic Cooperation 2024-02"}},
		{"the previous month counts from the date just told", "Published: March 8, 2024\n\nThe Treaty on Arctic Cooperation took effect in April 2023, after the Storting approved it the previous month.",
			[]string{"ENTERED_INTO_FORCE occurred >Treaty on Arctic Cooperation 2023-04", "APPROVED occurred Storting>Treaty on Arctic Cooperation 2023-03"}},
		{"its bid is the subject's", "Published: March 8, 2024\n\nNorway's bid to join the OECD advanced this year. Norway, which applied in 2021, welcomed the news after Turkey's parliament approved its bid on Monday.",
			[]string{"APPROVED occurred Grand National Assembly of Turkey>Accession of Norway to OECD 2024-03-04"}},
		{"a state joining an organization is its accession taking effect", "Published: March 8, 2024\n\nHungary ratified Norway's bid to join NATO on Monday. Norway could then formally join within days. Poland joined the talks on Tuesday. Finland joined NATO in April 2023.",
			[]string{"RATIFIED occurred Hungary>Accession of Norway to NATO 2024-03-04", "ENTERED_INTO_FORCE planned >Accession of Norway to NATO ",
				"ENTERED_INTO_FORCE occurred >Accession of Finland to NATO 2023-04"}},
		{"clearing a legislature is its approval", "Published: March 8, 2024\n\nThe Treaty on Arctic Cooperation cleared the Storting on Tuesday. Officials made it clear that Poland would sign. The vote cleared the way for ratification.",
			[]string{"APPROVED occurred Storting>Treaty on Arctic Cooperation 2024-03-05", "SIGNED planned Poland>Treaty on Arctic Cooperation "}},
		{"a bare Congress is the nearest country's", "Published: March 8, 2024\n\nPresident Joe Biden signed the Treaty on Arctic Cooperation on Monday, and Congress approved it on Tuesday.",
			[]string{"SIGNED occurred Joe Biden>Treaty on Arctic Cooperation 2024-03-04", "APPROVED occurred United States Congress>Treaty on Arctic Cooperation 2024-03-05"}},
		{"an act in an after-clause came on or before the main act", "Published: March 8, 2024\n\nNorwegian Prime Minister Erik Lund signed the Treaty on Arctic Cooperation on March 1 after the Storting approved it.",
			[]string{"SIGNED occurred Erik Lund>Treaty on Arctic Cooperation 2024-03-01", "APPROVED occurred Storting>Treaty on Arctic Cooperation ../2024-03-01"}},
		{"two acts of one sentence stay apart", "Published: March 8, 2024\n\nThe Treaty on Arctic Cooperation has had a long road. Norwegian Prime Minister Erik Lund signed it into law on March 1 after the Storting approved it.",
			[]string{"APPROVED occurred Erik Lund>Treaty on Arctic Cooperation 2024-03-01", "APPROVED occurred Storting>Treaty on Arctic Cooperation ../2024-03-01"}},
		{"a paper of its own kind is not the story's agreement", "Published: March 8, 2024\n\nNorway ratified the Treaty on Arctic Cooperation on Monday. Poland signed a joint declaration on Tuesday.",
			[]string{"RATIFIED occurred Norway>Treaty on Arctic Cooperation 2024-03-04"}},
		{"a paper of its own kind is not a known pact of the parties", "Published: March 8, 2024\n\nThe United States, Mexico and Canada signed the USMCA in 2018. On Sunday Canada signed a memorandum on trade.",
			[]string{"SIGNED occurred United States>United States–Mexico–Canada Agreement 2018", "SIGNED occurred Mexico>United States–Mexico–Canada Agreement 2018", "SIGNED occurred Canada>United States–Mexico–Canada Agreement 2018"}},
		{"the two leaders, the two countries", "Published: March 8, 2024\n\nNorwegian Prime Minister Erik Lund met Polish President Anna Nowak in Oslo on Monday. The two leaders signed the Treaty on Arctic Cooperation on Tuesday. Sweden and Finland sent envoys. The two countries ratified the Baltic Treaty in 2019.",
			[]string{"SIGNED occurred Erik Lund>Treaty on Arctic Cooperation 2024-03-05", "SIGNED occurred Anna Nowak>Treaty on Arctic Cooperation 2024-03-05",
				"RATIFIED occurred Sweden>Baltic Treaty 2019", "RATIFIED occurred Finland>Baltic Treaty 2019"}},
		{"a head noun for the formal body of the organization or state in the story", "Published: March 8, 2024\n\nThe European Commission proposed the Treaty on Arctic Cooperation on Monday. The Council approved it on Wednesday. Poland's Sejm ratified the Baltic Treaty on Tuesday, and the Senate approved it on Thursday.",
			[]string{"PROPOSED occurred European Commission>Treaty on Arctic Cooperation 2024-03-04", "APPROVED occurred Council of the European Union>Treaty on Arctic Cooperation 2024-03-06",
				"RATIFIED occurred Sejm>Baltic Treaty 2024-03-05", "APPROVED occurred Senate of Poland>Baltic Treaty 2024-03-07"}},
	}, facts)
}

func TestTitledNameEndsWithItsWord(t *testing.T) {
	s := "Commission Vice-President Maroš Šefčovič and Foreign Minister Mevlüt Çavuşoğlu signed off on it."
	a := newAnalysis(&kg.Document{Text: s}, page{Lines: []string{s}}, "2025-01-01")
	var got []string
	for _, m := range a.findMentions(s) {
		if m.Kind == kg.KindPerson {
			got = append(got, m.Entity.Name)
		}
	}
	if want := []string{"Maroš Šefčovič", "Mevlüt Çavuşoğlu"}; !slices.Equal(got, want) {
		t.Fatalf("people %q, want %q", got, want)
	}
}
