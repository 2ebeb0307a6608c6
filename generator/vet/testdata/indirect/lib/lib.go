// Package lib hands out generated values to packages that do not import scope.
package lib

import "example.com/app/generated/scope"

func Current() scope.Scope { return scope.Camera }
