/**
 * Streaming readers for the files departments upload (CSV, XLSX, JSON Lines), the XLSX template and the error
 * reports sent back to them. Every reader is pull-based ({@link cn.chengxin.ingestion.parsing.RowSource}) so that a
 * 2-million row file costs the same memory as a 10-row one, and every way a file can be wrong ends in a
 * {@link cn.chengxin.ingestion.parsing.FileProblem} with a stable code.
 *
 * <p>Cell values carry identity numbers: nothing in this package logs them or puts them in an exception
 * message, and library exceptions (whose messages may quote cell contents) are never kept as causes.
 */
package cn.chengxin.ingestion.parsing;
