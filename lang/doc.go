// Package lang is the one text layer of crosscheck: folding (quotes, dashes,
// diacritics, dotted acronyms), tokenizing, stemming, stop words and month
// names. corpus, retrieval and answer all match words through it, so a word
// indexed one way is never looked up another.
//
// It holds no corpus knowledge and does no I/O.
package lang
