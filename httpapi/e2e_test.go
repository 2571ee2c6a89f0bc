package httpapi

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/engine"
)

// browser starts headless Chromium for a test, or skips the test when there is
// none, unless PRECIS_REQUIRE_BROWSER=1 (as in CI) makes that a failure.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("PRECIS_CHROMIUM")
	if path == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		if os.Getenv("PRECIS_REQUIRE_BROWSER") == "1" {
			t.Fatal("no Chromium found and PRECIS_REQUIRE_BROWSER=1 (install Debian's chromium, or set PRECIS_CHROMIUM)")
		}
		t.Skip("no Chromium found (install Debian's chromium; PRECIS_REQUIRE_BROWSER=1 makes this a failure)")
	}
	// The machine may have no network: without these flags Chromium stalls on
	// its background services.
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return bctx
}

// waitFor evaluates the JavaScript expression cond until it is true, for 10 s at most.
func waitFor(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("still false after 10 s (%v): %s", err, cond)
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// screenshot saves the visible part of the page when PRECIS_SCREENSHOTS names a directory, for a
// person to look at.
func screenshot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("PRECIS_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
}

// TestBrowser drives the web page as a person would: load the form, upload the
// example story, read the brief, hover and follow a citation to its sentence
// in its article; then the same page without JavaScript and on a phone.
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	ts := newTestServer(t, Config{}, BrieferFunc(engine.Brief), nil)
	files, _ := filepath.Glob("../examples/sessions/*.txt")
	for i, f := range files {
		files[i], _ = filepath.Abs(f)
	}
	if len(files) == 0 {
		t.Fatal("no example story")
	}

	err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("form.new-brief")),
		chromedp.SetUploadFiles(chromedp.ID("file"), files),
		chromedp.Func(func(context.Context, *chromedp.Target) error { screenshot(t, ctx, "form"); return nil }),
		chromedp.Click(chromedp.CSS("form.new-brief button[type=submit]")),
		chromedp.WaitVisible(chromedp.ID("summary-h")),
	)
	if err != nil {
		t.Fatalf("submitting the example story: %v", err)
	}
	location, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	id := strings.TrimPrefix(location, ts.URL+"/briefs/")
	if len(id) != 16 {
		t.Fatalf("after submitting, the browser is at %s", location)
	}
	var b precis.Brief
	ts.get("/v1/briefs/"+id).json(t, &b)
	if len(b.Documents) != len(files) || len(b.Summary) == 0 {
		t.Fatalf("the brief has %d documents and %d statements", len(b.Documents), len(b.Summary))
	}
	want := b.Summary[0].Sources[0].Sentence
	screenshot(t, ctx, "brief")

	// Keyboard focus (as hover) shows the card with the sentence in its paragraph.
	firstCite := chromedp.CSS(".summary a.cite")
	err = chromedp.Do(ctx,
		chromedp.Focus(firstCite),
		chromedp.WaitVisible(chromedp.CSS("#cite-pop .context mark")),
	)
	if err != nil {
		t.Fatalf("focusing a citation: %v", err)
	}
	card, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#cite-pop .context mark")))
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(card) != strings.TrimSpace(want) {
		t.Errorf("the card shows %q, want the source sentence %q", card, want)
	}
	screenshot(t, ctx, "card")

	// Following the citation lands on the sentence inside its article.
	err = chromedp.Do(ctx,
		chromedp.Click(firstCite),
		chromedp.WaitVisible(chromedp.CSS("mark.flash")),
	)
	if err != nil {
		t.Fatalf("following a citation: %v", err)
	}
	waitFor(t, ctx, `(() => { const t = document.querySelector(":target"); if (!t) return false;
		const r = t.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`) // smooth scrolling
	type landing struct {
		Hash, Marked, Article string
		Visible, Back         bool
	}
	const where = `(() => { const t = document.querySelector(":target"); if (!t) return {Hash: location.hash};
		const r = t.getBoundingClientRect(); const a = t.closest("article.doc");
		return {Hash: location.hash, Marked: t.textContent, Article: a ? a.id : "",
			Visible: r.top >= 0 && r.bottom <= innerHeight, Back: !!document.querySelector(".back-to-cite")}; })()`
	got, err := chromedp.Run(ctx, chromedp.Evaluate[landing](where))
	if err != nil {
		t.Fatal(err)
	}
	if got.Marked != want || !strings.HasPrefix(got.Article, "doc-") || !got.Visible || !got.Back {
		t.Errorf("after the click: %+v, want the mark of %q, visible, with a way back", got, want)
	}
	screenshot(t, ctx, "followed")

	// Without JavaScript the citation is a plain link to the same words.
	nojs, cancel := chromedp.NewContext(ctx)
	defer cancel()
	err = chromedp.Do(nojs,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}),
		chromedp.Navigate(ts.URL+"/briefs/"+id),
		chromedp.WaitVisible(chromedp.ID("summary-h")),
		chromedp.Click(firstCite),
	)
	if err != nil {
		t.Fatalf("without JavaScript: %v", err)
	}
	waitFor(t, nojs, `!!document.querySelector(":target")`)
	noJS, err := chromedp.Run(nojs, chromedp.Evaluate[landing](where))
	if err != nil {
		t.Fatal(err)
	}
	if noJS.Marked != want || noJS.Back {
		t.Errorf("without JavaScript the citation leads to %+v, want the mark of %q and no script", noJS, want)
	}

	// On a phone nothing is wider than the screen.
	phone, cancel := chromedp.NewContext(ctx)
	defer cancel()
	err = chromedp.Do(phone,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(3)),
		chromedp.Navigate(ts.URL+"/briefs/"+id),
		chromedp.WaitVisible(chromedp.ID("summary-h")),
	)
	if err != nil {
		t.Fatalf("on a phone: %v", err)
	}
	overflow, err := chromedp.Run(phone, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow > 0 {
		t.Errorf("on a 390-pixel screen the page is %d pixels too wide", overflow)
	}
	screenshot(t, phone, "phone")
}
