package loaders

import (
	"testing"
)

// TestModalityRules checks how the words around a verb set its status.
func TestModalityRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"expects to is a plan", "Published: March 8, 2024\n\nNorway has finished talks on the Treaty on Arctic Cooperation, which Oslo expects to sign soon.",
			[]string{"SIGNED planned Norway>Treaty on Arctic Cooperation "}},
		{"a promise is a plan", "Published: March 8, 2024\n\nNorway has promised to ratify the Treaty on Arctic Cooperation.",
			[]string{"RATIFIED planned Norway>Treaty on Arctic Cooperation "}},
		{"clearing the way is a plan", "Published: March 8, 2024\n\nThe Storting on Monday approved the Treaty on Arctic Cooperation, clearing the way for the treaty to take effect on May 1.",
			[]string{"APPROVED occurred Storting>Treaty on Arctic Cooperation 2024-03-04", "ENTERED_INTO_FORCE planned >Treaty on Arctic Cooperation 2024-05-01"}},
		{"neither is a negation", "Published: March 8, 2024\n\nNorway and Sweden met on Saturday to discuss the Treaty on Arctic Cooperation, but neither country signed the treaty.",
			[]string{"SIGNED negated Norway>Treaty on Arctic Cooperation 2024-03-02", "SIGNED negated Sweden>Treaty on Arctic Cooperation 2024-03-02"}},
		{"a plan as a noun plans nothing", "Published: March 8, 2024\n\nAs part of a UN-backed plan to protect fish stocks, Chile on Friday signed the Treaty on Arctic Cooperation.",
			[]string{"SIGNED occurred Chile>Treaty on Arctic Cooperation 2024-03-08"}},
		{"a claim denied", "Published: March 8, 2024\n\nPeruvian media said Chile had signed the Treaty on Arctic Cooperation, a claim Chile's foreign ministry denied.",
			[]string{"SIGNED denied Chile>Treaty on Arctic Cooperation ../2024-03-08"}},
	}, facts)
}

// TestInstitutionRules checks which body a bare or possessed chamber name
// stands for.
func TestInstitutionRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"a bare Senate after a place", "Published: March 8, 2024\n\nChile signed the Treaty on Arctic Cooperation in May. In Washington, the Senate approved the treaty on Tuesday.",
			[]string{"SIGNED occurred Chile>Treaty on Arctic Cooperation 2023-05", "APPROVED occurred United States Senate>Treaty on Arctic Cooperation 2024-03-05"}},
		{"a shared chamber name is the story's state's", "Published: March 8, 2024\n\nOTTAWA – Canada signed the Treaty on Arctic Cooperation in 2019. The House of Commons voted to ratify the treaty on Tuesday.",
			[]string{"SIGNED occurred Canada>Treaty on Arctic Cooperation 2019", "RATIFIED occurred House of Commons of Canada>Treaty on Arctic Cooperation 2024-03-05"}},
		{"a chamber of a state the gazetteer does not list", "Published: March 8, 2024\n\nHonduras's National Congress approved the Treaty on Arctic Cooperation on Tuesday.",
			[]string{"APPROVED occurred National Congress of Honduras>Treaty on Arctic Cooperation 2024-03-05"}},
		{"a chamber by its kind", "Published: March 8, 2024\n\nBOGOTA – Colombia's Congress approved the Treaty on Arctic Cooperation on Wednesday, when the House of Representatives backed it by 130 votes to none.",
			[]string{"APPROVED occurred Congress of Colombia>Treaty on Arctic Cooperation 2024-03-06", "APPROVED occurred Chamber of Representatives of Colombia>Treaty on Arctic Cooperation 2024-03-06"}},
	}, facts)
}

// TestTriggerRules checks idioms that report, or only seem to report, an
// act.
func TestTriggerRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"voted in favour", "Published: March 8, 2024\n\nPoland's parliament approved the Treaty on Arctic Cooperation on Monday, when the Senate, the upper house, voted in favour.",
			[]string{"APPROVED occurred Parliament of Poland>Treaty on Arctic Cooperation 2024-03-04", "APPROVED occurred Senate of Poland>Treaty on Arctic Cooperation 2024-03-04"}},
		{"depositing the instrument is ratifying", "Published: March 8, 2024\n\nChile deposited its instrument of ratification of the Treaty on Arctic Cooperation on Monday.",
			[]string{"RATIFIED occurred Chile>Treaty on Arctic Cooperation 2024-03-04"}},
		{"a purpose is no entry into force", "Published: March 8, 2024\n\nThe Sejm on Monday approved the amendment needed to put the Treaty on Arctic Cooperation into effect.",
			[]string{"APPROVED occurred Sejm>Treaty on Arctic Cooperation 2024-03-04"}},
		{"bringing into force around the object", "Published: March 8, 2024\n\nNorway ratified the Treaty on Arctic Cooperation on Monday. Both sides will exchange notes next month, which will bring the treaty into force.",
			[]string{"RATIFIED occurred Norway>Treaty on Arctic Cooperation 2024-03-04", "ENTERED_INTO_FORCE planned >Treaty on Arctic Cooperation 2024-04"}},
		{"leaving a named body", "Published: March 8, 2024\n\nNorway said on Monday that it would leave UNESCO on December 31, 2026.",
			[]string{"WITHDREW planned Norway>United Nations Educational, Scientific and Cultural Organization 2026-12-31"}},
		{"leaving a state is no withdrawal", "Published: March 8, 2024\n\nSweden ratified the Treaty on Arctic Cooperation on Monday, leaving Norway as the last to do so.",
			[]string{"RATIFIED occurred Sweden>Treaty on Arctic Cooperation 2024-03-04"}},
		{"proposed by is passive", "Published: March 8, 2024\n\nThe Treaty on Arctic Cooperation, first proposed by Norway and Sweden in 2019, was signed on Monday.",
			[]string{"PROPOSED occurred Norway>Treaty on Arctic Cooperation 2019", "PROPOSED occurred Sweden>Treaty on Arctic Cooperation 2019", "SIGNED occurred >Treaty on Arctic Cooperation 2024-03-04"}},
		{"without signatures", "Published: March 8, 2024\n\nThe Treaty on Arctic Cooperation was agreed in Oslo on Feb. 27, again without signatures.",
			[]string{"SIGNED negated >Treaty on Arctic Cooperation 2024-02-27"}},
		{"a withdrawal by no one", "Published: March 8, 2024\n\nNorway ratified the Treaty on Arctic Cooperation on Monday. Analysts said the treaty was vague on when troops would pull back from the border.",
			[]string{"RATIFIED occurred Norway>Treaty on Arctic Cooperation 2024-03-04"}},
	}, facts)
}

// TestAgentRules checks who is read as acting.
func TestAgentRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"people in apposition to a plural role", "Published: March 8, 2024\n\nThe Treaty on Arctic Cooperation was signed in May by the two countries' foreign ministers, Ana Ruiz and Luis Soto, in Oslo.",
			[]string{"SIGNED occurred Ana Ruiz>Treaty on Arctic Cooperation 2023-05", "SIGNED occurred Luis Soto>Treaty on Arctic Cooperation 2023-05"}},
		{"a possessed role names the signer", "Published: March 8, 2024\n\nNorway's Erik Lund and Sweden's chief negotiator, Anna Berg, signed the Treaty on Arctic Cooperation on Monday.",
			[]string{"SIGNED occurred Erik Lund>Treaty on Arctic Cooperation 2024-03-04", "SIGNED occurred Anna Berg>Treaty on Arctic Cooperation 2024-03-04"}},
		{"one word of a longer name is not a known person", "Published: March 8, 2024\n\nChile's chief negotiator, Mullah Abdul Ghani Rostami, signed the Treaty on Arctic Cooperation on Monday.",
			[]string{"SIGNED occurred Abdul Ghani Rostami>Treaty on Arctic Cooperation 2024-03-04"}},
		{"a leader by his first name, and a predecessor", "Published: March 8, 2024\n\nNorway's Erik Lund met Eritrean President Tesfay Gebru in Oslo on Sunday. The Treaty on Arctic Cooperation had been signed in 2001 by Tesfay and Lund's predecessor Olav Berg.",
			[]string{"SIGNED occurred Tesfay Gebru>Treaty on Arctic Cooperation 2001", "SIGNED occurred Olav Berg>Treaty on Arctic Cooperation 2001"}},
	}, facts)
}

// TestNotReportedRules checks words that name an act without reporting it.
func TestNotReportedRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"an urging is no act", "Published: March 8, 2024\n\nNorway ratified the Treaty on Arctic Cooperation on Monday. In Chile, opposition parties have urged the government to sign the treaty.",
			[]string{"RATIFIED occurred Norway>Treaty on Arctic Cooperation 2024-03-04"}},
		{"lobbying not to ratify", "Published: March 8, 2024\n\nNorway ratified the Treaty on Arctic Cooperation on Monday, and Russia has lobbied other countries not to ratify it.",
			[]string{"RATIFIED occurred Norway>Treaty on Arctic Cooperation 2024-03-04"}},
		{"none of names no one", "Published: March 8, 2024\n\nNorway ratified the Treaty on Arctic Cooperation on Monday. None of the five Arctic coastal states has signed the treaty.",
			[]string{"RATIFIED occurred Norway>Treaty on Arctic Cooperation 2024-03-04"}},
		{"revoking a ratification", "Published: March 8, 2024\n\nThe Storting on Monday passed a law revoking Norway's ratification of the Treaty on Arctic Cooperation.",
			nil},
		{"a finalised text is not signed", "Published: March 8, 2024\n\nThe text of the Treaty on Arctic Cooperation was finalised in March 2023. Norway signed it in May 2023.",
			[]string{"SIGNED occurred Norway>Treaty on Arctic Cooperation 2023-05"}},
		{"troops withdrawn are no treaty left", "Published: March 8, 2024\n\nNorway signed the Treaty on Arctic Cooperation in 2001, but Russia refused to withdraw its troops from the islands.",
			[]string{"SIGNED occurred Norway>Treaty on Arctic Cooperation 2001"}},
		{"a restatement", "Published: March 8, 2024\n\nNorway will withdraw from the Treaty on Arctic Cooperation, Foreign Minister Erik Lund said, making it the first country to abandon the treaty.",
			[]string{"WITHDREW planned Norway>Treaty on Arctic Cooperation "}},
		{"adopted by no one named", "Published: March 8, 2024\n\nThe Treaty on Arctic Cooperation was adopted at the United Nations in July 2017 with the support of 122 countries.",
			nil},
		{"a delay stated as a rule", "Published: March 8, 2024\n\nNorway became the 40th state to ratify the Treaty on Arctic Cooperation on Monday. Under its terms, the treaty takes effect 90 days after the 40th ratification.",
			[]string{"RATIFIED occurred Norway>Treaty on Arctic Cooperation 2024-03-04"}},
		{"a delay with its date", "Published: March 8, 2024\n\nUnder its terms, the Treaty on Arctic Cooperation takes effect 90 days after the 40th ratification, which puts the date at June 2, 2024.",
			[]string{"ENTERED_INTO_FORCE planned >Treaty on Arctic Cooperation 2024-06-02"}},
	}, facts)
}

// TestEllipsisRules checks "did" and "do so" standing for an act said
// before.
func TestEllipsisRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"never did", "Published: March 8, 2024\n\nSweden ratified the Treaty on Arctic Cooperation in 2002, but Norway never did.",
			[]string{"RATIFIED occurred Sweden>Treaty on Arctic Cooperation 2002", "RATIFIED negated Norway>Treaty on Arctic Cooperation ../2024-03-08"}},
		{"promised but not yet done", "Published: March 8, 2024\n\nChile, which signed in 2019, has promised to ratify the Treaty on Arctic Cooperation but has not yet done so.",
			[]string{"SIGNED occurred Chile>Treaty on Arctic Cooperation 2019", "RATIFIED planned Chile>Treaty on Arctic Cooperation ", "RATIFIED negated Chile>Treaty on Arctic Cooperation ../2024-03-08"}},
		{"a state yet to act beside its chamber's refusal", "Published: March 8, 2024\n\nThe Chilean Senate refused to ratify the Treaty on Arctic Cooperation in 1999. The treaty has not taken effect, because the states whose ratification is required, among them Chile and Peru, have yet to do so.",
			[]string{"RATIFIED negated Senate of Chile>Treaty on Arctic Cooperation 1999", "ENTERED_INTO_FORCE negated >Treaty on Arctic Cooperation ../2024-03-08",
				"RATIFIED negated Chile>Treaty on Arctic Cooperation ../2024-03-08", "RATIFIED negated Peru>Treaty on Arctic Cooperation ../2024-03-08"}},
	}, facts)
}

// TestGroupAgentRules checks plural and quoted names for who acts.
func TestGroupAgentRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"the allies are the alliance", "Published: March 8, 2024\n\nNATO invited Norway to talks on the Treaty on Arctic Cooperation. The allies signed the treaty in Brussels on Tuesday.",
			[]string{"SIGNED occurred NATO>Treaty on Arctic Cooperation 2024-03-05"}},
		{"MEPs are the European Parliament", "Published: March 8, 2024\n\nMEPs backed the Treaty on Arctic Cooperation by 474 votes to 152 on Tuesday.",
			[]string{"APPROVED occurred European Parliament>Treaty on Arctic Cooperation 2024-03-05"}},
		{"some members are not the body", "Published: March 8, 2024\n\nNorway ratified the Treaty on Arctic Cooperation on Monday. Ten EU member states have yet to ratify the treaty.",
			[]string{"RATIFIED occurred Norway>Treaty on Arctic Cooperation 2024-03-04", "RATIFIED negated >Treaty on Arctic Cooperation ../2024-03-08"}},
		{"members meeting as a council", "Published: March 8, 2024\n\nEU governments approved the Treaty on Arctic Cooperation on Tuesday at a meeting of the Council of the European Union.",
			[]string{"APPROVED occurred Council of the European Union>Treaty on Arctic Cooperation 2024-03-05"}},
		{"a listed class", "Published: March 8, 2024\n\nThe Treaty on Arctic Cooperation took effect on Friday. Among the states that have ratified it are Chile, Peru and Norway.",
			[]string{"ENTERED_INTO_FORCE occurred >Treaty on Arctic Cooperation 2024-03-08", "RATIFIED occurred Chile>Treaty on Arctic Cooperation ../2024-03-08",
				"RATIFIED occurred Peru>Treaty on Arctic Cooperation ../2024-03-08", "RATIFIED occurred Norway>Treaty on Arctic Cooperation ../2024-03-08"}},
		{"we in a quote", "Published: March 8, 2024\n\nNorway's parliament on Friday voted to suspend the Treaty on Arctic Cooperation. \"We are not withdrawing from the treaty,\" Foreign Minister Erik Lund told reporters.",
			[]string{"WITHDREW negated Norway>Treaty on Arctic Cooperation ../2024-03-08"}},
		{"a modifier is no agent", "Published: March 8, 2024\n\nChile and Peru met on Saturday to discuss a UN-backed plan, but neither country signed the Treaty on Arctic Cooperation.",
			[]string{"SIGNED negated Chile>Treaty on Arctic Cooperation 2024-03-02", "SIGNED negated Peru>Treaty on Arctic Cooperation 2024-03-02"}},
		{"whose opens a relative clause", "Published: March 8, 2024\n\nThe Treaty on Arctic Cooperation was signed on Monday. Chilean minister Ana Ruiz and Peruvian minister Luis Soto, whose country then held the rotating EU presidency, signed it.",
			[]string{"SIGNED occurred Ana Ruiz>Treaty on Arctic Cooperation 2024-03-04", "SIGNED occurred Luis Soto>Treaty on Arctic Cooperation 2024-03-04"}},
	}, facts)
}

// TestRejectionRules checks refusals and enabling laws.
func TestRejectionRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"voting to reject a ratification", "Published: March 22, 2024\n\nNorway's parliament voted on Thursday to reject the ratification of the Treaty on Arctic Cooperation.",
			[]string{"RATIFIED negated Storting>Treaty on Arctic Cooperation 2024-03-21"}},
		{"voting it down after a ratification", "Published: March 22, 2024\n\nPoland's Sejm ratified the Treaty on Arctic Cooperation in 2022, while Norway's parliament voted it down in 2020.",
			[]string{"RATIFIED occurred Sejm>Treaty on Arctic Cooperation 2022", "RATIFIED negated Storting>Treaty on Arctic Cooperation 2020"}},
		{"rejecting a charge is no refusal", "Published: March 22, 2024\n\nNorway signed the Treaty on Arctic Cooperation in 2020, despite claims of fraud, a charge Oslo rejects.",
			[]string{"SIGNED occurred Norway>Treaty on Arctic Cooperation 2020"}},
		{"passing an enabling amendment", "Published: May 8, 2015\n\nThe Storting on Thursday passed the amendment needed to put the Treaty on Arctic Cooperation into effect.",
			[]string{"APPROVED occurred Storting>Treaty on Arctic Cooperation 2015-05-07"}},
		{"passing a revocation", "Published: May 8, 2015\n\nThe Storting on Thursday passed a law revoking Norway's ratification of the Treaty on Arctic Cooperation.",
			nil},
	}, facts)
}

// TestRepeatRules checks an act told twice in one clause.
func TestRepeatRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"and again", "Published: January 25, 2019\n\nThe Storting ratified the Treaty on Arctic Cooperation on June 20 and again in July, after a court ruling.",
			[]string{"RATIFIED occurred Storting>Treaty on Arctic Cooperation 2018-06-20", "RATIFIED occurred Storting>Treaty on Arctic Cooperation 2018-07"}},
	}, facts)
}

// TestBodyAliasRules checks short names of bodies in the gazetteer.
func TestBodyAliasRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"Japan's Diet", "Published: October 12, 2023\n\nJapan's Diet approved the Treaty on Arctic Cooperation in March.",
			[]string{"APPROVED occurred National Diet>Treaty on Arctic Cooperation 2023-03"}},
	}, facts)
}
