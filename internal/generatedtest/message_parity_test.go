package generatedtest

import (
	"bufio"
	"encoding/json"
	"io"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generated/scope"
	"github.com/scopegen/scopegen/generator/rules"
)

// The message contract between the JS runtime and Go: for the same host
// failure message, the generated ClassifyPrivacy and IsDenial give the
// verdict both JS entries give (the host's own and the universal one), up
// to and past the bound on what they read (rules.MaxMessageScan), with
// characters of one to four UTF-8 bytes and surrogate pairs at the bound.
// test/js/message-worker.mjs runs the generated entries.

var (
	messageOnce   sync.Once
	messageWorker *lineWorker
	messageErr    error
)

// lineWorker is one node process answering one JSON line per JSON line.
type lineWorker struct {
	mu  sync.Mutex
	in  io.Writer
	out *bufio.Scanner
}

func startMessageWorker(t testing.TB) *lineWorker {
	t.Helper()
	messageOnce.Do(func() {
		node, err := exec.LookPath("node")
		if err != nil {
			messageErr = err
			return
		}
		cmd := exec.Command(node, "../../test/js/message-worker.mjs")
		in, _ := cmd.StdinPipe()
		out, _ := cmd.StdoutPipe()
		if messageErr = cmd.Start(); messageErr != nil {
			return
		}
		scanner := bufio.NewScanner(out)
		scanner.Buffer(make([]byte, 1<<16), 1<<16)
		messageWorker = &lineWorker{in: in, out: scanner}
	})
	if messageErr != nil {
		t.Skipf("no node to run the JS runtime: %v", messageErr)
	}
	return messageWorker
}

// jsVerdicts returns the errCodes of the host's entry and the universal one.
func (w *lineWorker) jsVerdicts(t testing.TB, platform, errMsg string) [2]string {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	line, err := json.Marshal(map[string]string{"platform": platform, "errMsg": errMsg})
	require.NoError(t, err)
	_, err = w.in.Write(append(line, '\n'))
	require.NoError(t, err)
	require.True(t, w.out.Scan(), "the worker answers")
	var got [2]string
	require.NoError(t, json.Unmarshal(w.out.Bytes(), &got))
	return got
}

// goVerdict is the errCode the generated Go gives a failure with errMsg and
// no code: a privacy failure first, then a denial, else NATIVE_ERROR.
func goVerdict(platform, errMsg string) string {
	if classify, ok := classifiers[platform]; ok {
		if v := classify(0, errMsg); v != "" {
			return v
		}
	}
	if pkgs[platform].IsDenial(0, errMsg) {
		return "AUTH_DENIED"
	}
	return "NATIVE_ERROR"
}

// messageHosts are the platforms whose runtime reads the host's own
// failure messages (a browser host's messages are its driver's), after
// checking that no code of theirs is 0, the code the Go side is given.
func messageHosts(t *testing.T) []string {
	t.Helper()
	m := rootModel(t)
	var ids []string
	for _, p := range m.Platforms {
		if m.RuntimeOf(p).Browser != nil {
			continue
		}
		require.NotContains(t, p.Denial.Codes, 0, p.ID)
		if p.Privacy != nil {
			for _, f := range p.Privacy.Failures {
				require.NotContains(t, f.Codes, 0, p.ID)
			}
		}
		ids = append(ids, p.ID)
	}
	require.NotEmpty(t, ids)
	return ids
}

func checkMessageParity(t testing.TB, w *lineWorker, ids []string, errMsg string) {
	// JSON carries Go's invalid UTF-8 as one U+FFFD per byte, as []rune reads it.
	errMsg = string([]rune(errMsg))
	for _, id := range ids {
		want := goVerdict(id, errMsg)
		got := w.jsVerdicts(t, id, errMsg)
		short := errMsg
		if len(short) > 80 {
			short = short[:40] + "…" + short[len(short)-40:]
		}
		assert.Equal(t, [2]string{want, want}, got, "%s, a message of %d bytes: %q", id, len(errMsg), short)
	}
}

// units is s's length in UTF-16 code units, JavaScript's string length.
func units(s string) int { return len(utf16.Encode([]rune(s))) }

// messageCorpus: each phrase alone, after padding that puts its end around
// the bound (two code units either side) in pads of 1 to 4 UTF-8 bytes (the
// last one a surrogate pair in JavaScript), a denial split across the bound,
// a phrase before a megabyte of padding, and messages with line terminators.
func messageCorpus() []string {
	phrases := []string{
		"authorize:fail auth deny", "getLocation:fail:auth denied", "authorize:fail invalid scope",
		"authorize:fail privacy permission is not authorized", "authorize:fail api scope is not declared in the privacy agreement",
		"need to be declared in the requiredPrivateInfos", "please go to mp to announce your privacy usage", "privacy interface is banned",
		"authorize:fail", ":fail NotAllowedError: denied", "fail 用户拒绝 auth deny", "fail\rauth deny", "fail\u2028auth deny", "",
	}
	pads := []string{"x", "é", "中", "😀"}
	var out []string
	for _, p := range phrases {
		out = append(out, p, p+strings.Repeat("x", 1<<20))
		for _, pad := range pads {
			for d := -2; d <= 2; d++ {
				n := (rules.MaxMessageScan - units(p) + d) / units(pad)
				out = append(out, strings.Repeat(pad, max(n, 0))+p, strings.Repeat("x", max(rules.MaxMessageScan-units(p)+d-1, 0))+p+pad)
			}
		}
	}
	for d := -12; d <= 2; d++ {
		out = append(out, "authorize:fail"+strings.Repeat("x", rules.MaxMessageScan-len("authorize:fail")+d)+"auth deny")
	}
	return out
}

func TestMessageParity(t *testing.T) {
	w := startMessageWorker(t)
	ids := messageHosts(t)
	for _, msg := range messageCorpus() {
		checkMessageParity(t, w, ids, msg)
	}
}

// TestScannedMessage: the generated prefix is rules.MaxMessageScan code
// units at most, the longest such, and never cuts a character.
func TestScannedMessage(t *testing.T) {
	assert.Equal(t, rules.MaxMessageScan, scope.MaxMessageScan)
	for _, msg := range messageCorpus() {
		got := scope.ScannedMessage(msg)
		assert.True(t, strings.HasPrefix(msg, got))
		assert.LessOrEqual(t, units(got), rules.MaxMessageScan)
		if rest := msg[len(got):]; rest != "" {
			next := []rune(rest)[0]
			assert.Greater(t, units(got)+units(string(next)), rules.MaxMessageScan, "the next character would pass the bound: %q", next)
		}
	}
}

func FuzzMessageParity(f *testing.F) {
	for _, msg := range slices.Concat(messageCorpus()[:40], []string{"fail auth deny", "\xff\xfeauth deny"}) {
		f.Add(msg, uint16(0), "x")
	}
	f.Add("authorize:fail auth deny", uint16(1010), "😀")
	f.Add("privacy permission is not authorized", uint16(1000), "中")
	f.Fuzz(func(t *testing.T, msg string, pad uint16, unit string) {
		if r := []rune(unit); len(r) > 0 {
			msg = strings.Repeat(string(r[0]), int(pad%1100)) + msg
		}
		checkMessageParity(t, startMessageWorker(t), messageHosts(t), msg)
	})
}
