/**
 * A quotation (a pair of quote marks around a word or more) or a reported statement: a line that matches quotes or
 * reports someone. Cleaning keeps such a line where its shape alone would make it boilerplate (a pull quote is not
 * a caption; "The report was amended on Tuesday …, the coastguard said" is not an editor's note).
 */
export const REPORTED = /["“”][^"“”]*\p{L}[^"“”]*["“”]|\b(said|says|told|tells|according to)\b/iu;
