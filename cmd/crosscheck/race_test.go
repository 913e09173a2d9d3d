//go:build race

package main

// raceEnabled says the test binary was built with -race; a binary the
// tests build is built the same way, reusing the cached packages.
const raceEnabled = true
