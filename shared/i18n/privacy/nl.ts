import type { PrivacyMessages } from './en.js';

export const nl: PrivacyMessages = {
  'perPerson.heading': 'Stippen per persoon',
  'perPerson.caption': 'Stippen die elke persoon gaf, per punt',
  'perPerson.hint': 'Deze ronde was op naam: deze tabel is alleen voor facilitators. Deelnemers, waarnemers en downloads zien alleen de cijfers per groep.',
  'perPerson.person': 'Persoon',
  'perPerson.unknown': 'Vertrokken deelnemer',
  'results.onlyTotals': 'Te weinig stemmers om een groep apart te tonen zonder de stippen van een kleine groep te verraden: dit zijn de cijfers van iedereen samen.',
  'results.runoffVotersDiffer': 'De stemmers van deze tweede ronde zijn niet die van ronde {number}: naast elkaar gelegd kunnen de cijfers van beide rondes verraden hoe iemand stemde.',
  'settings.strictAnonymity':
    'Strikte anonimiteit (zodra de eerste stemronde open is, stemt wie daarna binnenkomt pas als een facilitator hem toelaat, zodat niemand verzonnen personen aan een kleine groep kan toevoegen)',
  'waiting.heading': 'Wachten op de facilitator',
  'waiting.body':
    'Het stemmen is begonnen en deze workshop is strikt anoniem: de facilitator laat iedereen die nu binnenkomt eerst toe voordat die kan stemmen. Je kunt het bord intussen volgen; je stembiljet verschijnt hier zodra je bent toegelaten.',
  'waitingList.heading': 'Wachten om te stemmen',
  'waitingList.count': '{count} wachten om te stemmen',
  'waitingList.hint': 'Zij kwamen binnen nadat de eerste stemronde openging. Alleen wie je toelaat kan stemmen; in een ronde die al open is tellen ze niet mee voor de drempel van een groep.',
  'waitingList.admit': 'Laten stemmen',
  'waitingList.admitLabel': '{name} laten stemmen',
  'waitingList.turnAway': 'Weigeren',
  'waitingList.turnAwayLabel': '{name} weigeren',
  'waitingList.admitted': '{name} kan nu stemmen.',
  'waitingList.turnedAway': '{name} is geweigerd.',
  'waitingList.failed': 'Dat lukte niet. Probeer het opnieuw.',
  'refusal.waiting-for-facilitator': 'De facilitator heeft je nog niet laten stemmen. Je stembiljet opent zodra dat gebeurt.',
  'refusal.not-waiting': 'Deze persoon wacht niet meer: iemand heeft hem al toegelaten of geweigerd.',
};
