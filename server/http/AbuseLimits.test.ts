import { describe, expect, it } from 'vitest';
import { AbuseLimits, neighbourhood } from './AbuseLimits.js';
import { HttpError } from './HttpError.js';

const DEFAULTS = { failedAttemptsBurst: 30, failedAttemptsPerMinute: 5, boardsPerHour: 30, joinsPerAddress: 300 };
const VENUE = '192.0.2.10';
const RIGHT = 'K7P2QX';

/** A lookup as the route makes it: refused while throttled, else checked; a wrong code spends budget. */
async function lookUp(limits: AbuseLimits, address: string, code: string): Promise<'joined' | 'wrong' | 'throttled'> {
  try {
    limits.refuseWhileBlocked(address, code);
  } catch (refusal) {
    if (refusal instanceof HttpError && refusal.status === 429) return 'throttled';
    throw refusal;
  }
  if (code !== RIGHT) return (await limits.countFailure(address)) ? 'throttled' : 'wrong';
  limits.rememberCode(address, code);
  return 'joined';
}

const wrong = (i: number) => `ZZ${String(i).padStart(4, '0')}`;

describe('a venue behind one address', () => {
  it('lets 60 people join within two minutes though 30 of them mistype the code once', async () => {
    let now = 0;
    const limits = new AbuseLimits(DEFAULTS, () => now);
    const results: string[] = [];
    for (let person = 0; person < 60; person++) {
      now = person * 2000;
      if (person % 2 === 1) results.push(await lookUp(limits, VENUE, wrong(person)));
      results.push(await lookUp(limits, VENUE, RIGHT));
    }
    expect(results.filter((r) => r === 'joined')).toHaveLength(60);
    expect(results.filter((r) => r === 'wrong')).toHaveLength(30);
    expect(now).toBeLessThanOrEqual(120_000);
  });

  it('gives a guesser on the venue Wi-Fi five guesses a minute once the burst is spent, while the room keeps joining', async () => {
    let now = 0;
    const limits = new AbuseLimits(DEFAULTS, () => now);
    // The facilitator's laptop fetched the board (and its code) from the venue's network before the doors opened.
    limits.rememberCode(VENUE, RIGHT);
    const guesses: string[] = [];
    const joins: string[] = [];
    // Ten minutes: the guesser asks ten times a second, and a person joins every two seconds for the first two.
    for (let tick = 0; tick < 6000; tick++) {
      now = tick * 100;
      guesses.push(await lookUp(limits, VENUE, wrong(tick)));
      if (tick % 20 === 0 && tick < 1200) joins.push(await lookUp(limits, VENUE, RIGHT));
    }
    const checked = guesses.filter((g) => g === 'wrong').length;
    expect(checked).toBeLessThanOrEqual(30 + 5 * 10);
    expect(checked).toBeGreaterThanOrEqual(30 + 5 * 9);
    expect(joins).toEqual(Array(60).fill('joined'));
    // Only a code known there passes: another right-looking code is answered unseen.
    expect(await lookUp(limits, VENUE, 'A1B2C3')).toBe('throttled');
  });

  it('lets one address join one board a venue-sized number of times per hour, unless its facilitator raised it', () => {
    let now = 0;
    const limits = new AbuseLimits({ ...DEFAULTS, joinsPerAddress: 3 }, () => now);
    const joins = () => Array.from({ length: 5 }, () => { try { limits.takeJoin(VENUE, 'b1'); return 201; } catch (e) { return (e as HttpError).status; } });
    expect(joins()).toEqual([201, 201, 201, 429, 429]);
    // Another board and another address have their own.
    expect(() => limits.takeJoin(VENUE, 'b2')).not.toThrow();
    expect(() => limits.takeJoin('192.0.2.11', 'b1')).not.toThrow();
    // A join that failed further on gives its place back.
    const taken = [limits.takeJoin('192.0.2.12', 'b1'), limits.takeJoin('192.0.2.12', 'b1'), limits.takeJoin('192.0.2.12', 'b1')];
    taken[2].giveBack();
    expect(() => limits.takeJoin('192.0.2.12', 'b1')).not.toThrow();
    expect(limits.raiseJoins('b1', 5)).toBe(5);
    expect(joins()).toEqual([201, 201, 201, 201, 201]);
    now = 20 * 60_000;
    expect(joins().filter((status) => status === 201)).toHaveLength(1);
    // Never below the server's default.
    expect(limits.raiseJoins('b1', 1)).toBe(3);
  });

  it('works through the joins of one address one at a time, a failed one too, and another address beside them', async () => {
    const limits = new AbuseLimits(DEFAULTS);
    const order: string[] = [];
    const join = (name: string, fails = false) => async () => {
      order.push(`${name} starts`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      order.push(`${name} ends`);
      if (fails) throw new Error(name);
      return name;
    };
    const first = limits.inTurn(VENUE, join('a', true));
    const second = limits.inTurn(VENUE, join('b'));
    const elsewhere = limits.inTurn('192.0.2.99', join('c'));
    await expect(first).rejects.toThrow('a');
    expect(await second).toBe('b');
    expect(await elsewhere).toBe('c');
    expect(order.indexOf('b starts')).toBeGreaterThan(order.indexOf('a ends'));
    expect(order.indexOf('c starts')).toBeLessThan(order.indexOf('a ends'));
  });
});

describe('a guesser who rotates addresses', () => {
  it('gets a few addresses’ guesses from one /24, while the next network and a known code are untouched', async () => {
    const limits = new AbuseLimits(DEFAULTS, () => 0);
    limits.rememberCode('198.51.100.7', RIGHT);
    const guesses = [];
    for (let i = 0; i < 1000; i++) guesses.push(await lookUp(limits, `198.51.100.${i % 250}`, wrong(i)));
    expect(guesses.filter((g) => g === 'wrong')).toHaveLength(120);
    expect(await lookUp(limits, '198.51.100.7', RIGHT)).toBe('joined');
    expect(await lookUp(limits, '198.51.101.7', wrong(1))).toBe('wrong');
  });

  it('counts IPv6 networks by their /48, so a /64 per guess buys nothing', async () => {
    expect(neighbourhood('2001:db8:7:1::/64')).toBe('2001:db8:7::/48');
    expect(neighbourhood('203.0.113.9')).toBe('203.0.113.0/24');
    const limits = new AbuseLimits(DEFAULTS, () => 0);
    const guesses = [];
    for (let i = 0; i < 500; i++) guesses.push(await lookUp(limits, `2001:db8:7:${i.toString(16)}::/64`, wrong(i)));
    expect(guesses.filter((g) => g === 'wrong')).toHaveLength(120);
  });
});
