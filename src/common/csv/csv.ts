import { stringify, Stringifier } from 'csv-stringify';

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV Injection"): those starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** OWASP's neutralisation: such a cell gets a leading single quote, so spreadsheets show it as text. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * The service's CSV writer (every CSV output goes through it): RFC 4180 with a header line and CRLF
 * record ends; a field holding a quote, a comma, a CR or an LF is quoted, its quotes doubled
 * (csv-stringify quotes on the whole record delimiter only, so lone CR and LF are matched
 * explicitly); every string cell is passed through neutraliseFormula first.
 */
export function csvStringifier(columns: string[]): Stringifier {
  return stringify({ header: true, columns, record_delimiter: 'windows', quoted_match: /[\r\n]/, cast: { string: neutraliseFormula } });
}
