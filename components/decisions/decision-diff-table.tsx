// The fields where the user's unsaved changes differ from the version on the server, side by
// side: used by the conflict view (a colleague saved meanwhile) and by the "signed while you
// were editing" view. Values are rendered as text.
import type { ReactNode } from 'react';
import type { DecisionFieldDiff } from '@/lib/decisions/decision-diff';

export function DecisionDiffTable(props: {
  diffs: DecisionFieldDiff[];
  caption: string;
  testId: string;
  /** Header of the server's column ("Their saved version …", "Signed version 2"). */
  serverHeading: ReactNode;
  /** data-testid of the server's cells. */
  serverCellTestId: string;
  /** Let the user select their own text at once (to copy it before it is discarded). */
  selectMine?: boolean;
}) {
  return (
    <table className="w-full table-fixed border-collapse text-sm" data-testid={props.testId}>
      <caption className="sr-only">{props.caption}</caption>
      <thead>
        <tr className="text-left">
          <th scope="col" className="w-40 border-b border-amber-300 p-2">Field</th>
          <th scope="col" className="border-b border-amber-300 p-2">{props.serverHeading}</th>
          <th scope="col" className="border-b border-amber-300 p-2">Your unsaved changes</th>
        </tr>
      </thead>
      <tbody>
        {props.diffs.map((d) => (
          <tr key={d.field} data-testid="decision-conflict-field" data-field={d.field} className="align-top">
            <th scope="row" className="border-b border-amber-200 p-2 text-left font-medium">
              {d.label}
            </th>
            <td className="whitespace-pre-wrap border-b border-amber-200 p-2" data-testid={props.serverCellTestId}>
              {d.theirs}
            </td>
            <td className={`whitespace-pre-wrap border-b border-amber-200 p-2${props.selectMine ? ' select-all' : ''}`} data-testid="mine">
              {d.mine}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
