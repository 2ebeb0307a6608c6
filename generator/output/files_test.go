package output_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/output"
)

func TestFinish(t *testing.T) {
	header := "// " + output.Marker + "\n\n"
	tests := []struct {
		name    string
		files   output.Files
		want    output.Files
		wantErr string
	}{
		{"Go is formatted", output.Files{"a/a.go": []byte(header + "package a\nvar  X =  1\n")},
			output.Files{"a/a.go": []byte(header + "package a\n\nvar X = 1\n")}, ""},
		{"other files are kept as they are", output.Files{"x.md": []byte("<!-- " + output.Marker + " -->\n  a  \n")},
			output.Files{"x.md": []byte("<!-- " + output.Marker + " -->\n  a  \n")}, ""},
		{"unparsable Go gets a numbered listing", output.Files{"a.go": []byte(header + "package a\nfunc {\n")},
			nil, "a.go: unparsable Go source: 4:6: expected 'IDENT', found '{'\n    1\t// " + output.Marker},
		{"a file without the marker", output.Files{"b.txt": []byte("hello\n")}, nil, `b.txt: generated file lacks the`},
		{"a path leaving the folder", output.Files{"../b.txt": []byte(header)}, nil, `invalid output path "../b.txt"`},
		{"the first error in path order wins", output.Files{"b.txt": []byte("x"), "a.txt": []byte("y")}, nil, "a.txt:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := output.Finish(tt.files)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}
