package loaders

import "testing"

func TestSplitSentences(t *testing.T) {
	text := "The U.S. withdrew in 2018. Russian President Vladimir Putin said so.\nA heading line\nIt was signed on January 13.Russia and Iran met. Mr. Lavrov agreed! Then \"It works.\" He left."
	got := splitSentences(text)
	want := []string{
		"The U.S. withdrew in 2018.",
		"Russian President Vladimir Putin said so.",
		"A heading line",
		"It was signed on January 13.",
		"Russia and Iran met.",
		"Mr. Lavrov agreed!",
		"Then \"It works.\"",
		"He left.",
	}
	if len(got) != len(want) {
		for _, s := range got {
			t.Logf("%q", s.Text)
		}
		t.Fatalf("got %d sentences, want %d", len(got), len(want))
	}
	for i, s := range got {
		if s.Text != want[i] {
			t.Errorf("sentence %d = %q, want %q", i, s.Text, want[i])
		}
		if text[s.Start:s.End] != s.Text {
			t.Errorf("sentence %d offsets [%d,%d) do not point at its text", i, s.Start, s.End)
		}
	}
	if !got[2].Heading || got[1].Heading {
		t.Errorf("heading flags wrong: %v %v", got[1].Heading, got[2].Heading)
	}
}
