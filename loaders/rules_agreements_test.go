package loaders

import (
	"strings"
	"testing"
)

// Each case is a short article of our own about which agreement a fact is
// about and what it is called.
func TestAgreementRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"demonyms name the parties of a bare name; a lede describes before it names",
			"Published: September 12, 2025\n\nAn agreement that lets Japanese and Philippine troops train on each other's soil took effect on Wednesday. The Reciprocal Access Agreement was signed in July 2024.",
			[]string{"ENTERED_INTO_FORCE occurred >Japan–Philippines Reciprocal Access Agreement 2025-09-10", "SIGNED occurred >Japan–Philippines Reciprocal Access Agreement 2024-07"}},
		{"a head closing a name after another head",
			"Published: April 12, 2018\n\nBRUSSELS – The European Parliament on Wednesday approved the Comprehensive and Enhanced Partnership Agreement with Armenia.",
			[]string{"APPROVED occurred European Parliament>EU–Armenia Comprehensive and Enhanced Partnership Agreement 2018-04-11"}},
		{"a possessor is a party; both agreements are the two named so far",
			"Published: November 22, 2019\n\nThe European Parliament on Wednesday approved the EU's free trade agreement with Singapore. Officials signed both agreements in 2018. The vote came as the Paris Agreement turned four.",
			[]string{"APPROVED occurred European Parliament>EU–Singapore Free Trade Agreement 2019-11-20", "SIGNED occurred >EU–Singapore Free Trade Agreement 2018"}},
		{"a description's words choose between agreements named together",
			"Published: June 5, 2024\n\nNorway's parliament on Monday ratified the Arctic Fisheries Agreement and the Arctic Investment Agreement. The fisheries deal is expected to take effect on August 1.",
			[]string{"RATIFIED occurred Storting>Arctic Fisheries Agreement 2024-06-03", "RATIFIED occurred Storting>Arctic Investment Agreement 2024-06-03",
				"ENTERED_INTO_FORCE planned >Arctic Fisheries Agreement 2024-08-01"}},
		{"a protocol in a story about a treaty is a protocol to it",
			"Published: June 5, 2024\n\nNorway's parliament on Monday ratified the Treaty on Arctic Cooperation. A protocol settling the fishing quotas was signed in Oslo in September 2011.",
			[]string{"RATIFIED occurred Storting>Treaty on Arctic Cooperation 2024-06-03", "SIGNED occurred >Protocol to the Treaty on Arctic Cooperation 2011-09"}},
		{"a convention is not the trade deal the story is about",
			"Published: June 5, 2024\n\nNorway's parliament on Monday ratified the Arctic Fisheries Agreement. Norway ratified a labour convention in June last year.",
			[]string{"RATIFIED occurred Storting>Arctic Fisheries Agreement 2024-06-03"}},
		{"the lede's agreement is what the treaty means, not one recalled for background",
			"Published: January 22, 2021\n\nGENEVA – The Treaty on Arctic Cooperation entered into force on Friday. Critics said it undermines the Nuclear Non-Proliferation Treaty. UN chief Ana Ruiz hailed the day.\n\nThe treaty was signed in Oslo in July 2017. North Korea is the only state that has withdrawn from the Non-Proliferation Treaty.",
			[]string{"ENTERED_INTO_FORCE occurred >Treaty on Arctic Cooperation 2021-01-22", "SIGNED occurred >Treaty on Arctic Cooperation 2017-07", "WITHDREW occurred North Korea>Treaty on the Non-Proliferation of Nuclear Weapons ../2021-01-22"}},
		{"a story's fuller official name is the agreement's name",
			"Published: July 20, 2023\n\nIn July 2022 Ukraine signed the Initiative on the Safe Transportation of Grain and Foodstuffs from Ukrainian Ports. Russia withdrew from the grain deal on Monday.",
			[]string{"SIGNED occurred Ukraine>Initiative on the Safe Transportation of Grain and Foodstuffs from Ukrainian Ports 2022-07",
				"WITHDREW occurred Russia>Initiative on the Safe Transportation of Grain and Foodstuffs from Ukrainian Ports 2023-07-17"}},
		{"a long form that only reorders the name's words keeps the name",
			"Published: July 20, 2025\n\nRussia and Iran signed the Treaty on Comprehensive Strategic Partnership between Russia and Iran on Monday.",
			[]string{"SIGNED occurred Russia>Russia–Iran Comprehensive Strategic Partnership Treaty 2025-07-14", "SIGNED occurred Iran>Russia–Iran Comprehensive Strategic Partnership Treaty 2025-07-14"}},
		{"an amendment to a protocol keeps its protocol, and the amendment is it",
			"Published: March 3, 2021\n\nNorway's parliament on Monday ratified the Doha Amendment to the Kyoto Protocol. The amendment entered into force on December 31, 2020.",
			[]string{"RATIFIED occurred Storting>Doha Amendment to the Kyoto Protocol 2021-03-01", "ENTERED_INTO_FORCE occurred >Doha Amendment to the Kyoto Protocol 2020-12-31"}},
		{"a peace agreement with rebels is the state's own; the new text is the agreement",
			"Published: March 28, 2014\n\nThe Philippines signed a peace agreement with the Moro Islamic Liberation Front on Thursday. Congress must still approve the new text.",
			[]string{"SIGNED occurred Philippines>Comprehensive Agreement on the Bangsamoro 2014-03-27", "APPROVED planned Congress of the Philippines>Comprehensive Agreement on the Bangsamoro "}},
		{"whose accession is the state's before it",
			"Published: April 3, 2009\n\nCroatia hopes to become a member of NATO soon. Its neighbour Slovenia, whose accession took effect in March 2004, backs the bid.",
			[]string{"ENTERED_INTO_FORCE occurred >Accession of Slovenia to NATO 2004-03"}},
		{"the accession protocol is a named state's accession to the organization joined",
			"Published: June 10, 2008\n\nCroatia hopes to become a member of NATO next year. The allies are expected to sign the accession protocol in Brussels in July, and Greece will ratify the protocol soon after.",
			[]string{"SIGNED planned NATO>Accession of Croatia to NATO 2008-07", "RATIFIED planned Greece>Accession of Croatia to NATO "}},
	}, facts)
}

func TestStoryNamedAgreementBeatsGazetteerGuess(t *testing.T) {
	got := facts(t, "Published: March 20, 2023\n\nIndia and Pakistan agreed on the text on Saturday, but neither leader signed the document. The Agreement on Kashmir Water Sharing between India and Pakistan was first proposed by Norway in 2022.")
	for _, f := range got {
		if !strings.Contains(f, ">Agreement on Kashmir Water Sharing between India and Pakistan ") {
			t.Errorf("fact about another agreement: %q", f)
		}
	}
	if len(got) < 2 {
		t.Errorf("got %q, want the signing and the proposal", got)
	}
}

func TestBareDescriptionIsNoOldPact(t *testing.T) {
	for _, f := range facts(t, "Published: March 20, 2023\n\nIndia and Pakistan signed the document on Saturday.") {
		t.Errorf("a bare 'the document' of 2023 read as an old pact: %q", f)
	}
}
