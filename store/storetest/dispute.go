package storetest

import (
	"testing"

	"github.com/newsgraph/kg"
)

// Dispute returns a fifth extraction, fresh on every call, that the
// traversal and conflict cases save after Fixtures: a later report that
// contradicts the others. Against Fixtures it adds three status conflicts
// (a denied approval, a negated signing) and three date conflicts (two
// Duma ratifications on other days, an entry into force outside the
// reported week), beside non-conflicts (a month that contains the reported
// day, two claims of one document), and a second object that Russia and
// Iran acted on together, in Moscow. With Fixtures that makes 8 conflicts.
func Dispute() *kg.Extraction {
	b := newDoc("Senator disputes account of treaty approval", "https://wire.example/ru/2025-10-14/senator",
		"Ivan Sokolov", "testdata/dispute.html", kg.Day(day(2025, 10, 14)))
	b.entity(kg.Entity{Kind: kg.KindInstitution, Name: "Federation Council", Country: "RU"})
	b.entity(kg.Entity{Kind: kg.KindInstitution, Name: "State Duma", Aliases: []string{"Duma"}, Country: "RU"})
	b.entity(kg.Entity{Kind: kg.KindInstitution, Name: "Islamic Consultative Assembly", Aliases: []string{"Majlis"}, Country: "IR"})
	b.entity(kg.Entity{Kind: kg.KindPerson, Name: "Masoud Pezeshkian", Aliases: []string{"Pezeshkian"}, Country: "IR"})
	b.entity(kg.Entity{Kind: kg.KindState, Name: "Russia", Country: "RU"})
	b.entity(kg.Entity{Kind: kg.KindState, Name: "Iran", Country: "IR"})
	b.entity(kg.Entity{Kind: kg.KindAgreement, Name: "Treaty on Comprehensive Strategic Partnership"})
	b.entity(kg.Entity{Kind: kg.KindAgreement, Name: "Treaty on the Basis of Mutual Relations", Aliases: []string{"2001 treaty"}})
	b.entity(kg.Entity{Kind: kg.KindPlace, Name: "Moscow", Country: "RU"})

	s1 := b.sentence("A senator denied that the Federation Council had ever approved the treaty.", "approve-denied")
	s2 := b.sentence("The State Duma ratified the treaty in Moscow on April 10, 2025.", "ratify-on-date")
	s3 := b.sentence("A second vote in the Duma on April 14, 2025 ratified it again.", "ratify-on-date")
	s4 := b.sentence("The Majlis approved the treaty in May 2025.", "approve-in-month")
	s5 := b.sentence("The treaty entered into force on October 12, 2025.", "force-on-date")
	s6 := b.sentence("Pezeshkian has not signed the treaty, his office said.", "sign-negated")
	s7 := b.sentence("Russia and Iran signed the 2001 treaty in Moscow on March 12, 2001.", "sign-on-date")
	b.event(kg.EventApproved, kg.StatusDenied, kg.Unresolved(""), ev(s1), agent(FederationCouncilID), object(TreatyID))
	b.event(kg.EventRatified, kg.StatusOccurred, kg.Day(day(2025, 4, 10)), ev(s2), agent(DumaID), object(TreatyID), place(MoscowID))
	b.event(kg.EventRatified, kg.StatusOccurred, kg.Day(day(2025, 4, 14)), ev(s3), agent(DumaID), object(TreatyID))
	b.event(kg.EventApproved, kg.StatusOccurred, kg.Month(2025, 5), ev(s4), agent(MajlisID), object(TreatyID))
	b.event(kg.EventEnteredIntoForce, kg.StatusOccurred, kg.Day(day(2025, 10, 12)), ev(s5), object(TreatyID))
	b.event(kg.EventSigned, kg.StatusNegated, kg.Unresolved(""), ev(s6), agent(PezeshkianID), object(TreatyID))
	b.event(kg.EventSigned, kg.StatusOccurred, kg.Day(day(2001, 3, 12)), ev(s7),
		agent(RussiaID), agent(IranID), object(OldTreatyID), place(MoscowID))
	return b.done()
}

// loadedDispute returns a store holding Fixtures and Dispute, and them.
func loadedDispute(t *testing.T, open func(t *testing.T) kg.Store) (kg.Store, []*kg.Extraction) {
	t.Helper()
	s := open(t)
	xs := append(Fixtures(), Dispute())
	SaveAll(t, s, xs)
	return s, xs
}
