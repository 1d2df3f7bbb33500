import type { ResultsMessages } from './en.js';

export const sv: ResultsMessages = {
};
