interface FiguresTableProps {
  /** The first row: column names. */
  headers: string[];
  /** Already formatted cells; each row's first cell is its header (a month, a stage, a source). */
  rows: string[][];
  caption?: string;
}

/** A small table of figures: names down the left, numbers right-aligned beside them. */
export function FiguresTable({ headers, rows, caption }: FiguresTableProps) {
  return (
    <table className={caption ? 'import-table figures-table' : 'import-table'}>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {headers.map((header, index) => (
            <th key={header} scope="col" className={index > 0 ? 'numeric' : undefined}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([first, ...rest], index) => (
          <tr key={index}>
            <th scope="row">{first}</th>
            {rest.map((cell, column) => (
              <td key={column} className="numeric">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
