// Reads the committed training CSVs (models/data/*.csv): comma-separated, one header line,
// no quoted fields (the export script writes them that way), "NA" for a missing value.

export type CsvTable = { header: string[]; rows: Record<string, string>[] };

export function parseCsv(text: string): CsvTable {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const headerLine = lines.shift();
  if (headerLine === undefined) throw new Error('CSV is empty');
  if (text.includes('"')) throw new Error('CSV has quoted fields; models/data files are written without quotes');
  const header = headerLine.split(',');
  const rows = lines.map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== header.length) throw new Error(`CSV line ${i + 2}: ${cells.length} fields, header has ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, cells[j]!]));
  });
  return { header, rows };
}

/** A numeric cell; NaN for "NA". Throws on anything else that is not a number. */
export function numberCell(row: Record<string, string>, column: string): number {
  const cell = row[column];
  if (cell === undefined) throw new Error(`no column "${column}"`);
  if (cell === 'NA') return Number.NaN;
  const value = Number(cell);
  if (cell.trim() === '' || !Number.isFinite(value)) throw new Error(`column "${column}": "${cell}" is not a number`);
  return value;
}
