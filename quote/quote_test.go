package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/corpus"
)

func extractOne(text string) []precis.Quote {
	return Extract(corpus.Build([]precis.Document{{ID: "a", Text: text}}), nil)
}

func TestSpeakers(t *testing.T) {
	tests := []struct {
		name, text, quote, speaker string
	}{
		{"name then verb", "Jeff Sessions spoke.\n\n\u201cI never met with any Russian officials,\u201d Sessions said.", "I never met", "Jeff Sessions"},
		{"verb then name", "\"There was absolutely nothing misleading about it,\" said Sessions spokeswoman Sarah Isgur Flores.", "There was", "Sarah Isgur Flores"},
		{"verb then title and name", "\"He is not fit to serve in that office,\" said House Minority Leader Nancy Pelosi (D-Calif.).", "He is not", "Nancy Pelosi"},
		{"colon", "In a statement, Sessions said: \"I have no idea what this allegation is about.\"", "I have no idea", "Sessions"},
		{"pronoun", "Maria Lopez spoke to reporters on Monday. \"We will appeal the ruling,\" she said.", "We will", "Maria Lopez"},
		{"description", "\u201cMembers have not been beating a path to his door,\u201d an anonymous senior committee staffer told the Post.", "Members", "an anonymous senior committee staffer"},
		{"according to", "\"The plan was never approved by the board,\" according to the Washington Post.", "The plan", "Washington Post"},
		{"continuation", "\"We are thrilled with the outcome,\" Lamm said. \"Our client is going home tonight.\"", "Our client", "Lamm"},
		{"surname to full name", "Senator Al Franken asked the question.\n\n\"What will you do about it?\" asked Franken.", "What will", "Al Franken"},
		{"previous sentence", "Tom Smith was furious after the vote.\n\n\"This is a betrayal of our voters.\"", "This is", "Tom Smith"},
		{"unattributed", "\"This is a betrayal of every single voter.\"", "This is", Unknown},
		{"single marks", "'I did not have communications with the Russians,' Sessions said during his hearing.", "I did not", "Sessions"},
		{"AP marks", "``We will win this election in November,'' said Jones.", "We will", "Jones"},
		{"guillemets", "«We will not leave the country now,» said Jones.", "We will", "Jones"},
		{"short attributed", "\"No comment,\" he said.", "No comment", Unknown},
		{"role noun", "Bexar County Sheriff Javier Salazar spoke on Friday.\n\n\"The deputies are understandably shaken up,\" the sheriff said.", "The deputies", "Javier Salazar"},
		{"role in apposition", "Maria Morales, a counselor at the school, spoke first. \"He was truly a kind soul to everyone,\" the counselor said.", "He was", "Maria Morales"},
		{"apposition subject", "Arias' attorney, Gail Glick, said in an e-mail that the app allowed \"bosses to see every move the employees made.\"", "bosses", "Gail Glick"},
		{"name before apposition", "Maria Morales, a counselor at the school, described the boy this way: \"He was a ball of energy and a kind soul.\"", "He was", "Maria Morales"},
		{"pronoun prefers gender and subject", "School counselor Maria Morales said Kameron was kind.\n\n\"He could strike up a conversation with anyone,\" she said.", "He could", "Maria Morales"},
		{"pronoun it", "The company Tyson Foods issued a statement on Monday. It called the process, which it described as \"a historical way the industry has worked for decades,\" obsolete.", "a historical", "Tyson Foods"},
		{"order is no source", "Arias claims her boss told her and other employees to download an app that \"tracked the exact location of the person holding the phone.\"", "tracked", "Arias"},
		{"phrasal verb", "\"Says who? Who says that?\" Michael Cohen fired back.", "Says who", "Michael Cohen"},
		{"inflected verb", "Intermex describes itself on its website as \"a leading processor of money-transfer services.\"", "a leading", "Intermex"},
		{"transcript", "Keilar asked about the polls.\n\nMichael Cohen: \"Says who?\"", "Says who", "Michael Cohen"},
		{"heading inherits nothing", "\"We will win this case in court,\" Lamm said.\n\n'A tragic accident that shook the town'\n\nThe town mourned.", "A tragic", Unknown},
		{"continuation past the attribution", "\"We are expecting people to pack up and leave,\" said Mark McDonald, spokesman for Mayor Nutter. \"I'm not going to speculate about what the city might do.\"", "I'm not", "Mark McDonald"},
		{"group noun", "For about 90 minutes, protesters chanted slogans such as, \"What does democracy look like? This is what it looks like.\"", "What does", "protesters"},
		{"asked by", "Asked by TV3's Duncan Garner Friday, \"Do you still rule out standing for president?\"", "Do you", "Duncan Garner"},
		{"participle", "In an interview, Hillary Clinton said the country was ready, adding \"it should be.\"", "it should", "Hillary Clinton"},
		{"infinitive", "On Sunday night, hip-hop mogul Russell Simmons went on Twitter to ask Nutter to \"remember this is a nonviolent movement.\"", "remember", "Russell Simmons"},
		{"name before a description", "Protesters praised the police, including Clark Davis, an Occupy LA organizer, who said to the officers, \"You guys have been fantastic.\"", "You guys", "Clark Davis"},
		{"inverted opener", "\"We have concerns about the trade agreement with Australia,\" began John Key.", "We have", "John Key"},
		{"title between verb and quotation", "Plouffe said Sunday on CNN's \"State of the Union\" that Obama is \"confident in his team and in the direction.\"", "confident", "Plouffe"},
		{"opening participle", "Pressed by host Chris Wallace whether that meant military action, Graham dodged a direct answer but emphasized that Pakistan was engaged in \"hostile acts against the U.S.\"", "hostile", "Graham"},
		{"adverb", "In court the next day, Leslie Merritt adamantly denied shooting any cars, telling the judge, \"I'm the wrong guy.\"", "I'm the", "Leslie Merritt"},
		{"apposition after the verb", "\"It's important to lose weight,\" said the lead author, Dr. Sripal Bangalore, an associate professor of medicine.", "It's important", "Sripal Bangalore"},
		{"signed", "Dr. Sripal Bangalore led the study.\n\n\"We need to examine how we can help Americans keep weight off.\" Dr. Sripal Bangalore   Learn more", "We need", "Sripal Bangalore"},
		{"possessive page", "As for the movement, a quick look at Jessica Yellin's Instagram page explains what it is about: \"News, not noise, for people who are tired of shouting.\"", "News, not", "Jessica Yellin"},
		{"progressive is no passive", "Ana Ruiz coached the team for years.\n\nThe boy's former coach, Ana Ruiz, spoke first. His coach is saying what the family cannot.\n\n\"He was doing what he loved.\"", "He was doing", "Ana Ruiz"},
		{"relative pronoun without comma", "In 2009 the paper found one flyer that said: \"These people will believe anything you tell them.\"", "These people", "one flyer"},
		{"pronoun ends the subject", "Pakistan will return the wreckage, Sen. Mark Olsen said Monday, part of what he called a \"series of careful steps toward trust.\"", "series", "Mark Olsen"},
		{"according to before a verb", "Acme, which according to the report has \"insight into about 700 million consumers worldwide,\" refused to answer.", "insight", "the report"},
		{"name qualifying a name", "Senator Paul Green aide Tom Baker spoke to CNN on Monday.\n\n\"Which polls are those?\" he asked.", "Which polls", "Tom Baker"},
		{"pronoun skips a name in a phrase", "Maria Lopez spoke on Monday. Of her plan to steer clear of Super Bowl ads, she said: \"I told my agents I would not do one this year.\"", "I told", "Maria Lopez"},
		{"post signature", "\"Polls. Most of them. All of them.\" \u2014 Alp Ozan (@alpo) August 17, 2016", "Polls", "Alp Ozan"},
		{"credentials", "Although it seems new, criminologist Jeffery Ross Ph.D. says it is old.\n\n\"People have always been fascinated by crime,\" Ross said.", "People have", "Jeffery Ross"},
		{"issued a statement", "Melvin was a member of the Elm Valley Titans football team, which issued a statement on Facebook: \"This is a sad moment for our whole family.\"", "This is", "Elm Valley Titans"},
		{"described group with a participle", "Twitter users are now mocking Cohen, replying \"Says who, exactly?\" to all his tweets.", "Says who", "Twitter users"},
		{"stray opening mark closes", "\u201cPhysicians need to use their judgment when seeing young people, \u201c Winawer added by email. \u201cThis is difficult.\u201d", "Physicians", "Winawer"},
		{"role leader", "Party leader Gerry Adams was released on Sunday.\n\nThe party leader said police had talked to people who were \"enemies of the peace process\".", "enemies", "Gerry Adams"},
		{"spokesperson for a name", "In November a spokesperson for Spacey said he was \"taking the time necessary to seek treatment.\"", "taking", "a spokesperson for Spacey"},
		{"you names no speaker", "A lot of people said, 'Well, Harvey, everybody knew.' As you were saying, that is not true.", "Well, Harvey", "A lot of people"},
		{"courtesy title gender", "Gerry Adams spoke first.\n\nPolice asked him about the murder of Mrs Jean McConville.\n\n\"The IRA is gone, it is finished,\" he added.", "The IRA", "Gerry Adams"},
		{"as reported in", "He gave back, and, as reported in MODERN in 2012, \"humor and gratitude guide his approach to life.\"", "humor", "MODERN"},
		{"coordinated verb", "The Louis Rey thing was a surprise. When he came out and said, \"I did this. These women are all telling the truth.\"", "I did", "Louis Rey"},
		{"initials label", "Peter Travers talked to Matt Damon.\n\nPT: What do you think?\n\nMD: \"I think it is over,\" and more.", "I think", "Matt Damon"},
		{"transcript turn", "Peter Travers talked to Matt Damon.\n\nMatt Damon: Ten years ago, you would say, \"Let us settle this quietly and move on.\" Not now.", "Let us", "Matt Damon"},
		{"relative clause about another", "Fabio Sementilli was 49. Among his mentors was his sister Mirella Rota Sementilli, who he once told MODERN was \"the best hairdresser in the world.\"", "the best", "Fabio Sementilli"},
		{"headline passive", "Suspect described as 'desperate, maybe on drugs'\n\nRhonda Campbell lives nearby.", "desperate", Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := extractOne(tt.text)
			for _, q := range qs {
				if strings.HasPrefix(q.Text, tt.quote) {
					if q.Speaker != tt.speaker {
						t.Errorf("speaker %q, want %q", q.Speaker, tt.speaker)
					}
					return
				}
			}
			t.Errorf("no quotation starting %q in %+v", tt.quote, qs)
		})
	}
}

func TestScareQuotes(t *testing.T) {
	for _, text := range []string{
		"He has repeatedly referred to them as \"fake news.\"",
		"The president dismissed it as a \"scam\" perpetrated by the media.",
		"She starred in \"The Lovely Bones\" last year.",
		"The ambassadors would make \"superficial comments\" about the election.",
		"Speaking to The Alliance, a \"Christian-centred global movement\", she added that it helped.",
	} {
		if qs := extractOne(text); len(qs) != 0 {
			t.Errorf("%q: scare quote taken for a quotation: %+v", text, qs)
		}
	}
}

func TestMultiParagraph(t *testing.T) {
	text := "Smith said:\n\n\"The first part of what I said goes on here\n\n\"and the second part ends here.\"\n\nThe end."
	qs := extractOne(text)
	if len(qs) != 1 {
		t.Fatalf("got %d quotations, want 1: %+v", len(qs), qs)
	}
	q := qs[0]
	if q.Text != "The first part of what I said goes on here and the second part ends here." {
		t.Errorf("text %q", q.Text)
	}
	if got := q.Mentions[0].Span.Of(text); !strings.HasPrefix(got, "The first") || !strings.HasSuffix(got, "ends here.") {
		t.Errorf("span covers %q", got)
	}
}

func TestMergeAcrossOutlets(t *testing.T) {
	docs := []precis.Document{
		{ID: "a", Text: "\u201cI never met with any Russian officials to discuss issues of the campaign,\u201d Sessions said."},
		{ID: "b", Text: "Sessions said: \"I never met with any Russian officials to discuss issues of the campaign I have no idea what this allegation is about.\""},
		{ID: "c", Text: "Sessions said there that \"he never met with any Russian officials to discuss issues\" of the campaign."},
		{ID: "d", Text: "\"We will appeal the ruling as soon as we can,\" Sessions said."},
	}
	qs := Extract(corpus.Build(docs), nil)
	if len(qs) != 2 {
		t.Fatalf("got %d quotations, want 2: %+v", len(qs), qs)
	}
	if got := strings.Join(qs[0].Sources, ","); got != "a,b,c" {
		t.Errorf("sources %s, want a,b,c", got)
	}
	if len(qs[0].Mentions) != 3 {
		t.Errorf("mentions %v", qs[0].Mentions)
	}
}

func TestSameParagraphNotMerged(t *testing.T) {
	qs := extractOne("\"We lost a future leader,\" he said. \"We lost a future athlete. We lost a child in our city.\"")
	if len(qs) != 2 {
		t.Errorf("got %d quotations, want 2: %+v", len(qs), qs)
	}
}

func TestSimilar(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"I never met with any Russian officials to discuss issues of the campaign", "I have never met with any Russian officials to discuss issues of the campaign", true},
		{"he never met with any Russian officials to discuss issues", "I never met with any Russian officials to discuss issues of the campaign", true},
		{"the campaign is over and we won", "we won the campaign and it is over now", false},
		{"It is false", "It is false", true},
		{"It is false", "It is true", false},
		{"All of them", "Polls. Most of them. All of them?", false},
		{"THE POLLS. ALL OF THEM.", "Polls. Most of them. All of them?", false},
		{"all options on the table", "We're going to have to put all options on the table, including defending our troops", true},
	}
	for _, tt := range tests {
		if similar(newBag(wordHashes(nil, tt.a), tt.a), newBag(wordHashes(nil, tt.b), tt.b)) != tt.want {
			t.Errorf("similar(%q, %q) != %v", tt.a, tt.b, tt.want)
		}
	}
}

// FuzzExtract checks that no text makes the extractor panic, that every span lies in
// its document and covers the quotation's words, and that every quotation has a speaker.
func FuzzExtract(f *testing.F) {
	// Paragraphs of the example story, small enough for the fuzzer to mutate quickly.
	files, _ := filepath.Glob(filepath.Join("..", "examples", "sessions", "*.txt"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		for _, p := range strings.Split(string(b), "\n\n") {
			if strings.ContainsAny(p, "\"“'") && len(p) < 600 {
				f.Add(p)
			}
		}
	}
	for _, s := range []string{"", "\"", "“", "'a'", "``x''", "«»", "\"a\n\n\"b", "\"\"\"", "he said \"", "’s '", "\"x,\" said",
		"Cohen: \"Says who?\"", "a \u00ad\"Christian-centred global movement\", she added:", "'WHOSE STREET? OUR STREET!'\n\nx",
		"[That one: \"a b c d\"]", "\"a b c d.\" Dr. X Y   Learn", "Asked by X, \"", "\"a b,\" began", "the sheriff said \"a b c d\"",
		"\u201ca b c d, \u201c X added. \u201ce f.\u201d", "\"a b c d.\" \u2014 (((X))) (@x) May 1", "\"a\" - (@", "X Ph.D. said \"a b c d\"",
		"Y aide Z W spoke.\n\n\"a b c d?\" he asked.", "one list that said: \"a b c d\"", "the A B team, which issued a statement: \"a b c d\""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		doc := precis.Document{ID: "d", Text: text}
		for _, q := range Extract(corpus.Build([]precis.Document{doc}), nil) {
			if q.Speaker == "" {
				t.Fatalf("empty speaker for %q", q.Text)
			}
			if len(q.Mentions) == 0 || len(q.Sources) == 0 {
				t.Fatalf("quotation without mentions: %+v", q)
			}
			for _, m := range q.Mentions {
				if !m.Span.Valid(len(text)) || m.Span.Len() == 0 {
					t.Fatalf("span %v outside text of %d bytes", m.Span, len(text))
				}
			}
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	docs := seedDocs(b)
	c := corpus.Build(docs)
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		Extract(c, nil)
	}
}

func seedDocs(tb testing.TB) []precis.Document {
	files, err := filepath.Glob(filepath.Join("..", "examples", "sessions", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatal("no example story")
	}
	var docs []precis.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, precis.Document{ID: strings.TrimSuffix(filepath.Base(f), ".txt"), Text: string(b)})
	}
	return docs
}

// TestConcurrent checks that calls sharing the pooled working memory do not disturb
// each other: concurrent results equal serial ones.
func TestConcurrent(t *testing.T) {
	texts := []string{
		"\"We will appeal the ruling,\" Maria Lopez said on Monday. \"The judge was wrong.\"",
		"Sen. Al Franken asked the question. \"What will you do about it?\" asked Franken.",
		"\"There was absolutely nothing misleading about his answer,\" said spokeswoman Sarah Isgur Flores.",
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = fmt.Sprint(extractOne(text))
	}
	var wg sync.WaitGroup
	for range 8 {
		for i, text := range texts {
			wg.Go(func() {
				if got := fmt.Sprint(extractOne(text)); got != want[i] {
					t.Errorf("concurrent result differs:\n%s\n%s", got, want[i])
				}
			})
		}
	}
	wg.Wait()
}

// BenchmarkExtractOneParagraph: a degenerate text, one quotation said again and
// again in one paragraph (parts of one statement, never merged: every pair is
// compared). Its cost grows with the square of the copies until merge's
// budget (maxVisits) caps it; 1,000 to 16,000 copies show the growth.
func BenchmarkExtractOneParagraph(b *testing.B) {
	for _, n := range []int{1000, 4000, 16000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			text := strings.Repeat("\"We will rebuild the bridge,\" he said. ", n)
			c := corpus.Build([]precis.Document{{ID: "d", Text: text}})
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				Extract(c, nil)
			}
		})
	}
}
