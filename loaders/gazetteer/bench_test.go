package gazetteer

import "testing"

func BenchmarkFold(b *testing.B) {
	for b.Loop() {
		Fold("Recep Tayyip Erdoğan")
	}
}

func BenchmarkLookups(b *testing.B) {
	g := Default()
	b.ResetTimer()
	for b.Loop() {
		g.StateByName("the United States")
		g.StateByDemonym("Iranian")
		g.StateByMetonym("the Kremlin")
		g.Institution("State Duma")
		g.Person("Erdogan")
		g.Agreement("Iran nuclear deal")
	}
}

func BenchmarkAgreementsByParties(b *testing.B) {
	g := Default()
	b.ResetTimer()
	for b.Loop() {
		g.AgreementsByParties([]string{"RU", "IR"}, "strategic_partnership", 2025)
	}
}

func BenchmarkSurfaces(b *testing.B) {
	g := Default()
	b.ResetTimer()
	for b.Loop() {
		g.Surfaces()
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(embedded); err != nil {
			b.Fatal(err)
		}
	}
}
