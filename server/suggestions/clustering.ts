/**
 * Agglomerative clustering with average linkage: start with every card alone and keep joining the two groups
 * whose cards are most alike on average, until no two groups are alike enough (`threshold`). A card that is
 * like nothing stays alone, rather than being forced into the nearest group. Ties go to the lower index, so
 * the same board always gives the same groups.
 *
 * `similarity` (n × n) is overwritten with the groups' average similarities as they join (Lance–Williams).
 * Each group keeps its most similar neighbour; after a join only rows whose neighbour was one of the joined
 * groups are looked through again, which keeps 2,000 cards well under a second,
 * identical ones too.
 */
export function averageLinkage(similarity: Float32Array, n: number, threshold: number): number[][] {
  const sim = similarity;
  const size = new Int32Array(n).fill(1);
  // Members as linked lists: `next[i]` is the card after i in its group, -1 at the end; `last` the tail.
  const next = new Int32Array(n).fill(-1);
  const last = Int32Array.from({ length: n }, (_, i) => i);
  const alive = new Uint8Array(n).fill(1);
  const best = new Int32Array(n).fill(-1);
  const bestSim = new Float32Array(n).fill(-Infinity);

  const refresh = (i: number) => {
    let b = -1;
    let s = -Infinity;
    const row = i * n;
    for (let j = 0; j < n; j++) {
      if (j === i || !alive[j]) continue;
      const v = sim[row + j];
      if (v > s) {
        s = v;
        b = j;
      }
    }
    best[i] = b;
    bestSim[i] = s;
  };
  for (let i = 0; i < n; i++) refresh(i);

  for (;;) {
    let a = -1;
    let top = -Infinity;
    for (let i = 0; i < n; i++) {
      if (alive[i] && best[i] >= 0 && bestSim[i] > top) {
        top = bestSim[i];
        a = i;
      }
    }
    if (a < 0 || top < threshold) break;
    let b = best[a];
    // The lower index keeps the joined group, so its first card stays its first card.
    if (b < a) [a, b] = [b, a];
    const sizeA = size[a];
    const sizeB = size[b];
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === a || k === b) continue;
      const joined = (sizeA * sim[a * n + k] + sizeB * sim[b * n + k]) / (sizeA + sizeB);
      sim[a * n + k] = joined;
      sim[k * n + a] = joined;
    }
    next[last[a]] = b;
    last[a] = last[b];
    size[a] = sizeA + sizeB;
    alive[b] = 0;
    refresh(a);
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === a) continue;
      // A row that had one of the joined groups as its best keeps the joined group when the average is no
      // lower: the rest of its row did not change. Only a lower average makes it look through the row again,
      // so 2,000 identical cards cost n² and not n³.
      if (best[k] === a || best[k] === b) {
        if (sim[k * n + a] >= bestSim[k]) {
          best[k] = a;
          bestSim[k] = sim[k * n + a];
        } else refresh(k);
      } else if (sim[k * n + a] > bestSim[k]) {
        best[k] = a;
        bestSim[k] = sim[k * n + a];
      }
    }
  }
  const groups: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (!alive[i]) continue;
    const group: number[] = [];
    for (let m = i; m >= 0; m = next[m]) group.push(m);
    groups.push(group.sort((x, y) => x - y));
  }
  return groups;
}
