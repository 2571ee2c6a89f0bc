// Package fetch downloads articles given by URL, safely: with a timeout, a size
// cap and a redirect cap, and refusing addresses inside the server's network.
//
// The address check runs on the IP address actually dialed (a net.Dialer Control
// hook), after DNS resolution and for every redirect, so neither a hostname that
// resolves to 127.0.0.1 nor a DNS answer that changes between a check and the
// connection (DNS rebinding) reaches a private service.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/precis-news/precis"
	"github.com/precis-news/precis/ingest"
)

// Options configures a Fetcher.
type Options struct {
	// Timeout bounds one fetch, redirects and body included.
	Timeout time.Duration
	// MaxBytes caps the size of a page's body; a larger page is ErrTooLarge.
	MaxBytes int64
	// MaxRedirects caps the redirects followed for one URL.
	MaxRedirects int
	// AllowPrivate lets URLs reach loopback, private, link-local and other
	// internal addresses. Leave it off on a server others can reach.
	AllowPrivate bool
	// UserAgent is sent with every request.
	UserAgent string
}

// DefaultOptions returns the defaults: 15 s, 8 MB, 5 redirects, public addresses only.
func DefaultOptions() Options {
	return Options{
		Timeout:      15 * time.Second,
		MaxBytes:     8 << 20,
		MaxRedirects: 5,
		UserAgent:    "precis/1 (+https://github.com/precis-news/precis)",
	}
}

// Errors of a fetch wrap one of the domain errors: precis.ErrForbidden for a refused
// address or scheme, precis.ErrTooLarge for a page over the cap, precis.ErrInvalid
// for everything else that makes a URL unusable (bad URL, unreachable, an HTTP
// error status, a type that is not an article).
var (
	ErrAddress = fmt.Errorf("fetch: address not allowed: %w", precis.ErrForbidden)
	ErrScheme  = fmt.Errorf("fetch: only http and https URLs: %w", precis.ErrForbidden)
)

// Fetcher downloads pages. It is safe for concurrent use.
type Fetcher struct {
	opts   Options
	client *http.Client
}

// New returns a Fetcher with opts; zero fields take their default.
func New(opts Options) *Fetcher {
	def := DefaultOptions()
	if opts.Timeout <= 0 {
		opts.Timeout = def.Timeout
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = def.MaxBytes
	}
	if opts.MaxRedirects < 0 {
		opts.MaxRedirects = 0
	} else if opts.MaxRedirects == 0 {
		opts.MaxRedirects = def.MaxRedirects
	}
	if opts.UserAgent == "" {
		opts.UserAgent = def.UserAgent
	}
	f := &Fetcher{opts: opts}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !opts.AllowPrivate {
		dialer.Control = refusePrivate
	}
	transport := &http.Transport{
		// No proxy: the check must see the address of the server itself.
		Proxy:                  nil,
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           32,
		IdleConnTimeout:        60 * time.Second,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  opts.Timeout,
		MaxResponseHeaderBytes: 64 << 10,
	}
	f.client = &http.Client{
		Transport: transport,
		Timeout:   opts.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > opts.MaxRedirects {
				return &refusal{fmt.Sprintf("more than %d redirects", opts.MaxRedirects), precis.ErrInvalid}
			}
			return checkURL(req.URL, opts.AllowPrivate)
		},
	}
	return f
}

// Page is a downloaded page.
type Page struct {
	// URL is the page's final address, after redirects.
	URL string
	// ContentType is the media type the server declared, without parameters.
	ContentType string
	Body        []byte
}

// Get downloads the page at rawURL.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Page, error) {
	rawURL = strings.TrimSpace(rawURL)
	if rawURL == "" {
		return nil, fmt.Errorf("fetch: empty URL: %w", precis.ErrInvalid)
	}
	if !strings.Contains(rawURL, "://") && !strings.Contains(rawURL, ":") {
		rawURL = "https://" + rawURL // "example.com/article", as people paste it
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch: bad URL %q: %w", rawURL, precis.ErrInvalid)
	}
	if err := checkURL(u, f.opts.AllowPrivate); err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", u.Redacted(), err)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("fetch: bad URL %q: %w", rawURL, precis.ErrInvalid)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch: bad URL %q: %w", rawURL, precis.ErrInvalid)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, describe(u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("fetch: %s: %s: %w", u.Redacted(), resp.Status, precis.ErrInvalid)
	}
	if resp.ContentLength > f.opts.MaxBytes {
		return nil, fmt.Errorf("fetch: %s: page of %d bytes, over the %d-byte cap: %w", u.Redacted(), resp.ContentLength, f.opts.MaxBytes, precis.ErrTooLarge)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opts.MaxBytes+1))
	if err != nil {
		return nil, describe(u, err)
	}
	if int64(len(body)) > f.opts.MaxBytes {
		return nil, fmt.Errorf("fetch: %s: page over the %d-byte cap: %w", u.Redacted(), f.opts.MaxBytes, precis.ErrTooLarge)
	}
	mediaType, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	return &Page{URL: resp.Request.URL.String(), ContentType: mediaType, Body: body}, nil
}

// Document downloads the article at rawURL and extracts it as ingest does an
// HTML file (or reads it as text when the server says text/plain). Its Source and,
// when the page names none, its URL are the address fetched.
func (f *Fetcher) Document(ctx context.Context, rawURL string) (precis.Document, error) {
	p, err := f.Get(ctx, rawURL)
	if err != nil {
		return precis.Document{}, err
	}
	var d precis.Document
	switch p.ContentType {
	case "text/html", "application/xhtml+xml", "":
		d, err = ingest.FromHTML(p.Body, p.URL)
	case "text/plain":
		d, err = ingest.FromText(p.Body, "")
	default:
		return precis.Document{}, fmt.Errorf("fetch: %s: %s is not an article: %w", rawURL, p.ContentType, precis.ErrInvalid)
	}
	if err != nil {
		return precis.Document{}, fmt.Errorf("fetch: %s: %w", rawURL, err)
	}
	if d.URL == "" {
		d.URL = p.URL
	}
	d.Source = p.URL
	return d, nil
}

// describe turns a transport error into a domain error naming the URL,
// keeping refusals as such.
func describe(u *url.URL, err error) error {
	var r *refusal
	if errors.As(err, &r) {
		// Refused when dialed or redirected: the transport's error names the
		// request it was on, which after a redirect is not the URL given.
		var uerr *url.Error
		if errors.As(err, &uerr) && uerr.URL != u.String() {
			if to, perr := url.Parse(uerr.URL); perr == nil {
				return fmt.Errorf("fetch: %s: redirected to %s: %w", u.Redacted(), to.Redacted(), r)
			}
		}
		return fmt.Errorf("fetch: %s: %w", u.Redacted(), r)
	}
	switch {
	case errors.Is(err, precis.ErrForbidden), errors.Is(err, precis.ErrInvalid), errors.Is(err, precis.ErrTooLarge):
		return err
	case errors.Is(err, context.Canceled):
		return err
	}
	var timeout interface{ Timeout() bool }
	if errors.As(err, &timeout) && timeout.Timeout() || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("fetch: %s: timed out: %w", u.Redacted(), precis.ErrInvalid)
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return fmt.Errorf("fetch: %s: no such host: %w", u.Redacted(), precis.ErrInvalid)
	}
	return fmt.Errorf("fetch: %s: cannot be fetched: %w", u.Redacted(), precis.ErrInvalid)
}

// checkURL refuses schemes other than http(s) and, early and with a clear error,
// hosts that are literal internal addresses. Hostnames are checked when dialed.
func checkURL(u *url.URL, allowPrivate bool) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return &refusal{fmt.Sprintf("scheme %q not allowed: only http and https URLs", u.Scheme), ErrScheme}
	}
	if u.User != nil {
		return &refusal{"URLs with credentials are refused", precis.ErrForbidden}
	}
	if allowPrivate {
		return nil
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || strings.HasSuffix(host, ".internal") {
		return notPublic(host)
	}
	if ip, err := netip.ParseAddr(host); err == nil && !allowed(ip) {
		return notPublic(ip.String())
	}
	return nil
}

// refusePrivate is the net.Dialer Control hook: it sees the resolved address
// about to be connected to.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return notPublic(address)
	}
	if !allowed(ap.Addr()) {
		return notPublic(ap.Addr().String())
	}
	return nil
}

// refusal is why a URL was refused, in words that need no error name around
// them; it is its kind (ErrAddress, ErrScheme, precis.ErrForbidden …) for errors.Is
// without repeating the kind's text.
type refusal struct {
	reason string
	kind   error
}

func (r *refusal) Error() string { return r.reason }
func (r *refusal) Unwrap() error { return r.kind }

func notPublic(address string) error {
	return &refusal{fmt.Sprintf("address not allowed: %s is loopback, private or internal", address), ErrAddress}
}

// blocked lists the ranges that are not the public internet: loopback,
// private, shared (CGNAT, where some clouds put their metadata service),
// link-local (and so 169.254.169.254), multicast, documentation, reserved.
var blocked = func() []netip.Prefix {
	var ps []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
		"172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
		"198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
		"::/128", "::1/128", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
	} {
		ps = append(ps, netip.MustParsePrefix(s))
	}
	return ps
}()

// IPv6 ranges that carry an IPv4 address.
var (
	nat64        = netip.MustParsePrefix("64:ff9b::/96")
	nat64Local   = netip.MustParsePrefix("64:ff9b:1::/48")
	sixToFour    = netip.MustParsePrefix("2002::/16")
	v4Compatible = netip.MustParsePrefix("::/96") // deprecated
)

// allowed is Public, replaced in tests that need loopback servers on both sides.
var allowed = Public

// Public reports whether ip is an address of the public internet, the only
// kind a server may fetch from unless told otherwise. IPv4 addresses embedded
// in IPv6 (mapped, NAT64, 6to4) are judged as the IPv4 address they carry.
func Public(ip netip.Addr) bool {
	ip = ip.WithZone("")
	if !ip.IsValid() {
		return false
	}
	ip = ip.Unmap()
	if ip.Is6() {
		b := ip.As16()
		switch {
		case nat64.Contains(ip), nat64Local.Contains(ip):
			return Public(netip.AddrFrom4([4]byte(b[12:16])))
		case sixToFour.Contains(ip):
			return Public(netip.AddrFrom4([4]byte(b[2:6])))
		case v4Compatible.Contains(ip):
			return false
		}
	}
	for _, p := range blocked {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// IsURL reports whether a command-line argument names a web page (http or
// https) rather than a file.
func IsURL(arg string) bool {
	a := strings.ToLower(arg)
	return strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://")
}

// Name returns a short name to cite an article by: its outlet, else the host of
// its URL without "www.", in lower-case letters, digits, dots and dashes; ""
// when it has neither. precis brief and the server name the articles they
// fetch with it, so that both cite them alike.
func Name(d *precis.Document) string {
	if s := slug(d.Outlet); s != "" {
		return s
	}
	if u, err := url.Parse(d.URL); err == nil {
		return slug(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."))
	}
	return ""
}

// slug keeps letters, digits, dots and dashes, lower-cased.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	return strings.Trim(b.String(), "-.")
}
