package testkitemit

import (
	"regexp"
	"testing"

	"github.com/scopegen/scopegen/generator/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTextForMatchesItsPattern(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		want    errText
	}{
		{"", errText{Text: "fail", WithAPI: true}},
		{"fail.*auth den(y|ied)", errText{Text: "fail auth deny", WithAPI: true}},
		{"privacy permission is not authorized", errText{Text: "fail privacy permission is not authorized", WithAPI: true}},
		{"not declared in the privacy agreement|need to be declared", errText{Text: "fail not declared in the privacy agreement", WithAPI: true}},
		{"^denied [0-9]{2}$", errText{Text: "denied 00", WithAPI: false}},
		{`fail\d+ (x|y)?z`, errText{Text: "fail0 z", WithAPI: true}},
		{`:fail [^a-z]+:`, errText{Text: "fail  :", WithAPI: true}},
	} {
		t.Run(tc.pattern, func(t *testing.T) {
			goForm := ""
			if tc.pattern != "" {
				var problem *rules.RegexProblem
				goForm, _, problem = rules.PortableRegex(tc.pattern)
				require.Nil(t, problem)
			}
			got, err := textFor(goForm, "authorize")
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			if goForm != "" {
				full := got.Text
				if got.WithAPI {
					full = "authorize:" + full
				}
				assert.Regexp(t, regexp.MustCompile(goForm), full)
			}
		})
	}
}

// A pattern no example satisfies is an error, not a text the runtime
// would fail to recognise.
func TestTextForRefusesWhatItCannotMatch(t *testing.T) {
	_, err := textFor(`^x\bx`, "authorize")
	assert.Error(t, err)
}
