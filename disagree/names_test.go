package disagree

import (
	"strings"
	"testing"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
)

func TestTitlesConflict(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"senior study author", "study lead author", true},
		{"lead author", "first author", false},
		{"attorney general", "attorney general", false},
		{"deputy attorney general", "attorney general", true},
		{"national security adviser", "nsa", false},
		{"vice president", "president", true},
		{"executive vice president", "vice president", false},
		{"special counsel", "executive vice president", false},
		{"sergeant", "lieutenant", true},
		{"lieutenant colonel", "colonel", true},
		{"lieutenant governor", "governor", true},
		{"senator", "representative", true},
		{"senator", "attorney general", false},
		{"partner", "associate", true},
		{"associate professor", "professor", true},
		{"associate professor", "assistant professor", true},
		{"director general", "director", false},
		{"police chief", "chief", false},
		{"spokesman", "spokeswoman", false},
		{"harford county sheriff", "sheriff", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := titlesConflict(tt.a, tt.b); got != tt.want {
				t.Errorf("titlesConflict(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
			if got := titlesConflict(tt.b, tt.a); got != tt.want {
				t.Errorf("titlesConflict(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
			}
		})
	}
}

func TestTitleNextToName(t *testing.T) {
	tests := []struct {
		text, name, want string
		past             bool
	}{
		{"said senior study author Dr. Samantha Hendren of the", "Samantha Hendren", "senior study author", false},
		{"Attorney-General Jeff Sessions said", "Jeff Sessions", "attorney general", false},
		{"according to Sen. Al Franken.", "Al Franken", "senator", false},
		{"claims it short-circuited former partner Ellen Pao’s career", "Ellen Pao", "partner", true},
		{"said Samantha Hendren, an associate professor of surgery at the", "Samantha Hendren", "associate professor", false},
		{"from Ellen Pao, the former partner who recently lost", "Ellen Pao", "partner", true},
		{"the report. Bill Vallie said", "Bill Vallie", "", false},
		{"Although Shell Chief Executive Ben van Beurden said", "Ben van Beurden", "shell chief executive", false},
		{"Bexar County Sheriff Javier Salazar said", "Javier Salazar", "bexar county sheriff", false},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			i := strings.Index(tt.text, tt.name)
			sp := precis.Span{Start: i, End: i + len(tt.name)}
			got := titleBefore(tt.text, sp)
			if got.title == "" {
				got = titleAfter(tt.text, sp)
			}
			if got.title != tt.want || got.past != tt.past {
				t.Errorf("title next to %q in %q = %q past=%v, want %q past=%v", tt.name, tt.text, got.title, got.past, tt.want, tt.past)
			}
		})
	}
}

// TestRoles checks "same role, different person": an office of one holder, named
// with its place or organisation, given to two people.
func TestRoles(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want int
	}{
		{"one sheriff, two names", "Bexar County Sheriff Javier Salazar said four deputies fired.", "Bexar County Sheriff John Alvarez said four deputies fired.", 1},
		{"one sheriff, one name", "Bexar County Sheriff Javier Salazar said four deputies fired.", "Bexar County Sheriff Javier Salazar told reporters on Friday.", 0},
		{"mayors of two cities", "Mayor Michael Nutter set a deadline for the camp.", "Mayor Antonio Villaraigosa set a deadline for the camp.", 0},
		{"two spokesmen", "Kenya Wildlife Service spokesman Paul Udoto said the lion was shot.", "Kenya Wildlife Service spokesman Paul Gathitu said the lion was shot.", 0},
		{"a former holder", "Former Texas Governor Rick Perry spoke.", "Texas Governor Greg Abbott spoke.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := corpus.Build([]precis.Document{{ID: "a", Text: tt.a}, {ID: "b", Text: tt.b}})
			if got := DefaultConfig().Conflicts(c, nil); len(got) != tt.want {
				t.Errorf("%d disagreements, want %d: %+v", len(got), tt.want, got)
			}
		})
	}
}

func TestUniqueRole(t *testing.T) {
	for title, want := range map[string]bool{
		"bexar county sheriff": true, "kleiner perkins chief executive": true, "texas attorney general": true,
		"vice president": false, "deputy sheriff": false, "spokesman": false, "lapd commander": false,
	} {
		if got := uniqueRole(title); got != want {
			t.Errorf("uniqueRole(%q) = %v, want %v", title, got, want)
		}
	}
}
