// Package parser is the first stage of the pipeline: it finds the input
// files, detects each one's format, hands them to the format's parser
// (openapi, zstack, qingcloud) and merges the results into one *ir.API.
// Emitters only ever see that IR.
package parser
