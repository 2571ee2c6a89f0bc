package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/precis-news/precis"
)

func TestPublic(t *testing.T) {
	tests := []struct {
		ip   string
		want bool
	}{
		{"8.8.8.8", true},
		{"93.184.216.34", true},
		{"2606:4700:4700::1111", true},
		{"127.0.0.1", false},
		{"127.1.2.3", false},
		{"0.0.0.0", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"172.31.255.255", false},
		{"172.32.0.1", true},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"100.100.100.200", false}, // Alibaba metadata, in CGNAT space
		{"224.0.0.1", false},
		{"239.255.255.250", false},
		{"255.255.255.255", false},
		{"::", false},
		{"::1", false},
		{"fe80::1", false},
		{"fc00::1", false},
		{"fd00:ec2::254", false}, // AWS IPv6 metadata
		{"ff02::1", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:8.8.8.8", true},
		{"64:ff9b::a9fe:a9fe", false}, // NAT64 of 169.254.169.254
		{"64:ff9b::808:808", true},
		{"2002:7f00:1::", false}, // 6to4 of 127.0.0.1
		{"::127.0.0.1", false},
		{"fe80::1%eth0", false},
	}
	for _, tt := range tests {
		t.Run(tt.ip, func(t *testing.T) {
			ip := netip.MustParseAddr(tt.ip)
			if got := Public(ip); got != tt.want {
				t.Errorf("Public(%s) = %v, want %v", tt.ip, got, tt.want)
			}
		})
	}
	if Public(netip.Addr{}) {
		t.Error("the zero Addr is public")
	}
}

// testMaxBytes is the size cap of the fetchers the tests make: above the
// article page, below the pages made too large.
const testMaxBytes = 16 << 10

// servePages serves a news article page as a site serves it (navigation,
// share buttons, related links and all), the same page without its canonical
// link, and pages that fail in every way.
func servePages(t *testing.T) *httptest.Server {
	page, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	noCanonical := regexp.MustCompile(`(?m)^<link rel="canonical".*\n`).ReplaceAll(page, nil)
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/no-canonical", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(noCanonical)
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "Sessions met the envoy.")
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4")
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(strings.Repeat("a", 2*testMaxBytes)))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 20 {
			w.Write([]byte(strings.Repeat("a", testMaxBytes/10)))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/hop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetchAllowed(t *testing.T) {
	srv := servePages(t)
	f := New(Options{AllowPrivate: true, MaxBytes: testMaxBytes, MaxRedirects: 3, Timeout: 500 * time.Millisecond})
	ctx := context.Background()

	d, err := f.Document(ctx, srv.URL+"/article")
	if err != nil {
		t.Fatal(err)
	}
	const canonical = "https://courier.example/news/2024/05/old-mill-bridge-closed"
	if !strings.HasPrefix(d.Text, "The Old Mill Bridge in Easton will stay closed") ||
		!strings.Contains(d.Text, "The crack was found during a routine inspection") ||
		d.Title != "Old Mill Bridge to stay shut for weeks after crack found" || d.Outlet != "Easton Courier" ||
		d.Author != "Dana Whitfield" || d.Published.Format("2006-01-02") != "2024-05-14" ||
		d.URL != canonical || d.Source != srv.URL+"/article" {
		t.Errorf("Document = %+v", d)
	}
	for _, furniture := range []string{"Share on Facebook", "Related stories", "Subscribe", "All rights reserved", "dataLayer"} {
		if strings.Contains(d.Text, furniture) {
			t.Errorf("the article's text has the page's %q", furniture)
		}
	}
	// A page that names no address of its own is known by the one fetched.
	d, err = f.Document(ctx, srv.URL+"/no-canonical")
	if err != nil || d.URL != srv.URL+"/no-canonical" || d.Source != srv.URL+"/no-canonical" {
		t.Errorf("without a canonical link: URL %q, Source %q, %v", d.URL, d.Source, err)
	}
	d, err = f.Document(ctx, srv.URL+"/hop")
	if err != nil {
		t.Fatal(err)
	}
	if d.Source != srv.URL+"/article" {
		t.Errorf("after a redirect Source = %q, want the final URL", d.Source)
	}
	d, err = f.Document(ctx, srv.URL+"/plain")
	if err != nil || d.Text != "Sessions met the envoy." {
		t.Errorf("plain text: %+v, %v", d, err)
	}

	tests := []struct {
		path string
		want error
	}{
		{"/pdf", precis.ErrInvalid},
		{"/big", precis.ErrTooLarge},
		{"/big-chunked", precis.ErrTooLarge},
		{"/missing", precis.ErrInvalid},
		{"/slow", precis.ErrInvalid},
		{"/loop", precis.ErrInvalid},
		{"/to-file", precis.ErrForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			start := time.Now()
			_, err := f.Document(ctx, srv.URL+tt.path)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			if time.Since(start) > 2*time.Second {
				t.Errorf("took %v, beyond the timeout", time.Since(start))
			}
		})
	}
}

func TestRefused(t *testing.T) {
	srv := servePages(t)
	f := New(DefaultOptions())
	ctx := context.Background()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	urls := []string{
		srv.URL + "/article",
		"http://localhost:" + port + "/article",
		"http://[::1]:" + port + "/article",
		"http://[::ffff:127.0.0.1]:" + port + "/article",
		"http://0.0.0.0:" + port + "/article",
		"http://2130706433:" + port + "/article", // 127.0.0.1 as a number
		"http://169.254.169.254/latest/meta-data/",
		"http://metadata.google.internal/computeMetadata/v1/",
		"file:///etc/passwd",
		"gopher://example.com/",
		"http://user:pass@example.com/",
	}
	for _, u := range urls {
		t.Run(u, func(t *testing.T) {
			_, err := f.Document(ctx, u)
			if !errors.Is(err, precis.ErrForbidden) && !errors.Is(err, precis.ErrInvalid) {
				t.Fatalf("err = %v, want a refusal", err)
			}
			if errors.Is(err, precis.ErrInvalid) && !strings.Contains(u, "2130706433") {
				t.Errorf("err = %v, want ErrForbidden", err)
			}
			// One line that names the URL (without its password) and says why.
			pu, _ := url.Parse(u)
			if msg := err.Error(); !strings.HasPrefix(msg, "fetch: "+pu.Redacted()+": ") || strings.Count(msg, "fetch:") != 1 ||
				strings.Contains(msg, "pass@") || strings.Contains(msg, "\n") {
				t.Errorf("message %q, want one line naming %s once", msg, pu.Redacted())
			}
		})
	}

	// A hostname that resolves to an internal address passes the URL check and
	// is refused when dialed: the check sees the resolved address.
	host, _ := os.Hostname()
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil || len(addrs) == 0 || Public(addrs[0]) {
		t.Skipf("hostname %q does not resolve to an internal address here (%v %v)", host, addrs, err)
	}
	_, err = f.Document(ctx, "http://"+net.JoinHostPort(host, port)+"/article")
	if !errors.Is(err, ErrAddress) {
		t.Errorf("hostname %s resolving to %v: err = %v, want ErrAddress", host, addrs, err)
	}
}

// TestRefusedOnRedirect treats 127.0.0.1 as public and 127.0.0.2 as internal,
// so that a redirect from one loopback server to another stands for a public
// page redirecting into the private network.
func TestRefusedOnRedirect(t *testing.T) {
	inner, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("cannot listen on 127.0.0.2: %v", err)
	}
	private := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Error("the private server was reached")
	}))
	private.Listener.Close()
	private.Listener = inner
	private.Start()
	defer private.Close()
	public := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, private.URL+"/secret", http.StatusFound)
	}))
	defer public.Close()

	allowed = func(ip netip.Addr) bool { return ip == netip.MustParseAddr("127.0.0.1") }
	defer func() { allowed = Public }()

	f := New(DefaultOptions())
	_, err = f.Document(context.Background(), public.URL)
	if !errors.Is(err, ErrAddress) {
		t.Errorf("redirect to %s: err = %v, want ErrAddress", private.URL, err)
	} else if want := "fetch: " + public.URL + ": redirected to " + private.URL + "/secret: address not allowed"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("redirect to %s: %q, want it to start %q", private.URL, err, want)
	}
	// The dial hook alone, without the early URL check, refuses too.
	resp, err := f.client.Get(private.URL)
	if err == nil {
		resp.Body.Close()
	}
	if !errors.Is(err, ErrAddress) {
		t.Errorf("dialing %s: err = %v, want ErrAddress", private.URL, err)
	}
}

func TestBadURL(t *testing.T) {
	f := New(DefaultOptions())
	for _, u := range []string{"", "not a url", "http://", "://x", "http://%41/"} {
		if _, err := f.Document(context.Background(), u); err == nil {
			t.Errorf("%q: no error", u)
		}
	}
}

func TestNoScheme(t *testing.T) {
	srv := servePages(t)
	f := New(Options{AllowPrivate: true})
	_, err := f.Document(context.Background(), strings.TrimPrefix(srv.URL, "http://")+"/article")
	// The page is served over http, so https fails: what matters is that the
	// URL was taken as https and not refused as having no scheme.
	if errors.Is(err, precis.ErrForbidden) {
		t.Errorf("a URL without scheme was refused: %v", err)
	}
}

func TestIsURL(t *testing.T) {
	for arg, want := range map[string]bool{
		"https://example.com/a": true, "HTTP://example.com": true, "examples/sessions": false,
		"file.html": false, "-": false, "ftp://example.com": false, "http:relative": false,
	} {
		if got := IsURL(arg); got != want {
			t.Errorf("IsURL(%q) = %v, want %v", arg, got, want)
		}
	}
}

func TestName(t *testing.T) {
	tests := []struct {
		outlet, url, want string
	}{
		{"The Daily Planet", "https://planet.example/a", "the-daily-planet"},
		{"", "https://www.Example.com/news/1", "example.com"},
		{"  ", "http://127.0.0.1:8080/x", "127.0.0.1"},
		{"BBC News — World", "", "bbc-news-world"},
		{"", "", ""},
		{"", "not a url at all", ""},
		{"***", "", ""},
		{strings.Repeat("long name ", 10), "", "long-name-long-name-long-name-long-name"},
	}
	for _, tt := range tests {
		t.Run(tt.outlet+"|"+tt.url, func(t *testing.T) {
			if got := Name(&precis.Document{Outlet: tt.outlet, URL: tt.url}); got != tt.want {
				t.Errorf("Name = %q, want %q", got, tt.want)
			}
		})
	}
}
