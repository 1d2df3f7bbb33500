import type { SuggestionsResponse } from '../../../shared/suggestions/api';
import { boardPath, call } from '../../api/serverApi';

/** The server's suggested themes and near-duplicate pairs for the board's cards not in a theme yet. */
export const fetchSuggestions = (boardId: string, token: string) => call<SuggestionsResponse>('GET', `${boardPath(boardId)}/suggestions`, { token });
