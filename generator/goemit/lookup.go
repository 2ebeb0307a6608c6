package goemit

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/scopegen/scopegen/generator/output"
)

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
// memequal call (Alipay's 8 native names: 1.4 ns against 2.4 ns); by a
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
// It is one verbatim region (see rawLines): tables grow with the
// manifest, and a jennifer node per number would cost more than the rest
// of the file.
func wrapInts[T int | uint32](values []T) string {
	if len(values) == 0 {
		return "\n"
	}
	var b strings.Builder
	b.Grow(6 * len(values))
	for i, v := range values {
		switch {
		case i == 0:
		case i%16 == 0:
			b.WriteByte('\n')
		default:
			b.WriteByte(' ')
		}
		b.WriteString(strconv.FormatUint(uint64(v), 10))
		b.WriteByte(',')
	}
	return "\n" + verbatim(output.Elements, b.String()) + "\n"
}
