package loaders

import "testing"

// TestMergeRules covers rules that join what the loader branches built
// apart: each case is an invented article.
func TestMergeRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"a plan the story reports carried out is the act's intention, not a second act",
			"Published: June 1, 2027\n\nArmenia and Kyrgyzstan formally left the Collective Security Treaty Organization on Monday. The two countries said in a joint statement on May 30, 2026 that they were quitting the CSTO, citing its failure to defend them.",
			[]string{"WITHDREW occurred Armenia>Collective Security Treaty Organization 2027-05-31", "WITHDREW occurred Kyrgyzstan>Collective Security Treaty Organization 2027-05-31"}},
		{"a day after 'said in a statement' is the saying's",
			"Published: October 9, 2029\n\nThe government of Chile said in a written statement on Monday that it had ratified the Treaty of Lisbon.",
			[]string{"RATIFIED occurred Chile>Treaty of Lisbon ../2029-10-08"}},
	}, facts)
}
