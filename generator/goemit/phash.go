package goemit

import (
	"cmp"
	"math/bits"
	"slices"
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
