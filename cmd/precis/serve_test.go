package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestServeHelperProcess is the server that TestServeSurvivesKill starts and
// kills: this test binary run again, as "precis serve".
func TestServeHelperProcess(t *testing.T) {
	if os.Getenv("PRECIS_SERVE_HELPER") != "1" {
		t.Skip("runs only as the server process of TestServeSurvivesKill")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	args := strings.Split(os.Getenv("PRECIS_SERVE_ARGS"), "\n")
	os.Exit(run(ctx, &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, append([]string{"serve"}, args...)))
}

// server is a running "precis serve" process.
type server struct {
	cmd  *exec.Cmd
	url  string
	logs *bytes.Buffer
	// done is closed when the process has exited, with err its exit status.
	done chan struct{}
	err  error
}

func startServer(t *testing.T, dir string) *server {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeHelperProcess$")
	cmd.Env = append(os.Environ(), "PRECIS_SERVE_HELPER=1",
		"PRECIS_SERVE_ARGS="+strings.Join([]string{"--addr", "127.0.0.1:0", "--data", dir, "--log-format", "json"}, "\n"))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, logs: &bytes.Buffer{}, done: make(chan struct{})}
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-s.done
	})
	addr := make(chan string, 1)
	var mu sync.Mutex
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			mu.Lock()
			s.logs.WriteString(sc.Text() + "\n")
			mu.Unlock()
			var line struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "listening" {
				addr <- line.Addr
			}
		}
		s.err = cmd.Wait()
		close(s.done)
	}()
	select {
	case a := <-addr:
		s.url = "http://" + a
	case <-time.After(20 * time.Second):
		t.Fatalf("the server did not start:\n%s", s.logs)
	}
	return s
}

func seedRequest(t *testing.T) []byte {
	t.Helper()
	paths, _ := filepath.Glob("../../examples/sessions/*.txt")
	var articles []map[string]string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		articles = append(articles, map[string]string{"id": filepath.Base(p), "text": string(b)})
	}
	if len(articles) == 0 {
		t.Fatal("no example story")
	}
	body, _ := json.Marshal(map[string]any{"articles": articles})
	return body
}

// TestServeSurvivesKill posts briefs, kills the server with SIGKILL while some
// are still in flight, restarts it on the same data directory and checks that
// every brief acknowledged with 201 is there. Then it stops the server with
// SIGTERM and checks that it shuts down cleanly.
func TestServeSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts server processes")
	}
	dir := t.TempDir()
	body := seedRequest(t)
	srv := startServer(t, dir)

	var (
		mu    sync.Mutex
		acked = map[string][]byte{}
		wg    sync.WaitGroup
	)
	client := &http.Client{Timeout: 10 * time.Second}
	enough := make(chan struct{})
	var once sync.Once
	for range 4 {
		wg.Go(func() {
			for range 25 {
				resp, err := client.Post(srv.url+"/v1/briefs", "application/json", bytes.NewReader(body))
				if err != nil {
					return // the server is gone
				}
				b, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusCreated {
					continue // cut off by the kill (its JSON may be whole, its final newline not): not acknowledged
				}
				var brief struct{ ID string }
				if json.Unmarshal(b, &brief) != nil || brief.ID == "" {
					continue // cut off mid-body by the kill: not acknowledged
				}
				mu.Lock()
				acked[brief.ID] = b
				if len(acked) >= 20 {
					once.Do(func() { close(enough) })
				}
				mu.Unlock()
			}
		})
	}
	select {
	case <-enough:
	case <-time.After(30 * time.Second):
		t.Fatalf("fewer than 20 briefs made in 30 s:\n%s", srv.logs)
	}
	srv.cmd.Process.Signal(syscall.SIGKILL)
	<-srv.done
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()

	srv = startServer(t, dir)
	for id, want := range acked {
		resp, err := client.Get(srv.url + "/v1/briefs/" + id)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !bytes.Equal(got, want) {
			t.Errorf("brief %s after kill -9: %d\n%s\nwant\n%s", id, resp.StatusCode, got, want)
		}
	}
	t.Logf("%d acknowledged briefs all survived SIGKILL", len(acked))
	resp, err := client.Get(srv.url + fmt.Sprintf("/v1/briefs?limit=%d", 100))
	if err == nil {
		var page struct{ Briefs []struct{ ID string } }
		json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if len(page.Briefs) < len(acked) {
			t.Errorf("the listing has %d briefs, fewer than the %d acknowledged", len(page.Briefs), len(acked))
		}
	}

	srv.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-srv.done:
		if srv.err != nil {
			t.Errorf("after SIGTERM the server exited with %v:\n%s", srv.err, srv.logs)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("the server did not stop on SIGTERM")
	}
	if !strings.Contains(srv.logs.String(), `"msg":"stopped"`) {
		t.Errorf("no clean stop in the log:\n%s", srv.logs)
	}
}

func TestServeFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"extra"}, "unexpected arguments"},
		{[]string{"--max-body", "lots"}, "--max-body"},
		{[]string{"--log-level", "loud"}, "--log-level"},
		{[]string{"--log-format", "xml"}, "--log-format"},
		{[]string{"--nope"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stderr bytes.Buffer
			code := run(context.Background(), &env{stdout: io.Discard, stderr: &stderr}, append([]string{"serve"}, tt.args...))
			if code != 2 || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr.String(), tt.want)
			}
		})
	}
}

func TestServeHelp(t *testing.T) {
	var stderr bytes.Buffer
	code := run(context.Background(), &env{stdout: io.Discard, stderr: &stderr}, []string{"serve", "-h"})
	if code != 0 || strings.Count(stderr.String(), "Usage:") != 1 || !strings.Contains(stderr.String(), "-allow-private-urls") {
		t.Errorf("exit %d, help:\n%s", code, stderr.String())
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"16MB", 16 << 20}, {"16mb", 16 << 20}, {"512KB", 512 << 10}, {"1G", 1 << 30}, {"1000", 1000}, {"2 MB", 2 << 20}, {"7B", 7},
		{"", 0}, {"-1MB", 0}, {"0", 0}, {"MB", 0}, {"1.5MB", 0}, {"99999999999GB", 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseSize(tt.in)
			if tt.want == 0 && err == nil || tt.want != 0 && got != tt.want {
				t.Errorf("parseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestDefaultDataDir(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data/home")
	if got := defaultDataDir(); got != filepath.Join("/data/home", "precis") {
		t.Errorf("with XDG_DATA_HOME: %s", got)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/someone")
	if got := defaultDataDir(); got != "/home/someone/.local/share/precis" && got != filepath.Join("/home/someone", "Library", "Application Support", "precis") {
		t.Errorf("without XDG_DATA_HOME: %s", got)
	}
}
