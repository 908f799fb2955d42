// Command bench compares apigen with oapi-codegen on the large real specs of
// ../shared/corpus, measuring both in the same run: wall time and peak RSS of
// each generator process, with ratios. It is what `make bench` runs.
package main
