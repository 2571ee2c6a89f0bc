package httpapi

import (
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

type metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	inFlight prometheus.Gauge
	rejected prometheus.Counter
	briefs   prometheus.Counter
	fetches  *prometheus.CounterVec
	handler  http.Handler
}

func newMetrics(reg *prometheus.Registry) *metrics {
	if reg == nil {
		reg = prometheus.NewRegistry()
		reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "precis_http_requests_total", Help: "HTTP requests by route pattern, method and status code.",
		}, []string{"route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "precis_http_request_duration_seconds", Help: "Time to answer an HTTP request, by route pattern.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "precis_http_requests_in_flight", Help: "HTTP requests being answered.",
		}),
		rejected: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "precis_http_rejected_total", Help: "Requests refused with 503 because MaxInFlight were being answered.",
		}),
		briefs: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "precis_briefs_created_total", Help: "Briefs made and stored.",
		}),
		fetches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "precis_url_fetches_total", Help: "Articles fetched by URL, by result (ok, refused, too_large, failed).",
		}, []string{"result"}),
	}
	reg.MustRegister(m.requests, m.duration, m.inFlight, m.rejected, m.briefs, m.fetches)
	m.handler = promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
	return m
}

// recorder remembers the status and size of a response.
type recorder struct {
	http.ResponseWriter
	code  int
	bytes int64
}

func (r *recorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// observe counts, times and logs every request. The log line has the method,
// path, status, size and duration: never headers, query strings or bodies, so
// no token or cookie reaches the log.
func (s *Server) observe(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		s.metrics.inFlight.Inc()
		rec := &recorder{ResponseWriter: w}
		defer func() {
			s.metrics.inFlight.Dec()
			if rec.code == 0 {
				rec.code = http.StatusOK
			}
			elapsed := time.Since(start)
			route := r.Pattern // set by the ServeMux on this request
			if route == "" {
				route = "unmatched"
			}
			s.metrics.requests.WithLabelValues(route, strconv.Itoa(rec.code)).Inc()
			s.metrics.duration.WithLabelValues(route).Observe(elapsed.Seconds())
			level := slog.LevelInfo
			if rec.code >= 500 {
				level = slog.LevelWarn
			}
			s.log.LogAttrs(r.Context(), level, "request",
				slog.String("method", r.Method), slog.String("path", r.URL.Path),
				slog.Int("status", rec.code), slog.Int64("bytes", rec.bytes),
				slog.Duration("duration", elapsed))
		}()
		h.ServeHTTP(rec, r)
	})
}
