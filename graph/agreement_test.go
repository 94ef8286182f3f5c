package graph_test

import (
	"reflect"
	"testing"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/store/storetest"
)

func TestAgreementHistory(t *testing.T) {
	fx := newDisputeFixture(t, graph.Options{})
	var r struct {
		Entity map[string][]idOnly
	}
	query(t, fx.handler, `{ entity(name: "Treaty on Comprehensive Strategic Partnership") { ... on Agreement {
	  signings { id } approvals { id } ratifications { id } entryIntoForce { id } withdrawals { id } proposals { id }
	  occurredApprovals: approvals(statuses: [OCCURRED]) { id }
	  firstTwoProposals: proposals(first: 2) { id }
	} } }`, nil, &r)
	treaty := []string{storetest.TreatyID}
	for field, f := range map[string]kg.EventFilter{
		"signings":          {ObjectIDs: treaty, Types: []kg.EventType{kg.EventSigned}},
		"approvals":         {ObjectIDs: treaty, Types: []kg.EventType{kg.EventApproved}},
		"ratifications":     {ObjectIDs: treaty, Types: []kg.EventType{kg.EventRatified}},
		"entryIntoForce":    {ObjectIDs: treaty, Types: []kg.EventType{kg.EventEnteredIntoForce}},
		"withdrawals":       {ObjectIDs: treaty, Types: []kg.EventType{kg.EventWithdrew}},
		"proposals":         {ObjectIDs: treaty, Types: []kg.EventType{kg.EventProposed}},
		"occurredApprovals": {ObjectIDs: treaty, Types: []kg.EventType{kg.EventApproved}, Statuses: []kg.Status{kg.StatusOccurred}},
	} {
		want := expectEvents(fx.xs, f)
		if len(want) == 0 {
			t.Fatalf("%s: the fixtures hold none; the case tests nothing", field)
		}
		if got := ids(r.Entity[field]); !reflect.DeepEqual(got, want) {
			t.Errorf("%s =\n%v\nwant, in date order,\n%v", field, got, want)
		}
	}
	if got, want := ids(r.Entity["firstTwoProposals"]), ids(r.Entity["proposals"])[:2]; !reflect.DeepEqual(got, want) {
		t.Errorf("proposals(first: 2) = %v, want %v", got, want)
	}
}

func TestAgreementPartiesAndSignatories(t *testing.T) {
	fx := newDisputeFixture(t, graph.Options{})
	var r struct {
		Treaty, Old struct {
			Parties     []struct{ ID, Name, Country string }
			Signatories []struct {
				ID       string
				Typename string `json:"__typename"`
			}
		}
	}
	query(t, fx.handler, `{
	  treaty: entity(name: "strategic partnership treaty") { ...P }
	  old: entity(name: "2001 treaty") { ...P }
	}
	fragment P on Agreement { parties { id name country } signatories { __typename id } }`, nil, &r)
	parties := func(ps []struct{ ID, Name, Country string }) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.ID)
		}
		return out
	}
	// Putin (RU) and Pezeshkian (IR) signed first, so Russia then Iran,
	// though neither state acted itself on this treaty.
	if got, want := parties(r.Treaty.Parties), []string{storetest.RussiaID, storetest.IranID}; !reflect.DeepEqual(got, want) {
		t.Fatalf("treaty parties = %v, want %v", got, want)
	}
	// Pezeshkian's later signing is negated and his June one planned:
	// neither adds a signatory or a second entry.
	var sig []string
	for _, s := range r.Treaty.Signatories {
		sig = append(sig, s.ID)
		if s.Typename != "Person" {
			t.Fatalf("signatory %s is a %s, want a Person", s.ID, s.Typename)
		}
	}
	if want := []string{storetest.PutinID, storetest.PezeshkianID}; !reflect.DeepEqual(sig, want) {
		t.Fatalf("treaty signatories = %v, want %v", sig, want)
	}
	// Russia and Iran signed the 2001 treaty as states; Iran's withdrawal
	// from it is negated and adds nothing.
	if got, want := parties(r.Old.Parties), []string{storetest.RussiaID, storetest.IranID}; !reflect.DeepEqual(got, want) {
		t.Fatalf("2001 treaty parties = %v, want %v", got, want)
	}
	if len(r.Old.Signatories) != 2 || r.Old.Signatories[0].Typename != "State" {
		t.Fatalf("2001 treaty signatories = %+v, want the two states", r.Old.Signatories)
	}
}

func TestAgreementStageAsOf(t *testing.T) {
	fx := newDisputeFixture(t, graph.Options{})
	q := `query($date: String!) { entity(name: "Russia-Iran treaty") { ... on Agreement {
	  stageAsOf(date: $date) { stage asOf event { id type status date { value latest } agents { name } } }
	} } }`
	type stage struct {
		Stage, AsOf string
		Event       struct {
			ID, Type, Status string
			Date             struct{ Value, Latest *string }
			Agents           []struct{ Name string }
		}
	}
	for _, c := range []struct {
		date, stage, agent, value string
	}{
		{"2021-12-31", "", "", ""},
		// The 2022 proposal is known to the year: only certain from its
		// last day.
		{"2022-12-30", "", "", ""},
		{"2022-12-31", "PROPOSED", "Iran", "2022"},
		{"2025-01-17", "SIGNED", "Vladimir Putin", "2025-01-17"},
		// The Duma's ratification on 8 April outranks the approvals.
		{"2025-04-20", "RATIFIED", "State Duma", "2025-04-08"},
		// Entry into force is reported for the week of 29 September: not
		// certain before its Sunday, 5 October.
		{"2025-10-04", "RATIFIED", "State Duma", "2025-04-08"},
		{"2025-10-05", "ENTERED_INTO_FORCE", "", "2025-09-29/2025-10-05"},
	} {
		var r struct{ Entity struct{ StageAsOf *stage } }
		query(t, fx.handler, q, map[string]any{"date": c.date}, &r)
		got := r.Entity.StageAsOf
		if c.stage == "" {
			if got != nil {
				t.Fatalf("stageAsOf(%s) = %+v, want null", c.date, got)
			}
			continue
		}
		if got == nil || got.Stage != c.stage || got.AsOf != c.date || got.Event.Type != c.stage || got.Event.Status != "OCCURRED" ||
			str(got.Event.Date.Value) != c.value || str(got.Event.Date.Latest) > c.date {
			t.Fatalf("stageAsOf(%s) = %+v, want %s on %s", c.date, got, c.stage, c.value)
		}
		if c.agent != "" && (len(got.Event.Agents) == 0 || got.Event.Agents[0].Name != c.agent) {
			t.Fatalf("stageAsOf(%s) event agents = %+v, want %s", c.date, got.Event.Agents, c.agent)
		}
	}
	r := do(t, fx.handler, q, map[string]any{"date": "October 2025"})
	wantError(t, r, graph.CodeBadUserInput)
}
