package jp.joren.imports;

/** Something wrong with one cell or row: the report lists each with its line so the owner can fix the file. */
record ImportProblem(long line, String field, String message, String value) {
}
