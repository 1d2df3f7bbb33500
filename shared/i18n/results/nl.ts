import type { ResultsMessages } from './en.js';

export const nl: ResultsMessages = {
};
