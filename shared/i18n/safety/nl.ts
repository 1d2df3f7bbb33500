import type { SafetyMessages } from './en.js';

export const nl: SafetyMessages = {
  'safety.unreadable':
    'Deze tekst bevat opmaak die de editor niet kent. Daarom wordt hij als platte tekst getoond en kun je hem hier niet bewerken.',
  'safety.refusedAgain':
    'De server heeft opnieuw een wijziging uit deze browser geweigerd. Over {seconds} seconden maakt hij weer verbinding, zonder die wijziging; wat al was opgeslagen blijft bewaard.',
  'safety.refusedStopped':
    'De server blijft een wijziging uit deze browser weigeren. Daarom wordt die niet meer verstuurd en is de verbinding verbroken. Wat al was opgeslagen blijft bewaard.',
  'safety.reconnect': 'Opnieuw verbinden',
};
