import { describe, expect, it } from 'vitest';
import { Admission } from './Admission.js';

const settings = { maxConnections: 1000, maxConnectionsPerBoard: 1000, maxConnectionsPerAddress: 1000, admitPerSecond: 0 };

/** Opens `count` sessions of a board from an address; the releases of those admitted. */
function open(admission: Admission, count: number, boardId: string, address: string): Array<() => void> {
  return Array.from({ length: count }, () => admission.admit(boardId, address)).filter((release) => release !== null);
}

describe('admission of WebSocket sessions', () => {
  it('keeps the last tenth of the slots for boards and addresses that hold few', () => {
    const admission = new Admission(settings);
    expect(open(admission, 1000, 'big', '192.0.2.1')).toHaveLength(900);
    // A board holding many, even from a fresh address, waits; so does an address holding many, on a fresh board.
    expect(admission.admit('big', '192.0.2.2')).toBeNull();
    expect(admission.admit('small', '192.0.2.1')).toBeNull();
    // Others get in, each up to a hundredth of the cap, until the server is full.
    expect(open(admission, 20, 'small', '192.0.2.3')).toHaveLength(10);
    expect(open(admission, 200, 'a', '192.0.2.4').length + open(admission, 200, 'b', '192.0.2.5').length).toBe(20);
  });

  it('caps each board and each address, and gives a slot back once released', () => {
    const admission = new Admission({ ...settings, maxConnectionsPerBoard: 30, maxConnectionsPerAddress: 20 });
    const fromOne = open(admission, 50, 'x', '192.0.2.1');
    expect(fromOne).toHaveLength(20);
    expect(open(admission, 50, 'x', '192.0.2.2')).toHaveLength(10);
    expect(admission.admit('y', '192.0.2.1')).toBeNull();
    fromOne[0]();
    fromOne[0]();
    expect(admission.admit('y', '192.0.2.1')).not.toBeNull();
    expect(admission.held).toBe(30);
  });

  it('leaves half the admission rate to others while one address opens and closes sessions as fast as it can', () => {
    let now = 0;
    const admission = new Admission({ ...settings, admitPerSecond: 100 }, () => now);
    let churned = 0;
    for (let i = 0; i < 1000; i++) {
      now += 1;
      const release = admission.admit('churn', '192.0.2.66');
      if (release) churned++;
      release?.();
    }
    // One second: the churner's half of the burst and of what flowed back.
    expect(churned).toBeLessThanOrEqual(100);
    const honest = Array.from({ length: 40 }, (_, i) => admission.admit(`board-${i % 4}`, `198.51.100.${i}`));
    expect(honest.every((release) => release !== null)).toBe(true);
  });
});
