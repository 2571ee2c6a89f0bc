// Package rouge scores summaries against reference summaries exactly as the Perl ROUGE-1.5.5
// scorer prints them: ROUGE-1 to ROUGE-4, ROUGE-L (summary-level union LCS) and ROUGE-SU4, with
// recall, precision and F rounded to five decimals.
//
// Every detail of ROUGE-1.5.5 that changes a printed digit is reproduced: the input is read as
// raw bytes, one unit per line; only ASCII letters are lower-cased; every byte that is not an
// ASCII letter or digit separates tokens; -l and -b cut each summary as it is read, and ROUGE-L
// under -b keeps whole lines as ROUGE's second reading routine does; -s removes the SMART
// stopwords; -m looks a token longer than three bytes up in the WordNet 2.0 exception lists and
// otherwise applies Porter's stemmer as modified by C.-Y. Lin for ROUGE (see [Porter]); SU4
// leaves out the last token's unigram; ROUGE-L marks the union LCS with ROUGE's traceback and
// clips it by unigram counts; formula A pools the counts of all references and formula B keeps
// the reference with the best rounded recall; F is computed from the already rounded recall and
// precision.
//
// The stemmer is written here, one file per step of the algorithm, because no stemming library
// reproduces Lin's step 4 (standard Porter, Porter2/Snowball and NLTK all stem differently).
//
// A [Scorer] prepares each summary once ([Scorer.Prepare]: tokens, stems, n-gram counts) so
// that one reference can be scored against many peers cheaply; [Bootstrap.Average] averages
// per-item scores with ROUGE's bootstrap confidence interval.
package rouge
