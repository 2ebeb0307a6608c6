package outdir

// WriteFileAtomic replaces the file target with data the way Write
// replaces generated files: through a synced temporary file in the same
// folder, renamed over target, so that a reader or a killed process sees
// the old bytes or the new ones, never a mixture. The file gets mode 0644
// (less the umask). For callers that update one file outside the output
// folder (scopegen hostconfig -merge).
func WriteFileAtomic(target string, data []byte) error {
	return writeAtomic(target, data)
}
