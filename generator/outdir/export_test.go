package outdir

// SetWriteFault makes every write of a target for which fault returns an
// error fail there, as a full disk would, until restore is called.
func SetWriteFault(fault func(target string) error) (restore func()) {
	writeFault = fault
	return func() { writeFault = nil }
}

// QuotePaths is quotePaths.
var QuotePaths = quotePaths
