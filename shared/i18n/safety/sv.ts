import type { SafetyMessages } from './en.js';

export const sv: SafetyMessages = {
  'safety.unreadable':
    'Texten innehåller formatering som redigeraren inte känner till. Den visas därför som vanlig text och kan inte redigeras här.',
  'safety.refusedAgain':
    'Servern avvisade en ändring från den här webbläsaren igen. Om {seconds} sekunder ansluter den på nytt, utan den ändringen; det som redan sparats finns kvar.',
  'safety.refusedStopped':
    'Servern avvisar hela tiden en ändring från den här webbläsaren. Därför skickas den inte längre och anslutningen är bruten. Det som redan sparats finns kvar.',
  'safety.reconnect': 'Anslut igen',
};
