import type { SessionMessages } from './en.js';

export const nl: SessionMessages = {
};
