package entity

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
)

func find(texts ...string) *Set {
	var docs []precis.Document
	for i, t := range texts {
		docs = append(docs, precis.Document{ID: string(rune('a' + i)), Text: t})
	}
	return Find(corpus.Build(docs))
}

func entityNamed(s *Set, name string) (precis.Entity, bool) {
	for _, e := range s.Entities {
		if e.Name == name {
			return e, true
		}
	}
	return precis.Entity{}, false
}

func TestMerging(t *testing.T) {
	s := find(
		"Russian Ambassador Sergey Kislyak met Sen. Jeff Sessions in July. Sessions said nothing.",
		"Attorney General Jeff Sessions spoke twice with Russia's ambassador, Sergei Kislyak.",
		"Other members of the committee did not meet with Kisylak, said Sen. John McCain.",
	)
	tests := []struct {
		name    string
		typ     precis.EntityType
		aliases []string
		sources int
	}{
		{"Sergey Kislyak", precis.Person, []string{"Sergei Kislyak", "Kisylak"}, 3},
		{"Jeff Sessions", precis.Person, []string{"Sessions"}, 2},
		{"John McCain", precis.Person, nil, 1},
		{"Russia", precis.Place, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := entityNamed(s, tt.name)
			if !ok {
				t.Fatalf("no entity %q in %+v", tt.name, s.Entities)
			}
			if e.Type != tt.typ {
				t.Errorf("type %s, want %s", e.Type, tt.typ)
			}
			for _, a := range tt.aliases {
				if !slices.Contains(e.Aliases, a) {
					t.Errorf("aliases %v lack %q", e.Aliases, a)
				}
			}
			if len(e.Sources) != tt.sources {
				t.Errorf("sources %v, want %d", e.Sources, tt.sources)
			}
		})
	}
}

func TestSameSurnameDifferentPeople(t *testing.T) {
	s := find("Donald Trump met Melania Trump and Donald Trump Jr. at the hotel. Trump later left.")
	for _, name := range []string{"Donald Trump", "Melania Trump", "Donald Trump Jr"} {
		if _, ok := entityNamed(s, name); !ok {
			t.Errorf("no entity %q in %+v", name, s.Entities)
		}
	}
	if e, _ := entityNamed(s, "Donald Trump"); !slices.Contains(e.Aliases, "Trump") {
		t.Errorf("bare surname should go to the person named most: %+v", s.Entities)
	}
}

func TestTypes(t *testing.T) {
	s := find("The Senate Armed Services Committee met in Moscow on Monday. " +
		"A Justice Department official said the DOJ reviewed it. The Department of Justice agreed. " +
		"The New York Jets lost, and the Jets fired their coach. She lives in Cook County.")
	tests := []struct {
		name string
		typ  precis.EntityType
	}{
		{"Senate Armed Services Committee", precis.Organization},
		{"Moscow", precis.Place},
		{"Department of Justice", precis.Organization},
		{"New York Jets", precis.Organization},
		{"Cook County", precis.Place},
	}
	for _, tt := range tests {
		e, ok := entityNamed(s, tt.name)
		if !ok {
			t.Errorf("no entity %q in %+v", tt.name, s.Entities)
			continue
		}
		if e.Type != tt.typ {
			t.Errorf("%s: type %s, want %s", tt.name, e.Type, tt.typ)
		}
	}
	if e, _ := entityNamed(s, "Department of Justice"); !slices.Contains(e.Aliases, "DOJ") || !slices.Contains(e.Aliases, "Justice Department") {
		t.Errorf("aliases %v", e.Aliases)
	}
	if _, ok := entityNamed(s, "Monday"); ok {
		t.Error("a weekday is not an entity")
	}
}

func TestSentenceInitial(t *testing.T) {
	s := find("Despite the rain, the match went on. Officials said Maria Lopez won. Lopez thanked fans.")
	for _, e := range s.Entities {
		if e.Name == "Despite" || e.Name == "Officials" {
			t.Errorf("sentence-opening word taken for a name: %+v", e)
		}
	}
	if e, ok := entityNamed(s, "Maria Lopez"); !ok || e.Mentions != 2 {
		t.Errorf("Maria Lopez: %+v", s.Entities)
	}
}

func TestLookupAndAt(t *testing.T) {
	text := "Sen. Al Franken asked. Franken listened."
	s := find(text)
	e := s.Lookup("Sen. Al Franken")
	if e < 0 || s.Lookup("Franken") != e || s.Entities[e].Name != "Al Franken" {
		t.Fatalf("lookup: %d %+v", e, s.Entities)
	}
	m, ok := s.At(0, strings.Index(text, "Franken l"))
	if !ok || m.Entity != e {
		t.Errorf("At: %+v %v", m, ok)
	}
	if s.Genders[e] != Male {
		t.Errorf("gender %v", s.Genders[e])
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{{"kislyak", "kisylak", 1}, {"sergei", "sergey", 1}, {"trump", "trump", 0}, {"abc", "xyz", 3}}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b, 3); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// FuzzFind checks that no text makes the finder panic and that every mention lies in
// its document, inside the span of a word.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"", "A", "U.S.", "Sen. Al Franken, D-Minn., said.", "Sessions' aide", "O'Brien’s", "The The The",
		"Department of Children and Family Services", "Mr. ", "Saturday Night Live", "\n\nA  B\tC",
		"CLOSE Animal", "Food and Drug and", "Secretary of State A B", "X, Ark.", "D-", "-based", "A-B-C-", "Centers for and"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		s := Find(corpus.Build([]precis.Document{{ID: "d", Text: text}}))
		for _, m := range s.Mentions[0] {
			if !m.Span.Valid(len(text)) || m.Span.Len() == 0 || m.Entity < 0 || m.Entity >= len(s.Entities) {
				t.Fatalf("bad mention %+v in %d bytes", m, len(text))
			}
		}
		for _, e := range s.Entities {
			if e.Name == "" || e.Mentions == 0 || len(e.Sources) == 0 {
				t.Fatalf("bad entity %+v", e)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "examples", "sessions", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatal("no example story")
	}
	var docs []precis.Document
	size := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		size += len(t)
		docs = append(docs, precis.Document{ID: f, Text: string(t)})
	}
	c := corpus.Build(docs)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		Find(c)
	}
}

func TestSurnameOverLexicon(t *testing.T) {
	s := find("New York Mayor Michael Bloomberg spoke on Sunday. Bloomberg said the city was ready.",
		"Bloomberg, an independent, praised the plan.")
	e, ok := entityNamed(s, "Michael Bloomberg")
	if !ok || e.Type != precis.Person || !slices.Contains(e.Aliases, "Bloomberg") {
		t.Errorf("Bloomberg should be the person Michael Bloomberg: %+v", s.Entities)
	}
	s = find("Bloomberg reported that the shares fell. Analysts at Bloomberg said more.")
	if e, ok := entityNamed(s, "Bloomberg"); !ok || e.Type != precis.Organization {
		t.Errorf("Bloomberg alone is the company: %+v", s.Entities)
	}
}

func TestNameShapes(t *testing.T) {
	tests := []struct {
		text, name string
		typ        precis.EntityType
	}{
		{"Officials at the Centers for Disease Control and Prevention said so.", "Centers for Disease Control and Prevention", precis.Organization},
		{"A ruling by the Food and Drug Administration came on Monday.", "Food and Drug Administration", precis.Organization},
		{"He joined Secretary of State Hillary Clinton on the trip.", "Hillary Clinton", precis.Person},
		{"Worth Sparkman, a Tyson spokesman, declined to comment.", "Worth Sparkman", precis.Person},
		{"Compassion Over Killing, a Washington-based animal-advocacy organization, released it.", "Compassion Over Killing", precis.Organization},
		{"The family lives in Springdale, Ark., near the plant.", "Springdale", precis.Place},
		{"The Schertz-Cibolo-Universal City Independent School District mourned him.", "Schertz-Cibolo-Universal City Independent School District", precis.Organization},
		{`Graham said on NBC's "Meet the Press." He left.`, "Meet the Press", precis.Other},
		{`She was interviewed on CNN's "State of the Union" on Sunday.`, "State of the Union", precis.Other},
		{`The group "Truckers for the Constitution" is hoping to call attention to fees.`, "Truckers for the Constitution", precis.Organization},
		{"It is linked to al-Qaida, officials said.", "Al Qaeda", precis.Organization},
		{"He backed Lashkar-i-Taiba, a militant group.", "Lashkar-i-Taiba", precis.Organization},
		{"The former CNN Chief White House Correspondent spoke.", "White House", precis.Organization},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := entityNamed(find(tt.text), tt.name)
			if !ok {
				t.Fatalf("no entity %q in %+v", tt.name, find(tt.text).Entities)
			}
			if e.Type != tt.typ {
				t.Errorf("type %s, want %s", e.Type, tt.typ)
			}
		})
	}
}

func TestFurniture(t *testing.T) {
	s := find("Get daily news updates directly to your inbox Subscribe Thank you for subscribing\n\nVideo Loading Video Unavailable Click to play Tap to play\n\nCLOSE Animal advocacy group Compassion Over Killing presents an investigation of animal abuse.")
	for _, e := range s.Entities {
		switch e.Name {
		case "Subscribe", "Subscribe Thank", "Thank", "Video Loading Video Unavailable Click", "Tap", "CLOSE Animal", "Animal":
			t.Errorf("page furniture taken for an entity: %q", e.Name)
		}
	}
	if _, ok := entityNamed(s, "Compassion Over Killing"); !ok {
		t.Errorf("the name after the furniture is lost: %+v", s.Entities)
	}
}

func TestShortGivenNames(t *testing.T) {
	s := find("Dr. Jeff Chapa of Cleveland Clinic spoke first.", "Dr. Jeffrey Chapa, head of medicine, agreed. Chapa said more.")
	e, ok := entityNamed(s, "Jeffrey Chapa")
	if !ok {
		e, ok = entityNamed(s, "Jeff Chapa")
	}
	if !ok || len(e.Sources) != 2 {
		t.Errorf("Jeff Chapa and Jeffrey Chapa should be one person named in both documents: %+v", s.Entities)
	}
	s = find("Dan Smith and Dana Smith both spoke. Dana is his sister.")
	if _, ok := entityNamed(s, "Dana Smith"); !ok {
		t.Errorf("Dana Smith is not Dan Smith: %+v", s.Entities)
	}
}

// TestNotNames lists capitalised words that news text writes and that name nothing.
func TestNotNames(t *testing.T) {
	tests := []struct{ text, not string }{
		{"The police came. Police later found the car on the street near the park.", "Police"},
		{"EASTON — Inspectors found a crack in the bridge support.", "Inspectors"},
		{"(CNN) Hours after the game, the coach resigned.", "Hours"},
		{"When Mark returned to Hawaii I met him at the airport.", "Hawaii I"},
		{"He is held in a prison in Florence, Colo. The auction ends in June.", "Colo. The"},
		{"The show airs at 11:30 p.m. EST on Saturdays, and on TV in Canada.", "EST"},
		{"Coronary heart disease (CHD) kills many. CHD is common.", "CHD"},
		{"The firm serves 16 Latin American countries.", "Latin American"},
		{"Attacks by Shiites angered the kingdom.", "Shiites"},
		{"He spoke at the Pentagon. — Hayne Palmour IV Share Photo", "Hayne Palmour IV Share"},
		{"Michael Cohen is Executive Vice President of the firm.", "Executive Vice"},
		{`Twitter users asked "Says who?" and "We got him" again.`, "We got him"},
		{`He quoted "President Clinton" twice.`, "President Clinton"},
	}
	for _, tt := range tests {
		t.Run(tt.not, func(t *testing.T) {
			s := find(tt.text)
			if _, ok := entityNamed(s, tt.not); ok {
				t.Errorf("%q taken for an entity: %+v", tt.not, s.Entities)
			}
		})
	}
}
