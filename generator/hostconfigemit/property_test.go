package hostconfigemit

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/model"
)

// foreign strips data to what scopegen does not own: the top-level
// permission and requiredPrivateInfos members are cut out with the comma
// that joins each to the file (as a merge removes them), and the foreign
// entries inside them are listed with their bytes. An object left empty
// is "{}": the whitespace inside an empty app.json is not kept.
func foreign(t *testing.T, data []byte, hc *model.HostConfig) (rest string, entries []string) {
	root, err := scan(data, nil)
	require.NoError(t, err)
	e := &editor{data: data}
	remove := make([]bool, len(root.members()))
	for i, m := range root.members() {
		switch m.key {
		case PermissionKey:
			remove[i] = true
			for _, pm := range m.value.members() {
				if !slices.Contains(hc.OwnedPermissions, pm.key) {
					entries = append(entries, string(data[pm.keyStart:pm.value.end]))
				}
			}
		case RequiredPrivateInfosKey:
			remove[i] = true
			for _, item := range m.value.items() {
				if !slices.Contains(hc.OwnedPrivateInfos, decodeString(data, item.start, item.end)) {
					entries = append(entries, string(data[item.start:item.end]))
				}
			}
		}
	}
	if !slices.Contains(remove, false) {
		return string(data[:root.start+1]) + string(data[root.end-1:]), entries
	}
	e.change(root, remove, nil)
	return string(e.apply()), entries
}

// TestMergeKeepsForeignBytes: for random app.json files (random layout,
// escapes, number forms, nesting, and owned keys anywhere with owned,
// requested and foreign entries), every byte outside the owned keys comes
// back as it was, the foreign entries inside them too, and a second merge
// changes nothing.
func TestMergeKeepsForeignBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 12))
	for i := range 3000 {
		in := randomApp(rng)
		require.True(t, json.Valid([]byte(in)), in)
		for _, requested := range []bool{true, false} {
			hc := wechatConfig(requested)
			out, _, err := Merge([]byte(in), hc)
			require.NoError(t, err, "case %d: %s", i, in)
			require.True(t, json.Valid(out), "case %d: %s\n→ %s", i, in, out)
			restIn, entriesIn := foreign(t, []byte(in), hc)
			restOut, entriesOut := foreign(t, out, hc)
			require.Equal(t, restIn, restOut, "case %d: bytes outside the owned keys changed:\n%s\n→ %s", i, in, out)
			require.Equal(t, entriesIn, entriesOut, "case %d: foreign entries changed:\n%s\n→ %s", i, in, out)
			again, changed, err := Merge(out, hc)
			require.NoError(t, err)
			require.False(t, changed, "case %d: a second merge changed %s", i, out)
			require.Equal(t, string(out), string(again))
		}
	}
}

var (
	spaces  = []string{"", " ", "\n", "\n  ", "\n\t", "  \n    ", "\r\n  "}
	strs    = []string{`"a"`, `"\u00e9"`, `"\/x"`, `"<&>"`, `"\n\"q\""`, `"店铺"`, `"\ud83d\ude00"`, `""`}
	nums    = []string{"0", "-0", "1.50", "1E3", "1e-7", "12345678901234567890"}
	literal = []string{"true", "false", "null"}
	keys    = []string{"pages", "window", "tabBar", "sitemapLocation", "usingComponents", `p\u0061ges2`, "x y"}
)

func randomApp(rng *rand.Rand) string {
	ws := func() string { return spaces[rng.IntN(len(spaces))] }
	var members []string
	used := map[string]bool{}
	for range rng.IntN(5) {
		k := keys[rng.IntN(len(keys))]
		if used[k] {
			continue
		}
		used[k] = true
		members = append(members, fmt.Sprintf(`"%s"%s:%s%s`, k, ws(), ws(), randomValue(rng, 3)))
	}
	if rng.IntN(3) > 0 {
		var entries []string
		for _, k := range pick(rng, []string{"scope.userLocation", "scope.userFuzzyLocation", "scope.camera", "scope.x"}) {
			entries = append(entries, fmt.Sprintf(`%s"%s"%s:%s%s`, ws(), k, ws(), ws(), randomEntry(rng)))
		}
		members = slices.Insert(members, rng.IntN(len(members)+1), `"permission":`+ws()+"{"+strings.Join(entries, ","+ws())+ws()+"}")
	}
	if rng.IntN(3) > 0 {
		var items []string
		for _, s := range pick(rng, []string{`"getLocation"`, `"getFuzzyLocation"`, `"chooseAddress"`, `"get\u004cocation"`, `"choosePoi"`, `"getLocation"`}) {
			items = append(items, ws()+s)
		}
		members = slices.Insert(members, rng.IntN(len(members)+1), `"requiredPrivateInfos"`+ws()+":"+ws()+"["+strings.Join(items, ","+ws())+ws()+"]")
	}
	var b strings.Builder
	b.WriteString(ws() + "{")
	for i, m := range members {
		if i > 0 {
			b.WriteString(ws() + ",")
		}
		b.WriteString(ws() + m)
	}
	b.WriteString(ws() + "}" + ws())
	return b.String()
}

func randomEntry(rng *rand.Rand) string {
	switch rng.IntN(4) {
	case 0:
		return strs[rng.IntN(len(strs))]
	case 1:
		return `{}`
	case 2:
		return `{"desc": "附近的门店"}`
	}
	return fmt.Sprintf(`{"extra": %s, "desc":%s}`, nums[rng.IntN(len(nums))], strs[rng.IntN(len(strs))])
}

func randomValue(rng *rand.Rand, depth int) string {
	ws := func() string { return spaces[rng.IntN(len(spaces))] }
	switch n := rng.IntN(5); {
	case n == 0 || depth == 0 && n >= 3:
		return strs[rng.IntN(len(strs))]
	case n == 1:
		return nums[rng.IntN(len(nums))]
	case n == 2:
		return literal[rng.IntN(len(literal))]
	case n == 3:
		var items []string
		for range rng.IntN(3) {
			items = append(items, ws()+randomValue(rng, depth-1))
		}
		return "[" + strings.Join(items, ",") + ws() + "]"
	}
	var members []string
	for i := range rng.IntN(3) {
		members = append(members, fmt.Sprintf(`%s"k%d"%s:%s`, ws(), i, ws(), randomValue(rng, depth-1)))
	}
	return "{" + strings.Join(members, ",") + ws() + "}"
}

// pick returns a random subset of from in random order, without repeats
// of a key (the JSON stays free of duplicate keys).
func pick(rng *rand.Rand, from []string) []string {
	out := slices.Clone(from)
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out[:rng.IntN(len(out)+1)]
}

// FuzzMerge: whatever the input, Merge either refuses it or returns JSON
// that a second Merge leaves alone, with every byte outside the owned keys
// as it was.
func FuzzMerge(f *testing.F) {
	for _, seed := range []string{`{}`, `{"pages":["a"],"permission":{"scope.userLocation":{"desc":"x"}}}`, `[]`, `{"requiredPrivateInfos":["getFuzzyLocation"]}`, `{"a":{"b":[1,2,{"c":null}]}}`, "{\n\t\"a\" : 1 ,\"permission\":{ }\n}", "{\r\t\"a\" : 1 ,\"permission\":{ }\r}", "{\r  \"requiredPrivateInfos\": [\r    \"x\"\r  ]\r}\r"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, requested := range []bool{true, false} {
			hc := wechatConfig(requested)
			out, _, err := Merge(data, hc)
			if err != nil {
				continue
			}
			require.True(t, json.Valid(out))
			restIn, entriesIn := foreign(t, data, hc)
			restOut, entriesOut := foreign(t, out, hc)
			require.Equal(t, restIn, restOut)
			require.Equal(t, entriesIn, entriesOut)
			again, changed, err := Merge(out, hc)
			require.NoError(t, err)
			require.False(t, changed)
			require.Equal(t, out, again)
		}
	})
}
