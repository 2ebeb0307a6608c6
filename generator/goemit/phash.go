package goemit

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
)

// A perfectHash maps each of a fixed set of strings to its own slot, gperf
// style: the generated lookup reads the length and a few bytes at fixed
// offsets (no loop over the string), mixes them with two multiplications
// and a per-bucket displacement (CHD), and ends with one string compare
// against the table the slot names. A miss costs the same as a hit.
type perfectHash struct {
	minLen int
	// front and back are byte offsets from the start and from the end
	// (back 0 is the last byte), all below minLen, so a string of at
	// least minLen bytes has every one of them.
	front, back []int
	// direct, when non-zero, is a multiplier that alone sends every key
	// to its own slot: no displacement table, one load less.
	direct     uint64
	bucketBits int      // 1<<bucketBits displacements
	slotBits   int      // 1<<slotBits slots
	disp       []uint32 // by bucket
	slots      []int    // by slot: the value stored for the key there, 0 when empty
}

// Multipliers of the two mixing steps (odd, well-spread bits).
const (
	mulBucket uint64 = 0x9e3779b97f4a7c15
	mulSlot   uint64 = 0xc2b2ae3d27d4eb4f
)

// maxOffsets bounds the bytes read: length plus at most 7 bytes pack
// into the uint64 the hash mixes.
const maxOffsets = 7

// buildPerfectHash finds a perfect hash of keys (distinct, non-empty);
// values[i] is what the slot of keys[i] holds (non-zero). It reports
// false when no few offsets tell the keys apart; the caller then emits a
// string switch.
func buildPerfectHash(keys []string, values []int) (*perfectHash, bool) {
	if len(keys) == 0 {
		return nil, false
	}
	ph := &perfectHash{minLen: len(keys[0])}
	for _, k := range keys {
		ph.minLen = min(ph.minLen, len(k))
	}
	if ph.minLen == 0 || !ph.chooseOffsets(keys) {
		return nil, false
	}
	packed := make([]uint64, len(keys))
	for i, k := range keys {
		packed[i] = ph.pack(k)
	}
	if ph.findDirect(packed, values) {
		return ph, true
	}
	// Load factor at most 1/2 and about four keys a bucket keep the
	// displacement search short.
	ph.slotBits = max(1, bits.Len(uint(2*len(keys)-1)))
	ph.bucketBits = max(1, ph.slotBits-3)
	return ph, ph.displace(packed, values)
}

// pack is the generated code's feature word: length, then each chosen byte.
func (ph *perfectHash) pack(s string) uint64 {
	x := uint64(len(s))
	shift := 8
	for _, o := range ph.front {
		x |= uint64(s[o]) << shift
		shift += 8
	}
	for _, o := range ph.back {
		x |= uint64(s[len(s)-1-o]) << shift
		shift += 8
	}
	return x
}

// chooseOffsets adds, greedily, the offset that tells the most keys
// apart, until every key packs differently. Keys that still pack alike
// form a class; a candidate offset is scored by how many classes the
// classes split into, which is one pass over the keys, no hashing.
func (ph *perfectHash) chooseOffsets(keys []string) bool {
	// A length beyond 255 would spill out of the packed word's low byte.
	for _, k := range keys {
		if len(k) > 255 {
			return false
		}
	}
	// order lists the keys class by class; starts[c] is where class c
	// begins in it. The first classes are the lengths.
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(len(keys[a]), len(keys[b])) })
	starts := []int{0}
	for i := 1; i < len(order); i++ {
		if len(keys[order[i]]) != len(keys[order[i-1]]) {
			starts = append(starts, i)
		}
	}
	byteAt := func(k string, fromBack bool, o int) byte {
		if fromBack {
			return k[len(k)-1-o]
		}
		return k[o]
	}
	// split counts the classes the current ones become with one more
	// offset; stamps spare clearing seen per class.
	var seen [256]int
	stamp := 0
	split := func(fromBack bool, o int) int {
		n := 0
		for c, start := range starts {
			end := len(order)
			if c+1 < len(starts) {
				end = starts[c+1]
			}
			if end-start == 1 {
				n++ // a single key stays a class of its own
				continue
			}
			stamp++
			for _, k := range order[start:end] {
				if b := byteAt(keys[k], fromBack, o); seen[b] != stamp {
					seen[b] = stamp
					n++
				}
			}
		}
		return n
	}
	for len(starts) < len(keys) {
		if len(ph.front)+len(ph.back) == maxOffsets {
			return false
		}
		type choice struct {
			fromBack bool
			offset   int
			classes  int
		}
		var top choice
	candidates:
		for _, fromBack := range []bool{false, true} {
			used := ph.front
			if fromBack {
				used = ph.back
			}
			for o := range min(ph.minLen, 16) {
				if slices.Contains(used, o) {
					continue
				}
				if n := split(fromBack, o); n > top.classes {
					top = choice{fromBack, o, n}
				}
				if top.classes == len(keys) {
					break candidates // every key apart: no offset can do better
				}
			}
		}
		if top.classes <= len(starts) {
			return false
		}
		if top.fromBack {
			ph.back = append(ph.back, top.offset)
		} else {
			ph.front = append(ph.front, top.offset)
		}
		// Refine: sort each class by the chosen byte and cut it where
		// the byte changes.
		var next []int
		for c, start := range starts {
			end := len(order)
			if c+1 < len(starts) {
				end = starts[c+1]
			}
			class := order[start:end]
			if len(class) == 1 {
				next = append(next, start)
				continue
			}
			slices.SortFunc(class, func(a, b int) int {
				return cmp.Compare(byteAt(keys[a], top.fromBack, top.offset), byteAt(keys[b], top.fromBack, top.offset))
			})
			next = append(next, start)
			for i := 1; i < len(class); i++ {
				if byteAt(keys[class[i]], top.fromBack, top.offset) != byteAt(keys[class[i-1]], top.fromBack, top.offset) {
					next = append(next, start+i)
				}
			}
		}
		starts = next
	}
	return true
}

// Small key sets get a direct hash: a multiplier found by trial that
// sends every key to a distinct slot of a table of at most 8 slots a key.
const (
	maxDirectKeys  = 64
	maxDirectTries = 1 << 14
)

func (ph *perfectHash) findDirect(packed []uint64, values []int) bool {
	if len(packed) > maxDirectKeys {
		return false
	}
	ph.slotBits = max(1, bits.Len(uint(8*len(packed)-1)))
	taken := make([]bool, 1<<ph.slotBits)
	// The candidates are odd and follow a fixed sequence, so output is
	// the same on every run.
	m := mulSlot
	for range maxDirectTries {
		m = m*6364136223846793005 + 1442695040888963407
		mul := m | 1
		clear(taken)
		ok := true
		for _, x := range packed {
			s := int((x * mul) >> (64 - ph.slotBits))
			if taken[s] {
				ok = false
				break
			}
			taken[s] = true
		}
		if ok {
			ph.direct = mul
			ph.slots = make([]int, 1<<ph.slotBits)
			for i, x := range packed {
				ph.slots[(x*mul)>>(64-ph.slotBits)] = values[i]
			}
			return true
		}
	}
	return false
}

func (ph *perfectHash) bucket(x uint64) int {
	return int((x * mulBucket) >> (64 - ph.bucketBits))
}

func (ph *perfectHash) slot(x uint64, d uint32) int {
	return int(((x ^ uint64(d)) * mulSlot) >> (64 - ph.slotBits))
}

// displace is CHD's search: the fullest buckets first, each takes the
// smallest displacement that puts all its keys in free, distinct slots.
func (ph *perfectHash) displace(packed []uint64, values []int) bool {
	buckets := make([][]int, 1<<ph.bucketBits)
	for i, x := range packed {
		b := ph.bucket(x)
		buckets[b] = append(buckets[b], i)
	}
	order := make([]int, len(buckets))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(buckets[b]), len(buckets[a])) })
	ph.disp = make([]uint32, len(buckets))
	ph.slots = make([]int, 1<<ph.slotBits)
	taken := make([]bool, len(ph.slots))
	var tried []int
	for _, b := range order {
		if len(buckets[b]) == 0 {
			break
		}
	search:
		for d := uint32(0); ; d++ {
			if d == 1<<20 {
				return false
			}
			tried = tried[:0]
			for _, k := range buckets[b] {
				s := ph.slot(packed[k], d)
				if taken[s] || slices.Contains(tried, s) {
					continue search
				}
				tried = append(tried, s)
			}
			ph.disp[b] = d
			for i, k := range buckets[b] {
				taken[tried[i]] = true
				ph.slots[tried[i]] = values[k]
			}
			break
		}
	}
	return true
}

// stringLookup describes a generated lookup of a string among keys.
type stringLookup struct {
	prefix string   // names the hash tables: prefix+"Slots", prefix+"Disp"
	arg    string   // the string variable looked up
	table  string   // a table with table[values[i]] == keys[i]
	keys   []string // distinct, non-empty
	values []int    // non-zero
	// declareTable emits table when only the hash needs it; nil when the
	// file has it anyway.
	declareTable func()
	// hashHit is the statement run on a hash match, given the value;
	// armHit is a switch arm's statement for keys[k].
	hashHit func(value jen.Code) jen.Code
	armHit  func(k int) jen.Code
}

// findString returns the statements of lookup: on a match they run its
// hit statement; otherwise they fall through. Up to maxSwitchKeys keys, or
// when no few offsets tell the keys apart, it is a switch; otherwise a
// perfect hash whose tables are declared in f.
func findString(f *jen.File, l stringLookup) []jen.Code {
	if len(l.keys) == 0 {
		return nil
	}
	var ph *perfectHash
	ok := false
	if len(l.keys) > maxSwitchKeys {
		ph, ok = buildPerfectHash(l.keys, l.values)
	}
	if !ok {
		arms := make([]jen.Code, len(l.keys))
		for k, key := range l.keys {
			arms[k] = jen.Case(jen.Lit(key)).Block(l.armHit(k))
		}
		return []jen.Code{jen.Switch(jen.Id(l.arg)).Block(arms...)}
	}
	if l.declareTable != nil {
		l.declareTable()
	}
	prefix, arg, table := l.prefix, l.arg, l.table
	hit := l.hashHit
	slotsName, dispName := prefix+"Slots", prefix+"Disp"
	slotsVar := jen.Id(slotsName).Op("=").Index(jen.Lit(len(ph.slots))).Id(uintType(slices.Max(ph.slots))).Values(jen.Id(wrapInts(ph.slots)))
	if ph.direct != 0 {
		f.Comment(fmt.Sprintf("// %s is a perfect hash of the names in %s: a lookup reads a few bytes and compares one string.", slotsName, table))
		f.Var().Add(slotsVar)
	} else {
		f.Comment(fmt.Sprintf("// %s and %s are a perfect hash of the names in %s: a lookup reads a few bytes and compares one string.", slotsName, dispName, table))
		f.Var().Defs(
			slotsVar,
			jen.Id(dispName).Op("=").Index(jen.Lit(len(ph.disp))).Id(uintType(int(slices.Max(ph.disp)))).Values(jen.Id(wrapInts(ph.disp))),
		)
	}
	// x packs the length and the chosen bytes; every offset is below
	// minLen, so after the length check no index can be out of range.
	packed := jen.Uint64().Call(jen.Id("n"))
	shift := 8
	for _, o := range ph.front {
		packed = packed.Op("|").Uint64().Call(jen.Id(arg).Index(jen.Lit(o))).Op("<<").Lit(shift)
		shift += 8
	}
	for _, o := range ph.back {
		packed = packed.Op("|").Uint64().Call(jen.Id(arg).Index(jen.Id("n").Op("-").Lit(o + 1))).Op("<<").Lit(shift)
		shift += 8
	}
	var slot *jen.Statement
	if ph.direct != 0 {
		slot = jen.Parens(jen.Id("x").Op("*").Id(hex(ph.direct))).Op(">>").Lit(64 - ph.slotBits)
	} else {
		bucket := jen.Parens(jen.Id("x").Op("*").Id(hex(mulBucket))).Op(">>").Lit(64 - ph.bucketBits)
		slot = jen.Parens(jen.Parens(jen.Id("x").Op("^").Uint64().Call(jen.Id(dispName).Index(bucket))).Op("*").Id(hex(mulSlot))).Op(">>").Lit(64 - ph.slotBits)
	}
	return []jen.Code{
		jen.If(jen.Id("n").Op(":=").Len(jen.Id(arg)), jen.Id("n").Op(">=").Lit(ph.minLen)).Block(
			jen.Id("x").Op(":=").Add(packed),
			jen.If(jen.Id("i").Op(":=").Id(slotsName).Index(slot), jen.Id(table).Index(jen.Id("i")).Op("==").Id(arg)).Block(
				hit(jen.Id("i")),
			),
		),
	}
}

// maxSwitchKeys is the most keys a lookup matches with a string switch.
// The compiler turns a small switch into a jump on the length and inline
// compares against constants, which beats the hash's table loads and
// memequal call (Alipay's 11 native names: 1.4 ns against 2.4 ns); by a
// few dozen keys the switch's binary search loses (Parse on the root
// manifest's scopes: 4.6 ns against 3.4 ns).
const maxSwitchKeys = 16

func hex(v uint64) string { return fmt.Sprintf("%#x", v) }

// uintType is the smallest unsigned type holding max.
func uintType(max int) string {
	switch {
	case max < 1<<8:
		return "uint8"
	case max < 1<<16:
		return "uint16"
	}
	return "uint32"
}

// wrapInts is the body of a composite literal of numbers, sixteen a line.
// It is one raw token for jennifer: tables grow with the manifest, and a
// jennifer node per number would cost more than the rest of the file.
func wrapInts[T int | uint32](values []T) string {
	var b strings.Builder
	for i, v := range values {
		if i%16 == 0 {
			b.WriteString("\n")
		} else {
			b.WriteString(" ")
		}
		b.WriteString(strconv.FormatUint(uint64(v), 10))
		b.WriteString(",")
	}
	b.WriteString("\n")
	return b.String()
}
