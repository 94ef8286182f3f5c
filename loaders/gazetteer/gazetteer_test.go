package gazetteer

import "testing"

func TestDataValidates(t *testing.T) {
	if err := LoadErr(); err != nil {
		t.Fatalf("load embedded data: %v", err)
	}
	if err := Default().Validate(); err != nil {
		t.Fatalf("embedded data is invalid:\n%v", err)
	}
}
