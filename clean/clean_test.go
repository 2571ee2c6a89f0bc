package clean

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precis-news/precis"
)

var update = flag.Bool("update", false, "rewrite the golden expected.txt files")

// render shows a cleaned document as the golden files hold it: the kept text,
// then every removal with its reason.
func render(d precis.Document) string {
	var b strings.Builder
	b.WriteString(d.Text)
	b.WriteString("\n\n--- removed\n")
	for _, r := range d.Removed {
		fmt.Fprintf(&b, "[%s] %s\n", r.Reason, r.Text)
	}
	return b.String()
}

// readCase reads testdata/<name>: input.txt and, when present, title.txt.
func readCase(t *testing.T, dir string) precis.Document {
	t.Helper()
	in, err := os.ReadFile(filepath.Join(dir, "input.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := precis.Document{ID: filepath.Base(dir), Text: string(in)}
	if title, err := os.ReadFile(filepath.Join(dir, "title.txt")); err == nil {
		d.Title = strings.TrimSpace(string(title))
	}
	return d
}

func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob("testdata/*/input.txt")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, in := range dirs {
		dir := filepath.Dir(in)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			d := readCase(t, dir)
			Document(&d)
			got := render(d)
			path := filepath.Join(dir, "expected.txt")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("cleaning %s changed (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", dir, got, want)
			}
		})
	}
}

// TestWordsAccounted checks that the kept text and the removals hold every
// word of the input, on the golden cases and the example story.
func TestWordsAccounted(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/input.txt")
	seeds, _ := filepath.Glob("../examples/sessions/*.txt")
	for _, f := range append(files, seeds...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := precis.Document{Text: string(b)}
		Document(&d)
		if got, want := d.Words()+d.RemovedWords(), precis.CountWords(string(b)); got != want {
			t.Errorf("%s: %d kept + %d removed words, want %d", f, d.Words(), d.RemovedWords(), want)
		}
	}
}

// newsLines must survive cleaning: short paragraphs, quotes, datelines, news
// about apps and newsletters, lines that look like furniture but are not.
var newsLines = []string{
	"He declined to comment.",
	"Talks are due to resume on Friday.",
	"— Reuters",
	"WASHINGTON (Reuters) - The Senate passed the bill on Tuesday.",
	`"We will not go back," union leader Tomas Hale told Reuters.`,
	"The app, which has been downloaded 30 million times, shared location data with advertisers.",
	"Subscribers to the premium plan were also affected.",
	"Click-and-collect orders rose 12% in the quarter.",
	"Follow-up checks will take place in six months.",
	"Support for the measure among members fell to 41%.",
	"Get-out-the-vote groups knocked on 2 million doors.",
	"Video footage released by police showed the car speeding away.",
	"The photo shows the moment the bridge collapsed, an inspector said.",
	`"Sign up, give us your data, and trust us — that was the deal," said campaigner Ines Rocha.`,
	"Why does it matter?",
	"Sessions met with Kislyak twice, according to the Justice Department.",
	"The company's shares fell 4% in early trading.",
	"Moscow has denied the accusations.",
	"Apple's new ad blocker will ship with the next update, the company said.",
	"The new service lets users share photos on Facebook and Twitter.",
	"Watch out for black ice on bridges, the weather service warned.",
	"June 26 -- PPL Center, Allentown, PA",
	"Comments from residents were overwhelmingly negative.",
	"Editing by hand took the team three weeks, she said.",
	"By Sunday night the crowd had grown to several thousand.",
}

func TestKeepsNews(t *testing.T) {
	for _, line := range newsLines {
		t.Run(line, func(t *testing.T) {
			if r := classify(line); r != "" {
				t.Errorf("classify(%q) = %q, want it kept", line, r)
			}
			// In a document, with a headline and other paragraphs around it.
			text := "Council approves budget\n\nThe council approved the budget on Monday after a long debate.\n\n" + line + "\n\nThe vote was 7-2."
			got, removed := Text(text, "Council approves budget")
			if !strings.Contains(got, line) {
				t.Errorf("%q removed from a document: %v", line, removed)
			}
		})
	}
}

// furnitureLines must go, each for its reason.
var furnitureLines = []struct{ line, reason string }{
	{"Send in e-mailSend in e-mail", Share},
	{"Shares", Share},
	{"Facebook Twitter Email Print", Share},
	{"1.2K shares", Share},
	{">> Get all updates on the White House and world news: Download our free App, and Subscribe >>", Promo},
	{"Click the alert icon to follow topics:", Promo},
	{"Sign up for BREAKING NEWS Emails privacy policy Thanks for subscribing!", Promo},
	{"Advertisement", Promo},
	{"Story continues below advertisement", Promo},
	{"Follow us on Facebook, Twitter, Google+, Tumblr!", Promo},
	{"Donald Trump sits with Jeff Sessions at Trump Tower, October 7, 2016. Credit: Mike Segar, Reuters", Caption},
	{"Senator Jeff Sessions Reuters", Caption},
	{"Senator Jeff SessionsReuters", Caption},
	{"U.S. Attorney General Jeff Sessions speaks in the Oval Office, Feb. 9, 2017. Reuters", Caption},
	{"Jonathan Ernst/Reuters", Caption},
	{"(Image: Getty)", Caption},
	{"President Trump speaks in the East Room. (AP Photo/Evan Vucci)", Caption},
	{"FILE - In this April 17, 2018 file photo, a man walks past the courthouse.", Caption},
	{"WATCH: Jeff Sessions denies contact with Russians during Senate hearing", Video},
	{"Rating is available when the video has been rented.", Video},
	{"ABC News' Chris Donovan contributed to this report.", Credit},
	{"(Reporting by Maria Oduya; Editing by Susan Park)", Credit},
	{"By Terry Wade", Credit},
	{"Write to Sarah Kent at sarah.kent@wsj.com", Credit},
	{"Related: What parents need to know about the virus", Related},
	{"[Related: Trump emerges from 'very good' private meeting with Kim]", Related},
	{"More from MarketWatch", Related},
	{"© 2017 WTOP. All Rights Reserved.", Notice},
	{"This feature is not available right now. Please try again later.", Notice},
	{"***", Separator},
	{"______________________________", Separator},
}

func TestRemovesFurniture(t *testing.T) {
	for _, c := range furnitureLines {
		t.Run(c.line, func(t *testing.T) {
			if got := classify(c.line); got != c.reason {
				t.Errorf("classify(%q) = %q, want %q", c.line, got, c.reason)
			}
		})
	}
}

func TestContext(t *testing.T) {
	tests := []struct {
		name, title, text string
		kept              []string
		removed           map[string]string // text → reason
	}{{
		name:  "repeated headline",
		title: "Storm closes schools",
		text:  "Storm closes schools\nStorm closes schools\n\nAll schools in the county were closed on Friday as the storm hit.",
		kept:  []string{"All schools in the county were closed on Friday as the storm hit."},
		removed: map[string]string{
			"Storm closes schools": Headline,
		},
	}, {
		name:  "caption repeated with its credit",
		title: "",
		text:  "The mayor speaks at City Hall on Monday, May 1, 2023.\nThe mayor speaks at City Hall on Monday, May 1, 2023. Credit: Ana Ruiz, Reuters\n\nThe mayor announced a new budget on Monday that raises spending on schools by 8%.",
		kept:  []string{"The mayor announced a new budget"},
		removed: map[string]string{
			"The mayor speaks at City Hall on Monday, May 1, 2023.": Caption,
		},
	}, {
		name: "repeated paragraph",
		text: "The river rose four metres overnight and flooded the lower town, officials said on Tuesday.\n\nResidents were evacuated by boat.\n\nThe river rose four metres overnight and flooded the lower town, officials said on Tuesday.",
		kept: []string{"Residents were evacuated by boat."},
		removed: map[string]string{
			"The river rose four metres overnight and flooded the lower town, officials said on Tuesday.": Duplicate,
		},
	}, {
		name: "list items said three times stay",
		text: "The plan for each day:\n\nEat a full breakfast before nine in the morning and drink two glasses of water with it.\n\nMonday\n\nEat a full breakfast before nine in the morning and drink two glasses of water with it.\n\nTuesday\n\nEat a full breakfast before nine in the morning and drink two glasses of water with it.",
		kept: []string{"Eat a full breakfast before nine in the morning and drink two glasses of water with it.\n\nMonday\n\nEat a full breakfast"},
	}, {
		name: "closing list that belongs to the story stays",
		text: "Twenty teams have qualified for the tournament in Germany, with Spain, France and England among the favourites after the group stage.\n\nQualified teams:\n\nSpain (Group A)\nFrance (Group B)\nEngland (Group C)\nGermany (hosts)",
		kept: []string{"Spain (Group A)", "Germany (hosts)"},
	}, {
		name: "unrelated headlines after the story go",
		text: "The city council approved the budget for the new library on Monday after a long debate about its cost.\n\nThe library will open in 2026.\n\nZoo welcomes twin red pandas\nHigh school band heads to national finals\nBakery owner marks 50 years on Main Street",
		kept: []string{"The library will open in 2026."},
		removed: map[string]string{
			"Zoo welcomes twin red pandas":               Related,
			"Bakery owner marks 50 years on Main Street": Related,
		},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := precis.Document{Title: tc.title, Text: tc.text}
			Document(&d)
			for _, k := range tc.kept {
				if !strings.Contains(d.Text, k) {
					t.Errorf("lost %q; text:\n%s\nremoved: %v", k, d.Text, d.Removed)
				}
			}
			for text, reason := range tc.removed {
				found := false
				for _, r := range d.Removed {
					if r.Text == text {
						found = true
						if r.Reason != reason {
							t.Errorf("%q removed as %q, want %q", text, r.Reason, reason)
						}
					}
				}
				if !found {
					t.Errorf("%q not removed; text:\n%s", text, d.Text)
				}
			}
		})
	}
}

// TestSeeds checks the furniture of the example story (examples/sessions).
func TestSeeds(t *testing.T) {
	read := func(name string) precis.Document {
		b, err := os.ReadFile(filepath.Join("..", "examples", "sessions", name))
		if err != nil {
			t.Fatal(err)
		}
		title, body, _ := strings.Cut(string(b), "\n")
		return precis.Document{ID: name, Title: title, Text: body}
	}
	d := read("002_1d55d7acc583357e.txt")
	Document(&d)
	if strings.Contains(d.Text, "Shares") || strings.Contains(d.Text, "Lego launching") {
		t.Errorf("002 keeps furniture:\n%s", d.Text)
	}
	if n := strings.Count(d.Text, "Attorney General Jeff Sessions met twice"); n != 1 {
		t.Errorf("002 holds its lead %d times, want once", n)
	}
	if !strings.Contains(d.Text, "\n\n\"I never met with any Russian officials") {
		t.Errorf("002 lost its paragraphed copy:\n%s", d.Text)
	}
	d = read("001_1b1538d279cd85fa.txt")
	Document(&d)
	for _, junk := range []string{"Send in e-mail", "Credit:", "Download our free App", "WATCH:", "Click the alert icon", "Donald Trump sits with"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("001 keeps %q", junk)
		}
	}
	if !strings.Contains(d.Text, "Moscow has denied the accusations.") {
		t.Errorf("001 lost its last paragraph")
	}
}

func ExampleDocument() {
	d := precis.Document{
		Title: "Port strike halts grain exports",
		Text: "Port strike halts grain exports\n" +
			"Send in e-mailSend in e-mail\n\n" +
			"Grain exports from Eastbridge came to a halt on Wednesday as a strike entered its third day.\n\n" +
			"Dockworkers at the port. REUTERS/Maria Oduya\n\n" +
			"Talks are due to resume on Friday.\n\n" +
			"Click the bell icon to follow this story:",
	}
	Document(&d)
	fmt.Println(d.Text)
	for _, r := range d.Removed {
		fmt.Printf("[%s] %s\n", r.Reason, r.Text)
	}
	// Output:
	// Grain exports from Eastbridge came to a halt on Wednesday as a strike entered its third day.
	//
	// Talks are due to resume on Friday.
	// [headline] Port strike halts grain exports
	// [share] Send in e-mailSend in e-mail
	// [caption] Dockworkers at the port. REUTERS/Maria Oduya
	// [promo] Click the bell icon to follow this story:
}

func FuzzText(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/input.txt")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b), "")
		}
	}
	f.Add("Shares   A   B   C   D\n\nx", "A")
	f.Add("\n\n\t \u00a0\n", "")
	f.Fuzz(func(t *testing.T, text, title string) {
		kept, removed := Text(text, title)
		n := precis.CountWords(kept)
		for _, r := range removed {
			n += precis.CountWords(r.Text)
			if r.Reason == "" {
				t.Fatalf("removal %q without a reason", r.Text)
			}
		}
		if want := precis.CountWords(text); n != want {
			t.Fatalf("%d words kept and removed, input has %d", n, want)
		}
	})
}

func BenchmarkSeedStory(b *testing.B) {
	files, _ := filepath.Glob("../examples/sessions/*.txt")
	var texts []string
	size := 0
	for _, f := range files {
		bs, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(bs))
		size += len(bs)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			d := precis.Document{Text: t}
			Document(&d)
		}
	}
}

// TestPromoFirsts: the first words of the promotion words fit the bits of features.promo.
func TestPromoFirsts(t *testing.T) {
	if len(promoFirsts) > 128 {
		t.Errorf("%d first words of promotion words, features.promo holds 128", len(promoFirsts))
	}
}
