import type { SessionMessages } from './en.js';

export const sv: SessionMessages = {
};
