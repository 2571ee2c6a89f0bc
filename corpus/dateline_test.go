package corpus

import (
	"testing"
	"unicode/utf8"
)

func TestDateline(t *testing.T) {
	tests := []struct{ text, want string }{
		{"CAIRO (Reuters) - European Union foreign policy chief Catherine Ashton said on Tuesday.", "CAIRO (Reuters) - "},
		{"WASHINGTON (AP) _ The leaks are real, the president said.", "WASHINGTON (AP) _ "},
		{"WASHINGTON (AP) — The leaks are real.", "WASHINGTON (AP) — "},
		{"SAN FRANCISCO — Kleiner Perkins is offering a new deal.", "SAN FRANCISCO — "},
		{"CAIRO—The European Union's top diplomat met with Mohammed Morsi.", "CAIRO—"},
		{"NEW YORK, March 2 — Stocks fell on Monday.", "NEW YORK, March 2 — "},
		{"LIMA, Dec 1 (Reuters) - Peru suspended its top organized crime prosecutor.", "LIMA, Dec 1 (Reuters) - "},
		{"KUALA LUMPUR, Malaysia (AP) — The banned chemical weapon was found.", "KUALA LUMPUR, Malaysia (AP) — "},
		{"AUGUSTA, Ga. (WRDW/WAGT) – Multiple investigations began.", "AUGUSTA, Ga. (WRDW/WAGT) – "},
		{"COLUMBIA, S.C. - The South Carolina deputy was fired.", "COLUMBIA, S.C. - "},
		{"SPOKANE, Wash. - Seattle is trying to discourage people.", "SPOKANE, Wash. - "},
		{"CHRISTCHURCH, New Zealand (Reuters) - U.S. Secretary of State John Kerry arrived.", "CHRISTCHURCH, New Zealand (Reuters) - "},
		{"Salahuddin, Libya (CNN) -- It's a harrowing story.", "Salahuddin, Libya (CNN) -- "},
		{"Seoul, South Korea (CNN) North Korea is believed to be moving.", "Seoul, South Korea (CNN) "},
		{"Sycamore, Illinois (CNN) The man convicted in the oldest cold case was freed.", "Sycamore, Illinois (CNN) "},
		{"Washington (CNN) — The Senate voted on Tuesday.", "Washington (CNN) — "},
		{"(CNN) Greg Gianforte, the Montana congressman-elect, apologized.", "(CNN) "},
		{"(Reuters Health) - One in seven colon cancers is found in younger adults.", "(Reuters Health) - "},
		{"MONDAY, Jan. 25, 2016 (HealthDay News) -- Colon cancer rates are rising.", "MONDAY, Jan. 25, 2016 (HealthDay News) -- "},
		{"LONDON -- A leading shareholder advisory group has criticised BP.", "LONDON -- "},
		{"WOODLAND HILLS (CBSLA.com) — Was it a random attack?", "WOODLAND HILLS (CBSLA.com) — "},
		{"ST. LOUIS — The jury was told on Monday.", "ST. LOUIS — "},
		{"SYCAMORE, Ill. --A 76-year-old man will be released.", "SYCAMORE, Ill. --"},
		{"WOODLAND HILLS >> Homicide detectives are investigating.", "WOODLAND HILLS >> "},
		{"The vote was 5 > 3 in favour of the plan.", ""},
		{"FILE - This 2013 photo shows the bridge.", ""},
		// Not datelines.
		{"Jack Salmon (Mark Wahlberg) is a family man and a hobbyist.", ""},
		{"Transportation Security Administration (TSA) Administrator John Pistole spoke.", ""},
		{"Washington — and Moscow — agreed on nothing.", ""},
		{"NASA — the space agency — said it would try again.", ""},
		{"The Centers for Disease Control and Prevention (CDC) is working on it.", ""},
		{"(Taxpayers) will continue to cover the rising costs.", ""},
		{"(She escaped.)", ""},
		{"TSA officers screened 2 million people, the agency said.", ""},
		{"AP-NORC poll finds most Americans agree.", ""},
		{"PRESIDENT DONALD TRUMP: I mean it's story after story.", ""},
		{"I — for one — disagree.", ""},
		{"", ""},
		{"CAIRO", ""},
		{"CAIRO (Reuters) - ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			n := Dateline(tt.text)
			if got := tt.text[:n]; got != tt.want {
				t.Errorf("Dateline = %q, want %q", got, tt.want)
			}
		})
	}
}

// FuzzDateline checks that Dateline never panics and returns a prefix of the
// text that ends before the sentence's first character.
func FuzzDateline(f *testing.F) {
	for _, s := range []string{"CAIRO (Reuters) - Egypt said.", "(CNN) A man", "NEW YORK, March 2 — Stocks", "Salahuddin, Libya (CNN) -- It", "A—", "(", "X, , (A) -"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		n := Dateline(text)
		if n < 0 || n > len(text) || n > 0 && n == len(text) {
			t.Fatalf("Dateline(%q) = %d", text, n)
		}
		if n > 0 && !utf8.RuneStart(text[n]) {
			t.Fatalf("Dateline(%q) = %d: not a rune boundary", text, n)
		}
	})
}
