import type { PrivacyMessages } from './en.js';

export const sv: PrivacyMessages = {
  'perPerson.heading': 'Prickar per person',
  'perPerson.caption': 'Prickar som varje person gav, per punkt',
  'perPerson.hint': 'Den här omgången var med namn: tabellen visas bara för processledare. Deltagare, observatörer och nedladdningar ser bara siffrorna per grupp.',
  'perPerson.person': 'Person',
  'perPerson.unknown': 'Deltagare som har lämnat',
  'results.onlyTotals': 'För få röstande för att visa någon grupp för sig utan att röja en liten grupps prickar: detta är allas siffror tillsammans.',
  'results.runoffVotersDiffer': 'Den här andra omgångens röstande är inte desamma som i omgång {number}: sida vid sida kan de två omgångarnas siffror röja hur någon röstade.',
  'settings.strictAnonymity':
    'Strikt anonymitet (när den första röstomgången har öppnats röstar den som ansluter först när en processledare har släppt in hen, så att ingen kan lägga till påhittade personer i en liten grupp)',
  'waiting.heading': 'Väntar på processledaren',
  'waiting.body':
    'Röstningen har börjat och workshoppen är strikt anonym: processledaren släpper in var och en som ansluter nu innan hen kan rösta. Du kan följa tavlan under tiden; din röstsedel visas här när du har släppts in.',
  'waitingList.heading': 'Väntar på att få rösta',
  'waitingList.count': '{count} väntar på att få rösta',
  'waitingList.hint': 'De anslöt efter att den första röstomgången öppnades. Bara de du släpper in kan rösta; i en omgång som redan är öppen räknas de inte mot en grupps tröskel.',
  'waitingList.admit': 'Låt rösta',
  'waitingList.admitLabel': 'Låt {name} rösta',
  'waitingList.turnAway': 'Avvisa',
  'waitingList.turnAwayLabel': 'Avvisa {name}',
  'waitingList.admitted': '{name} kan rösta nu.',
  'waitingList.turnedAway': '{name} har avvisats.',
  'waitingList.failed': 'Det gick inte. Försök igen.',
  'refusal.waiting-for-facilitator': 'Processledaren har inte släppt in dig att rösta än. Din röstsedel öppnas så snart det sker.',
  'refusal.not-waiting': 'Personen väntar inte längre: någon har redan släppt in eller avvisat hen.',
};
