import { useEffect, useState } from 'react';
import type { ExportedList } from '../../shared/export/json';
import { fetchExport } from '../api/serverApi';

export type ReportList = { state: 'loading' } | { state: 'ready'; list: ExportedList } | { state: 'failed'; error: unknown };

/**
 * The priority list as the JSON export has it: a frozen version exactly as it was stored, with its decision record,
 * or else the latest results marked "not agreed". `revision` changes when a round is revealed, a version frozen or a delegate signs, to fetch again.
 */
export function useReportList(boardId: string, token: string, revision: string): ReportList {
  const [result, setResult] = useState<ReportList>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    fetchExport(boardId, token, 'json')
      .then(async ({ blob }) => JSON.parse(await blob.text()) as ExportedList)
      .then(
        (list) => live && setResult({ state: 'ready', list }),
        (error: unknown) => live && setResult({ state: 'failed', error }),
      );
    return () => {
      live = false;
    };
  }, [boardId, token, revision]);
  return result;
}
