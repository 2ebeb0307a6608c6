package generatedtest

import (
	"bufio"
	"encoding/json"
	"io"
	"os/exec"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generated/platform/alipay"
)

// The getAuthCode contract between the JS runtime and Go: the Go decoder
// reads the host's own result and what the runtime's authorize made of it
// (universal names) the same way, and never refuses the runtime's result.
// Both sides get every input: test/js/authcode-worker.mjs runs the
// generated alipay entry on it.

// jsWorker is one node process running the worker, shared by the tests.
type jsWorker struct {
	mu  sync.Mutex
	in  io.Writer
	out *bufio.Scanner
}

var (
	workerOnce sync.Once
	worker     *jsWorker
	workerErr  error
)

func runtimeWorker(t testing.TB) *jsWorker {
	t.Helper()
	workerOnce.Do(func() {
		node, err := exec.LookPath("node")
		if err != nil {
			workerErr = err
			return
		}
		cmd := exec.Command(node, "../../test/js/authcode-worker.mjs")
		in, _ := cmd.StdinPipe()
		out, _ := cmd.StdoutPipe()
		if workerErr = cmd.Start(); workerErr != nil {
			return
		}
		scanner := bufio.NewScanner(out)
		scanner.Buffer(make([]byte, 1<<20), 1<<24)
		worker = &jsWorker{in: in, out: scanner}
	})
	if workerErr != nil {
		t.Skipf("no node to run the JS runtime: %v", workerErr)
	}
	return worker
}

// run returns the JSON of what the runtime resolved with for the host's
// result raw; ok is false when JSON.parse refuses raw.
func (w *jsWorker) run(t testing.TB, raw []byte) (out []byte, ok bool) {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	line, err := json.Marshal(string(raw))
	require.NoError(t, err)
	_, err = w.in.Write(append(line, '\n'))
	require.NoError(t, err)
	require.True(t, w.out.Scan(), "the worker answers")
	var reply struct {
		Invalid  bool   `json:"invalid"`
		Rejected string `json:"rejected"`
	}
	require.NoError(t, json.Unmarshal(w.out.Bytes(), &reply))
	require.Empty(t, reply.Rejected, "the runtime resolves every JSON result: %s", raw)
	return append([]byte(nil), w.out.Bytes()...), !reply.Invalid
}

func checkAuthCodeParity(t testing.TB, raw []byte) {
	w := runtimeWorker(t)
	js, ok := w.run(t, raw)
	native, err := alipay.ParseAuthCodeResult(raw)
	if !ok {
		assert.Error(t, err, "text JSON.parse refuses is an error: %q", raw)
		return
	}
	require.NoError(t, err, "a result the runtime takes is no error in Go: %q", raw)
	universal, err := alipay.ParseAuthCodeResult(js)
	require.NoError(t, err, "the runtime's result decodes: %s", js)
	assert.Equal(t, native, universal, "the host's result %s and the runtime's %s", raw, js)
}

// authCodeShapes is the family of results both sides read: names native and
// universal, known and unknown, one or many, of every JSON type; codes of
// every type; repeated keys and keys naming the same scope; results that
// are no object.
var authCodeShapes = []string{
	`{"authCode":"x","authSuccessScopes":["auth_base","auth_user","order_service"],"authErrorScopes":{"auth_zhima":11,"ride_hailing":"3"}}`,
	`{"authCode":"x","authSuccessScopes":["scope.userInfo","auth_base"],"authErrorScopes":{"scope.userInfo":"12"}}`,
	`{"authCode":"x","authSuccessScopes":"auth_user"}`,
	`{"authCode":7,"authSuccessScopes":7}`,
	`{"authCode":1e21,"authErrorScopes":{"auth_user":1.50,"auth_base":1e-7,"auth_zhima":-0,"x":0.000001,"y":123456789012345678901234}}`,
	`{"authCode":null,"authSuccessScopes":null,"authErrorScopes":null}`,
	`{"authCode":true,"authSuccessScopes":[null,7,{"a":1},["auth_user"],true,"auth_user"],"authErrorScopes":[11,"x",null]}`,
	`{"authSuccessScopes":{"length":1,"0":"auth_user"}}`,
	`{"authErrorScopes":{"auth_user":"a","scope.userInfo":"b"}}`,
	`{"authErrorScopes":{"scope.userInfo":"b","auth_user":"a"}}`,
	`{"authErrorScopes":{"auth_user":"a","scope.userInfo":"b","auth_user":"c"}}`,
	`{"authErrorScopes":{"auth_user":"a","scope.userInfo":true}}`,
	`{"authErrorScopes":{"__proto__":"denied","constructor":"x","0":"y"}}`,
	`{"authErrorScopes":{"scope.werun":"1","location":"2","scope.camera":"3"}}`,
	`{"authCode":"a","authCode":"b","AuthCode":"c"}`,
	`{"authErrorScopes":{"x":1e400},"authCode":1e400}`,
	`"auth_user"`, `null`, `[]`, `7`, `1e400`,
	`{"authCode":"\ud800","authSuccessScopes":["\ud800auth_user"]}`,
	`{"authCode":`,
}

func TestAuthCodeParity(t *testing.T) {
	for _, raw := range authCodeShapes {
		checkAuthCodeParity(t, []byte(raw))
	}
}

func FuzzAuthCodeParity(f *testing.F) {
	for _, raw := range authCodeShapes {
		f.Add([]byte(raw))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		checkAuthCodeParity(t, raw)
	})
}
