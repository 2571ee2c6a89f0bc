// Package loadtest measures a precis server under load: requests per second and
// latency percentiles of making briefs and of reading them back. It only ever
// sends to loopback addresses, and every run is bounded in time and in count.
package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Config is one phase of load.
type Config struct {
	// URL is the server's base URL; it must be on a loopback address.
	URL string
	// Concurrency is the number of clients sending at once.
	Concurrency int
	// Duration and Requests bound the phase: it ends at whichever comes first.
	Duration time.Duration
	Requests int
	// Token is sent as a bearer token when set.
	Token string
}

// Result is what one phase measured.
type Result struct {
	Name     string
	Requests int
	Errors   int
	Elapsed  time.Duration
	// PerSecond counts successful requests per second.
	PerSecond          float64
	P50, P90, P99, Max time.Duration
	// FirstErrors keeps a few error messages, to say what went wrong.
	FirstErrors []string
}

// String formats r as one line of a report.
func (r Result) String() string {
	return fmt.Sprintf("%-22s %7d req %5d err %8.0f req/s   p50 %7s   p90 %7s   p99 %7s   max %7s",
		r.Name, r.Requests, r.Errors, r.PerSecond, round(r.P50), round(r.P90), round(r.P99), round(r.Max))
}

func round(d time.Duration) time.Duration {
	switch {
	case d >= 100*time.Millisecond:
		return d.Round(time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	default:
		return d.Round(time.Microsecond)
	}
}

// ErrNotLoopback refuses a target outside this machine.
var ErrNotLoopback = errors.New("loadtest: the target must be a loopback address (127.0.0.0/8, ::1, localhost)")

// CheckLoopback returns ErrNotLoopback unless every address of rawURL's host is a loopback one.
func CheckLoopback(ctx context.Context, rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil || u.Hostname() == "" {
		return fmt.Errorf("loadtest: bad URL %q", rawURL)
	}
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", u.Hostname())
	if err != nil || len(addrs) == 0 {
		return fmt.Errorf("%w: %s does not resolve", ErrNotLoopback, u.Hostname())
	}
	for _, a := range addrs {
		if !a.Unmap().IsLoopback() {
			return fmt.Errorf("%w: %s is %s", ErrNotLoopback, u.Hostname(), a)
		}
	}
	return nil
}

// Client sends the requests of a load test.
type Client struct {
	http *http.Client
}

// NewClient returns a client that keeps up to conns connections open.
func NewClient(conns int) *Client {
	t := &http.Transport{
		Proxy:               nil,
		MaxIdleConns:        conns,
		MaxIdleConnsPerHost: conns,
		IdleConnTimeout:     time.Minute,
		DisableCompression:  true,
	}
	return &Client{http: &http.Client{Transport: t, Timeout: 30 * time.Second}}
}

// Close closes idle connections.
func (c *Client) Close() { c.http.CloseIdleConnections() }

// request makes the i-th request of a phase.
type request func(ctx context.Context, i int) (*http.Request, error)

// run sends requests from cfg.Concurrency clients until the phase is over and
// measures them; each 2xx response body goes to keep, when given.
func (c *Client) run(ctx context.Context, name string, cfg Config, newRequest request, keep func([]byte)) (Result, error) {
	if err := CheckLoopback(ctx, cfg.URL); err != nil {
		return Result{}, err
	}
	if cfg.Concurrency < 1 || cfg.Duration <= 0 || cfg.Requests < 1 {
		return Result{}, errors.New("loadtest: Concurrency, Duration and Requests must be positive")
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	var (
		next    atomic.Int64
		mu      sync.Mutex
		lat     = make([]time.Duration, 0, min(cfg.Requests, 1<<20))
		errs    int
		firsts  []string
		wg      sync.WaitGroup
		started = time.Now()
	)
	fail := func(msg string) {
		mu.Lock()
		errs++
		if len(firsts) < 5 {
			firsts = append(firsts, msg)
		}
		mu.Unlock()
	}
	for range cfg.Concurrency {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= cfg.Requests {
					return
				}
				req, err := newRequest(ctx, i)
				if err != nil {
					fail(err.Error())
					return
				}
				if cfg.Token != "" {
					req.Header.Set("Authorization", "Bearer "+cfg.Token)
				}
				t0 := time.Now()
				resp, err := c.http.Do(req)
				if err != nil {
					if ctx.Err() == nil {
						fail(err.Error())
					}
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				d := time.Since(t0)
				if err != nil || resp.StatusCode/100 != 2 {
					if ctx.Err() == nil {
						fail(fmt.Sprintf("%s %s: %d %.200s", req.Method, req.URL.Path, resp.StatusCode, body))
					}
					continue
				}
				mu.Lock()
				lat = append(lat, d)
				mu.Unlock()
				if keep != nil {
					keep(body)
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(started)
	r := Result{Name: name, Requests: len(lat) + errs, Errors: errs, Elapsed: elapsed, FirstErrors: firsts}
	if len(lat) > 0 {
		slices.Sort(lat)
		pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
		r.P50, r.P90, r.P99, r.Max = pct(.50), pct(.90), pct(.99), lat[len(lat)-1]
		r.PerSecond = float64(len(lat)) / elapsed.Seconds()
	}
	return r, nil
}

// CreateBriefs posts body (a JSON brief request) to /v1/briefs again and again
// and returns the ids of the briefs made.
func (c *Client) CreateBriefs(ctx context.Context, cfg Config, body []byte) (Result, []string, error) {
	var (
		mu  sync.Mutex
		ids []string
	)
	r, err := c.run(ctx, "POST /v1/briefs", cfg, func(ctx context.Context, i int) (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.URL+"/v1/briefs", bytes.NewReader(body))
		if err == nil {
			req.Header.Set("Content-Type", "application/json")
		}
		return req, err
	}, func(b []byte) {
		var brief struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(b, &brief) == nil && brief.ID != "" {
			mu.Lock()
			ids = append(ids, brief.ID)
			mu.Unlock()
		}
	})
	return r, ids, err
}

// GetBriefs reads the briefs ids back, in turn.
func (c *Client) GetBriefs(ctx context.Context, cfg Config, ids []string) (Result, error) {
	if len(ids) == 0 {
		return Result{}, errors.New("loadtest: no briefs to read")
	}
	return c.run(ctx, "GET /v1/briefs/{id}", cfg, func(ctx context.Context, i int) (*http.Request, error) {
		return http.NewRequestWithContext(ctx, http.MethodGet, cfg.URL+"/v1/briefs/"+ids[i%len(ids)], nil)
	}, nil)
}
