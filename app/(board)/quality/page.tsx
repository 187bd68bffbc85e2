import { BoardQuality } from '@/components/quality/board-quality';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { readQualityReport } from '@/lib/db/quality/read-quality-report';
import { getEnv } from '@/lib/env';
import { qualityQuerySchema } from '@/lib/schemas/quality';

export const metadata = { title: 'Quality' };

/**
 * The quality dashboard: figures per board and period (definitions: docs/quality-dashboard.md).
 * The filters are a plain GET form, so the state is the URL and the CSV link carries the same query.
 */
export default async function QualityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await guardPage('/quality');
  const params = await searchParams;
  const query = qualityQuerySchema.parse({ board: params.board, from: params.from, to: params.to });
  const report = await readQualityReport({ actor, query, timeZone: getEnv().KONSIL_TIME_ZONE });
  const csvQuery = new URLSearchParams({ ...(query.board ? { board: query.board } : {}), from: report.from, to: report.to });
  const boardIds = [...new Set(report.metrics.map((m) => m.boardId))];
  return (
    <>
      <PageHeader
        title="Quality"
        description="How the boards work: time to discussion and signature, whether recommendations were implemented, guideline deviations, postponements, attendance, and agreement with model outputs."
        actions={
          <Button asChild variant="secondary">
            <a href={`/api/quality/export?${csvQuery.toString()}`} download data-testid="quality-csv">
              Download CSV
            </a>
          </Button>
        }
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Quality filters">
        <div className="space-y-1">
          <label htmlFor="quality-board" className="block text-sm font-medium text-slate-800">
            Board
          </label>
          <Select id="quality-board" name="board" defaultValue={query.board ?? ''}>
            <option value="">All boards</option>
            {report.boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="quality-from" className="block text-sm font-medium text-slate-800">
            From
          </label>
          <Input id="quality-from" type="date" name="from" defaultValue={report.from} />
        </div>
        <div className="space-y-1">
          <label htmlFor="quality-to" className="block text-sm font-medium text-slate-800">
            To
          </label>
          <Input id="quality-to" type="date" name="to" defaultValue={report.to} />
        </div>
        <Button type="submit">Show</Button>
      </form>
      {boardIds.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-600">No boards to show. Coordinators see the boards they coordinate; admins see every board.</p>
        </Card>
      ) : (
        <div className="space-y-6">
          {boardIds.map((boardId) => {
            const metrics = report.metrics.filter((m) => m.boardId === boardId);
            return (
              <Card key={boardId} title={metrics[0]!.boardName}>
                <div data-testid="board-quality" data-board-id={boardId}>
                  <BoardQuality metrics={metrics} />
                </div>
              </Card>
            );
          })}
        </div>
      )}
    </>
  );
}
