package entity

import (
	_ "embed"
	"strings"
)

// The lexicon is small and written by hand (see lexicon/LICENSE.md): a few thousand
// names, so that detection works without any model or download.
var (
	//go:embed lexicon/male.txt
	maleText string
	//go:embed lexicon/female.txt
	femaleText string
	//go:embed lexicon/places.txt
	placesText string
	//go:embed lexicon/orgs.txt
	orgsText string
	//go:embed lexicon/common.txt
	commonText string
	//go:embed lexicon/furniture.txt
	furnitureText string
)

// known is one lexicon entry: a canonical name and its type.
type known struct {
	name string
	typ  kind
}

var (
	givenNames = map[string]Gender{} // normalised given name → gender (Unknown when both)
	lexicon    = map[string]known{}  // normalised form → entry
	notNames   = map[string]bool{}   // normalised words that are never names alone
	furniture  = map[string]bool{}   // words of page furniture: "Subscribe", "Credit"
	abbrevOnly = map[string]bool{}   // lexicon forms written only as abbreviations ("Del.")
)

func init() {
	for _, w := range words(maleText) {
		givenNames[normWord(w)] = Male
	}
	for _, w := range words(femaleText) {
		k := normWord(w)
		if g, ok := givenNames[k]; ok && g == Male {
			givenNames[k] = Unknown
		} else {
			givenNames[k] = Female
		}
	}
	for _, w := range words(commonText) {
		notNames[normWord(w)] = true
	}
	for _, w := range words(furnitureText) {
		furniture[normWord(w)] = true
	}
	loadEntries(placesText, kindPlace)
	loadEntries(orgsText, kindOrg)
	buildClasses()
}

func words(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.Fields(line)...)
	}
	return out
}

func loadEntries(text string, typ kind) {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		forms := strings.Split(line, "|")
		name := strings.TrimSpace(forms[0])
		for _, f := range forms {
			f = strings.TrimSpace(f)
			k := normPhrase(f)
			lexicon[k] = known{name: name, typ: typ}
			if strings.HasSuffix(f, ".") && !strings.Contains(f, " ") && strings.Count(f, ".") == 1 {
				abbrevOnly[k] = true
			}
		}
	}
}

// titles are words that stand before a person's name and are not part of it.
var titles = set(`mr mrs ms miss dr sen senator rep representative congressman congresswoman
gov governor lt gen general col sgt capt captain cmdr adm admiral maj major cpl pvt
president vice prime minister secretary chancellor premier ambassador envoy attorney
leader minority majority whip speaker spokesman spokeswoman spokesperson press chairman
chairwoman chair ceo cfo coo founder director commissioner superintendent chief deputy
assistant acting former mayor councilman councilwoman alderman sheriff detective officer
trooper deputy judge justice magistrate prosecutor coach manager pope cardinal bishop rev
reverend pastor rabbi imam prince princess queen lady sir dame prof professor dean
inspector constable agent state democratic republican foreign interior defense defence
national security adviser advisor aide emperor sultan sheikh president-elect
coroner correspondent counsel executive fellow photographer editor reporter producer intern`)

// personNouns name what a person is or does: after a name in an apposition ("Worth
// Sparkman, a Tyson spokesman") or before it in lower case ("counselor Maria Morales")
// they mark a person.
var personNouns = set(`spokesman spokeswoman spokesperson lawyer attorney teacher counselor coach doctor
physician nurse surgeon author researcher scientist professor student worker employee manager owner
founder executive director president officer deputy detective investigator prosecutor judge resident
neighbor neighbour friend wife husband mother father son daughter brother sister actor actress singer
rapper musician writer reporter journalist correspondent anchor host editor analyst economist expert
adviser advisor aide consultant chairman chairwoman chief ceo leader member candidate senator
representative governor mayor secretary ambassador minister commissioner sheriff victim witness
suspect defendant plaintiff activist lawmaker official veteran soldier pastor priest player star
`)

// orgNouns name what an organisation is: before a name ("chicken giant Tyson Foods",
// "the group Compassion Over Killing") or in an apposition they mark an organisation.
var orgNouns = set(`company firm group organization organisation agency network newspaper magazine
outlet maker producer manufacturer retailer chain giant startup bank charity nonprofit
association union institute university college school hospital club team studio publisher
website site platform service provider operator carrier brand label party`)

// strongTitles never double as surnames, so they may be dropped from the end of a run
// ("Foreign Ministry Spokeswoman").
var strongTitles = set(`spokesman spokeswoman spokesperson senator sen rep gov governor president
secretary minister ambassador chancellor mayor sheriff detective officer mr mrs ms dr ceo
chairman chairwoman director commissioner superintendent leader adviser advisor aide
coroner correspondent photographer`)

// orgHeads end the names of organisations ("Armed Services Committee", "Washington Post").
var orgHeads = set(`committee commission department ministry agency administration bureau office
council board authority service services inc corp corporation co company companies llc ltd
plc group holdings partners university college school academy institute institution
foundation association society union federation league club party team news post times
journal tribune herald gazette chronicle telegraph guardian independent examiner press
magazine network channel tv radio broadcasting studios records pictures entertainment media
bank fund capital reserve court police army navy forces force guard corps patrol
hospital clinic center centre church mosque synagogue museum library airlines airways
motors electric foods pharmaceuticals technologies systems labs laboratories industries
congress senate parliament assembly legislature cabinet caucus commission organization
organisation program programme project initiative coalition alliance campaign movement
agency's brigade battalion regiment fc institute trust centers centres system forum`)

// orgFirst open organisation names built with "of" ("Department of Justice").
var orgFirst = set(`department ministry university bank office bureau institute board court church
museum college school council academy house secretary embassy consulate federation
association society league order federal united centers centres center centre`)

// placeHeads end place names ("Cook County", "Fleming Park").
var placeHeads = set(`county city town village state province district street st avenue ave road
boulevard blvd lane drive highway freeway interstate park square bridge river lake sea ocean
gulf bay beach island islands mountain mountains mount mt valley canyon desert forest coast
peninsula airport station harbor harbour port tower building hall stadium arena plaza mall
lodge hotel reservoir falls heights hills creek trail region side township borough parish
terrace circle beltway parkway expressway turnpike`)

// otherHeads end the names of events, works and laws: neither people, organisations nor places.
var otherHeads = set(`convention conference summit act bill law treaty accord war prize award
awards festival games olympics cup championship series show tournament election
day week month year era amendment constitution declaration charter manifesto bible`)

// placeFirst open place names ("West Fullerton", "Lake Tahoe").
var placeFirst = set(`north south east west northeast northwest southeast southwest mount mt lake fort port
san santa los las
cape gulf`)

// suffixes end a person's name and tell people of one family apart ("Donald Trump Jr.").
var suffixes = set(`jr sr ii iii iv`)

// particles join the parts of a name ("Ludwig van Beethoven", "Osama bin Laden").
var particles = set(`van von der den de del della di da du la le al el bin ibn ben st`)

// placeCues are words before a place ("in Moscow").
var placeCues = set(`in at from near across throughout outside inside into toward towards via`)

// stopwords never form a name alone, even capitalised.
var stopwords = set(`a an the and or but nor for so yet of to in on at by with from as is are was were be been
being it its this that these those he she they we you i his her their our your him them us me my
mine not no said says say has have had do does did will would could should may might can than
then there here which who whom whose what when where why how all any some such also into over
after before about up out more most other if while because though although since until unless
once both each every either neither one two three four five six seven eight nine ten first
second third last next many much few several just only even still yet already again
now today tonight yesterday tomorrow however meanwhile instead indeed perhaps maybe
according during despite against among between through without within under above below
watch read click share follow subscribe sign advertisement related photo video image getty
images file story more see view`)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
