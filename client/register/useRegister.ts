import { useCallback } from 'react';
import type { RegisterView } from '../../shared/register';
import { fetchRegister } from '../api/serverApi';
import { usePolledRead } from '../app/usePolledRead';

/** Owners update from elsewhere: a page left open reads the register again this often while it is visible. */
const REFRESH_MS = 20_000;

/** The register as the server shows it to this token's holder. */
export function useRegister(boardId: string, token: string) {
  return usePolledRead<RegisterView>(useCallback(() => fetchRegister(boardId, token), [boardId, token]), REFRESH_MS);
}
