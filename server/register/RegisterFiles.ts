import { registerSheets, registerTable, registerToICalendar, registerToJson } from '../../shared/export/register.js';
import { tableToCsv } from '../../shared/export/csv.js';
import type { RegisterExportQuery } from '../../shared/register.js';
import type { ExportFile, Exports } from '../export/Exports.js';
import { fileSlug } from '../export/Exports.js';
import type { FollowThrough, RegisterAccess } from './FollowThrough.js';

/**
 * The register as files for everyone who reads it (facilitator, owners, the steering group): CSV, XLSX, JSON,
 * and its review dates as iCalendar. Each is a fresh file charged to the board's export budget (Exports).
 */
export class RegisterFiles {
  constructor(
    private readonly followThrough: Pick<FollowThrough, 'register'>,
    private readonly exports: Pick<Exports, 'takeFresh' | 'spreadsheet'>,
    private readonly now: () => number = Date.now,
  ) {}

  async file(access: RegisterAccess, { format }: RegisterExportQuery): Promise<ExportFile> {
    const { boardId } = access;
    const register = await this.followThrough.register(boardId);
    this.exports.takeFresh(boardId, format === 'xlsx');
    const exportedAt = this.now();
    const base = `${fileSlug(register.board.title)}-register-${new Date(exportedAt).toISOString().slice(0, 10)}`;
    switch (format) {
      case 'csv':
        return { body: tableToCsv(registerTable(register), register.board.language), contentType: 'text/csv; charset=utf-8; header=present', filename: `${base}.csv` };
      case 'json':
        return { body: registerToJson(register, exportedAt), contentType: 'application/json; charset=utf-8', filename: `${base}.json` };
      case 'ics':
        return { body: registerToICalendar(register, boardId, exportedAt), contentType: 'text/calendar; charset=utf-8', filename: `${base}.ics` };
      case 'xlsx':
        return {
          body: await this.exports.spreadsheet(boardId, { kind: 'sheets', title: register.board.title, created: exportedAt, sheets: registerSheets(register) }),
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          filename: `${base}.xlsx`,
        };
    }
  }
}
