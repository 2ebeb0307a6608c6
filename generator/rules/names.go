package rules

import "regexp"

// The shapes names must have. Names reach Go, TypeScript, JavaScript,
// JSON and Markdown; keeping them to these characters means none of them
// ever needs escaping, and only free text (titles, descriptions, notes)
// does.
var (
	PlatformIDPattern = regexp.MustCompile(`^[a-z][a-z0-9]{0,31}$`)
	ScopeNamePattern  = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*([._][A-Za-z0-9]+)*$`)
	APINamePattern    = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$`)
	NativePattern     = regexp.MustCompile(`^[A-Za-z0-9_$][A-Za-z0-9_.:$-]*$`)
	GlobalPattern     = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)
	GoNamePattern     = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
	ConditionPattern  = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	NPMPackagePattern = regexp.MustCompile(`^(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*$`)
	// IconPattern spells white space out because \s means different sets
	// in RE2 and ECMAScript (the schema carries this pattern to editors).
	// Nor any control character (C0, DEL, C1), line or paragraph
	// separator, or bidirectional control: the URL lands in Markdown.
	IconPattern = regexp.MustCompile(`^https://[^\t\n\f\r "'<>\\` + "`" + "\x00-\x1f\u007f-\u009f\u2028\u2029" + BidiControlClass + `]+$`)
	// UnportablePattern finds the constructs of denial.message outside the
	// portable dialect that a pattern can spot (PortableRegex decides; the
	// schema carries this to editors): flags and lookarounds, escapes
	// other than punctuation, \d \w \t \n \r \f \v and \xHH, empty-looking
	// classes and POSIX classes.
	UnportablePattern = regexp.MustCompile(`\(\?[^:]|\\[^^$.|?*+()\[\]{}\\\-dDwWtnrfvx]|\\x([^0-9A-Fa-f]|.[^0-9A-Fa-f]|.?$)|\[\^?\]|\[\[:`)
)

// Patterns npm metadata must match (validate reports a mismatch; the JSON
// Schema carries the same patterns).
var (
	// SemverPattern is a semantic version 2.0.0, as npm's semver.valid
	// accepts it: no leading "v", no leading zeros.
	SemverPattern = regexp.MustCompile(`^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)` +
		`(-(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*)?` +
		`(\+[0-9a-zA-Z-]+(\.[0-9a-zA-Z-]+)*)?$`)
	// WebURLPattern is an http or https URL with a host (homepage),
	// printable ASCII only. No \s or \S: RE2's and ECMAScript's differ.
	WebURLPattern = regexp.MustCompile(`^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#][!-~]*)?$`)
	// RepositoryPattern is what npm accepts as a repository string: a git
	// or web URL, or a host shorthand (github:owner/repo, owner/repo).
	RepositoryPattern = regexp.MustCompile(`^((git\+)?(https?|ssh|git)://[!-~]+|((github|gitlab|bitbucket|gist):)?[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)$`)
	// KeywordPattern is one keyword (or a license, which validate then
	// parses): one line, no control character (bidirectional ones
	// included: BidiControlClass), no space at either end.
	KeywordPattern = regexp.MustCompile("^[^\x00-\x20\u007f-\u009f\u2028\u2029" + BidiControlClass + "]([^\x00-\x1f\u007f-\u009f\u2028\u2029" + BidiControlClass + "]*[^\x00-\x20\u007f-\u009f\u2028\u2029" + BidiControlClass + "])?$")
)

// The shapes of a manifest's sources (sources: id → {url, tag, read}).
var (
	// SourceIDPattern is a source's short id, cited from sources lists.
	SourceIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)
	// SourceURLPattern is the page a fact was read on: http or https,
	// printable ASCII (other characters percent-encoded), so that every
	// output can print it without escaping a byte of it.
	SourceURLPattern = WebURLPattern
	// DatePattern is the day a source was read, YYYY-MM-DD; validate also
	// checks that the day exists.
	DatePattern = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`)
)

// SourceTags says how far a source can be trusted: the host's own docs or
// typings, a copy of them on another site, or anyone else (frameworks,
// blogs, issue threads).
var SourceTags = []string{"official", "mirror", "third-party"}

// The reserved-name policy per target language. validate reports a
// manifest name that breaks one (a positioned diagnostic); emitters never
// check names again.

// ReservedConditions are export conditions the generated package.json
// uses itself, or that a runtime or a common build tool sets on its own: a
// platform taking one would have its entry picked in builds for other
// hosts. Each group names its source. "deno" stays available: only Deno
// sets it, so it means what it says (Deno's other conditions, node,
// import and default, are Node's).
var ReservedConditions = []string{
	// The generated package.json's own exports map.
	"default", "import", "require", "types",
	// Node (nodejs.org/api/packages.html, "Conditional exports" and
	// "Community Conditions Definitions"): node, node-addons, module-sync,
	// and the community's browser, development, production, react-native.
	"browser", "development", "module-sync", "node", "node-addons", "production", "react-native",
	// webpack (webpack.js.org/guides/package-exports, "Conditions"):
	// its target and mode conditions and the asset kinds.
	"asset", "electron", "module", "sass", "script", "style", "webpack", "worker", "worklet",
	// Vite (resolve.conditions), esbuild (conditions), Rollup
	// (@rollup/plugin-node-resolve exportConditions) set only conditions
	// listed above: module, browser, node, import, require, default,
	// development, production.
	// Bun: "bun", its key in the WinterTC runtime keys, which Bun's
	// resolver and bundler set.
	"bun",
	// Kept from the list before its groups named sources: "typescript",
	// a condition TypeScript-aware tools use for source entries.
	"typescript",
	// Next.js: "react-server" for server components and middleware
	// (vercel/next.js #66534, "Middleware to use react-server
	// condition"); "edge-light" for its edge runtime (Vercel's key in
	// the WinterTC runtime keys; apollo-client-nextjs v0.9.2 adds it "to
	// support export const runtime = edge").
	"edge-light", "react-server",
	// Cloudflare: wrangler prefers "workerd" when bundling
	// (cloudflare/workers-sdk, wrangler 2.9.0 release notes) and its
	// esbuild sets "worker" too (nitro's cloudflare presets set both).
	"workerd",
	// WinterTC runtime keys (WinterTC55/runtime-keys, runtime-keys.json)
	// other edge runtimes set: Alibaba Cloud's, Fastly's, Netlify's.
	"edge-routine", "fastly", "netlify",
	// Angular: the Angular Package Format's exports carry "es2015",
	// "es2020" and "esm2020" (@angular/core 15 package.json), which the
	// Angular CLI's bundler configuration sets.
	"es2015", "es2020", "esm2020",
}

// ReservedGoPackageNames cannot be platform ids, which become Go package
// names: "main" makes a command nothing can import, "init" cannot be
// declared, and a predeclared identifier would shadow it in every file
// importing the package. Go keywords are refused too (go/token.IsKeyword).
var ReservedGoPackageNames = []string{
	"any", "append", "bool", "byte", "cap", "clear", "close", "comparable", "complex", "complex128", "complex64",
	"copy", "delete", "error", "false", "float32", "float64", "imag", "init", "int", "int16", "int32", "int64",
	"int8", "iota", "len", "main", "make", "max", "min", "new", "nil", "panic", "print", "println", "real",
	"recover", "rune", "string", "true", "uint", "uint16", "uint32", "uint64", "uint8", "uintptr",
}

// ObjectPrototypeNames are properties every JavaScript object inherits:
// as a host global, every global object would seem to define it, and the
// universal entry would pick that host everywhere.
var ObjectPrototypeNames = []string{
	"__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__", "__proto__",
	"constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString",
	"toString", "valueOf",
}

// ReservedNPMNames are package names (the part after a scope) npm refuses.
var ReservedNPMNames = []string{"favicon.ico", "node_modules"}

// JSReservedWords cannot be a global or a property the runtime names
// bare: the ECMAScript reserved words and the strict-mode ones.
var JSReservedWords = []string{
	"arguments", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default",
	"delete", "do", "else", "enum", "eval", "export", "extends", "false", "finally", "for", "function",
	"if", "implements", "import", "in", "instanceof", "interface", "let", "new", "null", "package",
	"private", "protected", "public", "return", "static", "super", "switch", "this", "throw", "true",
	"try", "typeof", "undefined", "var", "void", "while", "with", "yield",
}

// ReservedPlatformIDs cannot be platform ids: the npm package and the Go
// tree already use these names for their own files and folders.
var ReservedPlatformIDs = []string{"core", "index", "scope", "shared", "testing", "types", "universal"}

// GoToolingDirs are the folder names the go command treats specially.
// A platform id names its Go package's folder (generated/platform/<id>),
// so none may be one: what vendor holds is read as vendored code and left
// out of module zips (golang.org/x/mod/zip.CheckDir omits vendor/), ./...
// skips testdata, and an internal package is importable only from inside
// its parent (generated/platform). The value is why, for the message.
var GoToolingDirs = map[string]string{
	"internal": "a package under internal/ can be imported only from inside generated/platform",
	"testdata": "the go command skips testdata folders: ./... would never build or test it",
	"vendor":   "the go command reads vendor/ as vendored dependencies, and module zips omit it",
}

// WindowsReservedNames are the platform ids PlatformIDPattern admits that
// Windows reserves as file names, and so golang.org/x/mod refuses in a
// module (module.CheckFilePath): an id names output files
// (platform/<id>/<id>.go), and one of these would make the module holding
// the output folder unpublishable. validate refuses them; the JSON Schema
// lists them. A test holds the list equal to x/mod's verdict.
var WindowsReservedNames = []string{
	"aux", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "con",
	"lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "nul", "prn",
}
