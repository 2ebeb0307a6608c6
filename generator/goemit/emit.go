package goemit

import (
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/output"
)

// Emit is a placeholder until this emitter is written.
func Emit(m *model.Model) (output.Files, error) {
	return output.Files{}, nil
}
