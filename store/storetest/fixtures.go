package storetest

import (
	"strings"
	"time"

	"github.com/newsgraph/kg"
)

// Entity IDs that the fixtures use, exported so that other packages' tests
// (GraphQL, Neo4j) can ask about them by name.
var (
	PutinID             = kg.EntityID(kg.KindPerson, "Vladimir Putin")
	PezeshkianID        = kg.EntityID(kg.KindPerson, "Masoud Pezeshkian")
	AraghchiID          = kg.EntityID(kg.KindPerson, "Abbas Araghchi")
	RussiaID            = kg.EntityID(kg.KindState, "Russia")
	IranID              = kg.EntityID(kg.KindState, "Iran")
	DumaID              = kg.EntityID(kg.KindInstitution, "State Duma")
	FederationCouncilID = kg.EntityID(kg.KindInstitution, "Federation Council")
	MajlisID            = kg.EntityID(kg.KindInstitution, "Islamic Consultative Assembly")
	GuardianID          = kg.EntityID(kg.KindInstitution, "Guardian Council")
	EUID                = kg.EntityID(kg.KindInstitution, "European Union")
	TreatyID            = kg.EntityID(kg.KindAgreement, "Treaty on Comprehensive Strategic Partnership")
	OldTreatyID         = kg.EntityID(kg.KindAgreement, "Treaty on the Basis of Mutual Relations")
	MoscowID            = kg.EntityID(kg.KindPlace, "Moscow")
	TehranID            = kg.EntityID(kg.KindPlace, "Tehran")
)

// Extractor is the extractor version the fixtures carry.
const Extractor = "fixtures/v1"

// docBuilder writes a document's text sentence by sentence so that evidence
// offsets are computed, never typed by hand.
type docBuilder struct {
	x    *kg.Extraction
	text strings.Builder
}

func newDoc(title, url, author, source string, published kg.Date) *docBuilder {
	return &docBuilder{x: &kg.Extraction{Document: kg.Document{
		Title: title, URL: url, Author: author, Source: source, Published: published,
		Extractor: Extractor, LoadedAt: time.Date(2025, 11, 3, 9, 30, 0, 0, time.UTC),
	}}}
}

// sentence appends s to the text and returns its evidence (without the
// document ID, which is known only once the text is complete).
func (b *docBuilder) sentence(s, rule string) kg.Evidence {
	if b.text.Len() > 0 {
		b.text.WriteString(" ")
	}
	start := b.text.Len()
	b.text.WriteString(s)
	return kg.Evidence{Sentence: s, Start: start, End: b.text.Len(), Rule: rule}
}

func (b *docBuilder) entity(e kg.Entity) {
	e.ID = kg.EntityID(e.Kind, e.Name)
	b.x.Entities = append(b.x.Entities, e)
}

func (b *docBuilder) event(t kg.EventType, s kg.Status, d kg.Date, ev []kg.Evidence, ps ...kg.Participant) {
	b.x.Events = append(b.x.Events, kg.Event{Type: t, Status: s, Date: d, Participants: ps, Evidence: ev})
}

// done fixes the text, the document ID and everything derived from it.
func (b *docBuilder) done() *kg.Extraction {
	x := b.x
	x.Document.Text = b.text.String()
	x.Document.ContentHash = kg.ContentHash(x.Document.Text)
	x.Document.ID = kg.DocumentID(x.Document.ContentHash)
	for i := range x.Events {
		e := &x.Events[i]
		e.DocumentID = x.Document.ID
		for j := range e.Evidence {
			e.Evidence[j].DocumentID = x.Document.ID
		}
		e.ID = kg.EventID(e)
	}
	return x
}

func agent(id string) kg.Participant    { return kg.Participant{EntityID: id, Role: kg.RoleAgent} }
func object(id string) kg.Participant   { return kg.Participant{EntityID: id, Role: kg.RoleObject} }
func place(id string) kg.Participant    { return kg.Participant{EntityID: id, Role: kg.RoleLocation} }
func ev(e ...kg.Evidence) []kg.Evidence { return e }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Fixtures returns four extractions about the Russia–Iran strategic
// partnership treaty, fresh on every call so callers may modify them.
// Together they hold every event type, status and date precision; the
// second and third disagree about when the Federation Council approved the
// treaty; Masoud Pezeshkian and Russia appear in several documents under
// different aliases and roles.
func Fixtures() []*kg.Extraction {
	return []*kg.Extraction{signing(), ratificationRussia(), approvalIran(), analysis()}
}

func signing() *kg.Extraction {
	b := newDoc("Russia and Iran sign strategic partnership treaty", "https://news.example/2025/01/17/russia-iran-treaty",
		"Anna Petrova", "testdata/signing.html", kg.Day(day(2025, 1, 17)))
	b.entity(kg.Entity{Kind: kg.KindPerson, Name: "Vladimir Putin", Aliases: []string{"Putin"}, Country: "RU",
		WikidataID: "Q7747", Roles: []string{"President of Russia"}})
	b.entity(kg.Entity{Kind: kg.KindPerson, Name: "Masoud Pezeshkian", Aliases: []string{"Pezeshkian"}, Country: "IR",
		WikidataID: "Q5954129", Roles: []string{"President of Iran"}})
	b.entity(kg.Entity{Kind: kg.KindState, Name: "Russia", Aliases: []string{"Russian Federation"}, Country: "RU", WikidataID: "Q159"})
	b.entity(kg.Entity{Kind: kg.KindState, Name: "Iran", Aliases: []string{"Islamic Republic of Iran"}, Country: "IR", WikidataID: "Q794"})
	b.entity(kg.Entity{Kind: kg.KindAgreement, Name: "Treaty on Comprehensive Strategic Partnership",
		Aliases: []string{"strategic partnership treaty"}})
	b.entity(kg.Entity{Kind: kg.KindPlace, Name: "Moscow", Country: "RU", WikidataID: "Q649"})

	s1 := b.sentence("Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed the Treaty on Comprehensive Strategic Partnership in Moscow on January 17, 2025.", "sign-on-date")
	s2 := b.sentence("The treaty was first proposed by Tehran in 2022, officials said.", "propose-in-year")
	s3 := b.sentence("Both parliaments are expected to ratify the strategic partnership treaty in the coming weeks.", "expected-ratify")
	b.event(kg.EventSigned, kg.StatusOccurred, kg.Day(day(2025, 1, 17)), ev(s1),
		agent(PutinID), agent(PezeshkianID), object(TreatyID), place(MoscowID))
	b.event(kg.EventProposed, kg.StatusOccurred, kg.Year(2022), ev(s2), agent(IranID), object(TreatyID))
	b.event(kg.EventRatified, kg.StatusPlanned, kg.Unresolved("in the coming weeks"), ev(s3),
		agent(RussiaID), agent(IranID), object(TreatyID))
	return b.done()
}

func ratificationRussia() *kg.Extraction {
	b := newDoc("Duma ratifies Iran treaty; Federation Council follows", "https://wire.example/ru/2025-04-21/duma-iran",
		"", "testdata/duma.html", kg.Day(day(2025, 4, 21)))
	b.entity(kg.Entity{Kind: kg.KindInstitution, Name: "State Duma", Aliases: []string{"Duma"}, Country: "RU", WikidataID: "Q192821"})
	b.entity(kg.Entity{Kind: kg.KindInstitution, Name: "Federation Council", Country: "RU"})
	b.entity(kg.Entity{Kind: kg.KindPerson, Name: "Vladimir Putin", Aliases: []string{"President Putin"}, Country: "RU",
		Roles: []string{"President of Russia", "Supreme Commander-in-Chief"}})
	b.entity(kg.Entity{Kind: kg.KindState, Name: "Russia", Aliases: []string{"Russian Federation", "RF"}, Country: "RU"})
	b.entity(kg.Entity{Kind: kg.KindAgreement, Name: "Treaty on Comprehensive Strategic Partnership",
		Aliases: []string{"Russia-Iran treaty"}})

	s1 := b.sentence("The State Duma ratified the Russia-Iran treaty on April 8.", "ratify-on-date")
	s2 := b.sentence("The Federation Council approved the treaty on April 16, 2025.", "approve-on-date")
	s3 := b.sentence("President Putin signed the ratification law in the week that followed.", "sign-relative-week")
	s4 := b.sentence("In early April 2025 deputies proposed a resolution to speed up implementation.", "propose-in-month")
	b.event(kg.EventRatified, kg.StatusOccurred, kg.Day(day(2025, 4, 8)), ev(s1), agent(DumaID), object(TreatyID))
	b.event(kg.EventApproved, kg.StatusOccurred, kg.Day(day(2025, 4, 16)), ev(s2), agent(FederationCouncilID), object(TreatyID))
	b.event(kg.EventSigned, kg.StatusOccurred, kg.Week(day(2025, 4, 21)), ev(s3), agent(PutinID), object(TreatyID))
	b.event(kg.EventProposed, kg.StatusOccurred, kg.Month(2025, time.April), ev(s4), agent(DumaID), object(TreatyID))
	return b.done()
}

func approvalIran() *kg.Extraction {
	b := newDoc("Majlis approves partnership treaty with Russia", "https://tehran.example/news/majlis-treaty",
		"Reza Karimi", "api", kg.Day(day(2025, 5, 22)))
	b.entity(kg.Entity{Kind: kg.KindInstitution, Name: "Islamic Consultative Assembly", Aliases: []string{"Majlis", "Iranian Parliament"},
		Country: "IR", WikidataID: "Q1140353"})
	b.entity(kg.Entity{Kind: kg.KindInstitution, Name: "Guardian Council", Country: "IR"})
	b.entity(kg.Entity{Kind: kg.KindInstitution, Name: "Federation Council", Aliases: []string{"Russian Senate"}, Country: "RU"})
	b.entity(kg.Entity{Kind: kg.KindPerson, Name: "Masoud Pezeshkian", Aliases: []string{"Dr. Pezeshkian", "pezeshkian"},
		Country: "IR", Roles: []string{"President of the Islamic Republic of Iran"}})
	b.entity(kg.Entity{Kind: kg.KindState, Name: "Russia", Aliases: []string{"RF"}, Country: "RU"})
	b.entity(kg.Entity{Kind: kg.KindAgreement, Name: "Treaty on Comprehensive Strategic Partnership"})
	b.entity(kg.Entity{Kind: kg.KindPlace, Name: "Tehran", Country: "IR", WikidataID: "Q3616"})

	s1 := b.sentence("The Majlis approved the treaty with Russia on May 21, 2025, in Tehran.", "approve-on-date")
	s2 := b.sentence("Russia's Federation Council had approved it on April 18.", "approve-on-date")
	s3 := b.sentence("The Guardian Council approved the bill by June 1.", "approve-by-date")
	s4 := b.sentence("Dr. Pezeshkian is expected to sign the enabling law after June 2.", "sign-after-date")
	s5 := b.sentence("Lawmakers voted between May 12 and May 18 to propose an annex.", "propose-interval")
	b.event(kg.EventApproved, kg.StatusOccurred, kg.Day(day(2025, 5, 21)), ev(s1), agent(MajlisID), object(TreatyID), place(TehranID))
	b.event(kg.EventApproved, kg.StatusOccurred, kg.Day(day(2025, 4, 18)), ev(s2), agent(FederationCouncilID), object(TreatyID))
	b.event(kg.EventApproved, kg.StatusOccurred, kg.OnOrBefore(day(2025, 6, 1)), ev(s3), agent(GuardianID), object(TreatyID))
	b.event(kg.EventSigned, kg.StatusPlanned, kg.OnOrAfter(day(2025, 6, 2)), ev(s4), agent(PezeshkianID), object(TreatyID))
	b.event(kg.EventProposed, kg.StatusOccurred, kg.Interval(day(2025, 5, 12), day(2025, 5, 18)), ev(s5), agent(MajlisID), object(TreatyID))
	return b.done()
}

func analysis() *kg.Extraction {
	b := newDoc("What the Russia–Iran treaty does and does not do", "", "", "testdata/analysis.txt", kg.Unresolved(""))
	b.entity(kg.Entity{Kind: kg.KindAgreement, Name: "Treaty on Comprehensive Strategic Partnership"})
	b.entity(kg.Entity{Kind: kg.KindAgreement, Name: "Treaty on the Basis of Mutual Relations", Aliases: []string{"2001 treaty"}})
	b.entity(kg.Entity{Kind: kg.KindState, Name: "Iran", Aliases: []string{"Islamic Republic of Iran"}, Country: "IR"})
	// An alias that only repeats the name must not be stored as one.
	b.entity(kg.Entity{Kind: kg.KindState, Name: "Russia", Aliases: []string{"RUSSIA"}, Country: "RU"})
	b.entity(kg.Entity{Kind: kg.KindInstitution, Name: "European Union", Aliases: []string{"EU"}})
	b.entity(kg.Entity{Kind: kg.KindPerson, Name: "Abbas Araghchi", Aliases: []string{"Araghchi"}, Country: "IR",
		Roles: []string{"Foreign Minister of Iran"}})

	s1 := b.sentence("The treaty entered into force in the week of October 2, 2025.", "force-week")
	s2 := b.sentence("Iran did not withdraw from the 2001 treaty, which the new one replaces.", "withdraw-negated")
	s3 := b.sentence("Foreign Minister Abbas Araghchi denied reports that Iran would withdraw from the treaty.", "withdraw-denied")
	s4 := b.sentence("Some outlets claimed the EU had proposed talks on the treaty every year on 12 March.", "propose-alleged")
	s5 := b.sentence("The 2001 treaty entered into force at some point after its signing.", "force-unresolved")
	b.event(kg.EventEnteredIntoForce, kg.StatusOccurred, kg.Week(day(2025, 10, 2)), ev(s1), object(TreatyID))
	b.event(kg.EventWithdrew, kg.StatusNegated, kg.Unresolved(""), ev(s2), agent(IranID), object(OldTreatyID))
	b.event(kg.EventWithdrew, kg.StatusDenied, kg.Unresolved(""), ev(s3), agent(IranID), object(TreatyID))
	b.event(kg.EventProposed, kg.StatusAlleged, kg.DayOfYearUnknown(time.March, 12), ev(s4), agent(EUID), object(TreatyID))
	b.event(kg.EventEnteredIntoForce, kg.StatusOccurred, kg.Unresolved("at some point after its signing"), ev(s5), object(OldTreatyID))
	return b.done()
}
