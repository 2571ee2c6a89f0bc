package summarize

import (
	"slices"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
)

func TestFlaws(t *testing.T) {
	tests := []struct {
		text string
		want Flaw
	}{
		{"The county closed the Old Mill Bridge on Tuesday after a crack was found.", 0},
		{"But the county said that safety had to come first.", Connective},
		{"However, the county said that safety had to come first.", Connective},
		{"In addition, the county will inspect four other bridges.", Connective},
		{"So far, no driver has been hurt on the Old Mill Bridge.", 0},
		{"Earlier this year, the county inspected every bridge.", 0},
		{"He said the county would reopen the bridge within three weeks.", Anaphor},
		{"They were told to take the detour through Millbrook.", Anaphor},
		{"This is the second closure in five years.", Anaphor},
		{"This week, the county closed the bridge to all traffic.", 0},
		{"It was the second closure in five years.", Anaphor},
		{"It is unclear when the bridge will reopen.", 0},
		{"There were no injuries when the crack was found.", 0},
		{"The official said the bridge was safe until Tuesday.", Anaphor},
		{"The man was taken to hospital with minor injuries.", Anaphor},
		{"The man convicted in the oldest cold case was freed on Friday.", 0},
		{"The move comes a week after the county's budget vote.", Anaphor},
		{"Lopez spoke at the bridge, and the engineer said there that it would reopen.", Anaphor},
		{"Lopez said there was no danger to drivers on Monday.", 0},
		{`"We closed it the moment we understood how serious it was," engineer Maria Lopez said.`, 0},
		{`“We closed it the moment we understood how serious it was,” Lopez told reporters.`, 0},
		{`"I never met with any officials to discuss it," Lopez said in a statement.`, 0},
		{`“There was absolutely nothing misleading about his answer,” Flores.`, Unattributed},
		{`"Sessions is not fit to serve and must resign."`, Unattributed},
		{`"He designed this rifle to defend his country."`, Anaphor | Unattributed},
		{`Lopez: "We will reopen the bridge as soon as it is safe."`, 0},
		{"Will the county reopen the bridge before the summer?", Question},
		{"reopen the bridge within three weeks, the county said.", Fragment},
		{"— Police found the driver on Sunday.", Fragment},
		{`Lopez said: "The damage is worse than we thought.`, QuoteStart},
		{`We will fix it before the winter," Lopez said.`, QuoteEnd | Anaphor},
		{`The repairs will take until the winter," Lopez said.`, QuoteEnd},
		{"Homicide detectives are investigating the death of a well-known...", Truncated},
		{"A woman waves the county flag during a protest at the bridge.", Caption},
		{"The boy who attends the school was not hurt in the crash.", 0},
		{"They've asked that you schedule their advertisements elsewhere.", Anaphor},
		{"Neither does a wedding that arrives so early in the story.", Connective},
		{"Neither man was hurt when the bridge closed.", 0},
		{"FILE - This June, 2013 photo released by the family shows officer Gerardo Hernandez.", Caption},
		{"In this Nov. 2, 2013 photo, mourners gather outside the terminal at the airport.", Caption},
		{"This photo was taken by a passenger minutes after the crash, the airline said.", Anaphor},
		{"EASTON (AP) — The county closed the bridge on Tuesday.", Dateline},
		{"EASTON (AP) — But the county said it was safe.", Dateline | Connective},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := Flaws(tt.text); got != tt.want {
				t.Errorf("Flaws = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFlawString(t *testing.T) {
	if got := (Connective | Unattributed).String(); got != "connective+unattributed" {
		t.Errorf("String = %q", got)
	}
	if got := Flaw(0).String(); got != "none" {
		t.Errorf("String = %q", got)
	}
	if !(Anaphor | QuoteEnd).Contextual() || (Anaphor | Question).Contextual() || Flaw(0).Contextual() {
		t.Error("Contextual is wrong")
	}
}

// TestLeadStandsAlone: Lead passes over a sentence that cannot stand alone while
// a document has one that can, takes a mended one after the sentence it follows,
// and falls back on the flawed ones when nothing else is left.
func TestLeadStandsAlone(t *testing.T) {
	docs := []precis.Document{
		{ID: "a", Text: "The county closed the Old Mill Bridge on Tuesday after inspectors found a crack. " +
			"“Nobody should drive across that river until every single weld is checked.” " +
			"Repairs could cost up to two million dollars, according to a preliminary estimate."},
		{ID: "b", Text: "About twelve thousand vehicles cross the Wren River on the old span every day. " +
			"They must now take a fourteen kilometre detour through the village of Millbrook."},
	}
	c := corpus.Build(docs)
	text := func(got []int) []string {
		var out []string
		for _, i := range got {
			out = append(out, c.Sentences[i].Text[:20])
		}
		return out
	}
	got := DefaultLead().Summarize(c, Budget{Sentences: 4})
	want := []int{0, 3, 4, 2} // a1, b1, b2 (mended: it follows b1), a3; not the quotation a2
	if !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))) {
		t.Errorf("Lead chose %q, want %q", text(got), text(want))
	}
	if k := slices.Index(got, 4); k < 1 || got[k-1] != 3 {
		t.Errorf("the mended sentence does not follow its own: %q", text(got))
	}
	if all := DefaultLead().Summarize(c, Budget{Sentences: 5}); !slices.Contains(all, 1) {
		t.Errorf("Lead did not fall back on the quotation: %q", text(all))
	}
}

// FuzzFlaws checks that Flaws never panics and finds only the flaws it names.
func FuzzFlaws(f *testing.F) {
	for _, s := range []string{"But he said.", `“It was," she said there that`, "EASTON (AP) — Will it?", "…", `"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got := Flaws(text); got >= QuoteEnd<<1 {
			t.Fatalf("Flaws(%q) = %d", text, got)
		}
	})
}
