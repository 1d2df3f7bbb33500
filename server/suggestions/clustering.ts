/**
 * Agglomerative clustering with average linkage: start with every card alone and keep joining the two groups
 * whose cards are most alike on average, until no two groups are alike enough (`threshold`). A card that is
 * like nothing stays alone, rather than being forced into the nearest group. Ties go to the lower index, so
 * the same board always gives the same groups.
 *
 * Each group keeps its most similar neighbour; after a join only rows whose neighbour was one of the joined
 * groups are looked through again, which keeps 2,000 cards well under a second.
 */
export function averageLinkage(similarity: Float32Array, n: number, threshold: number, maxSize = Infinity): number[][] {
  // Average similarity between groups, updated in place (Lance–Williams); row i is group i while it is alive.
  const sim = Float64Array.from(similarity);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const alive = new Uint8Array(n).fill(1);
  const best = new Int32Array(n).fill(-1);
  const bestSim = new Float64Array(n).fill(-Infinity);

  const refresh = (i: number) => {
    let b = -1;
    let s = -Infinity;
    for (let j = 0; j < n; j++) {
      if (j === i || !alive[j] || members[i].length + members[j].length > maxSize) continue;
      const v = sim[i * n + j];
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
    const b = best[a];
    const sizeA = members[a].length;
    const sizeB = members[b].length;
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === a || k === b) continue;
      const joined = (sizeA * sim[a * n + k] + sizeB * sim[b * n + k]) / (sizeA + sizeB);
      sim[a * n + k] = joined;
      sim[k * n + a] = joined;
    }
    members[a] = [...members[a], ...members[b]].sort((x, y) => x - y);
    members[b] = [];
    alive[b] = 0;
    refresh(a);
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === a) continue;
      if (best[k] === a || best[k] === b) refresh(k);
      else if (sim[k * n + a] > bestSim[k] && members[k].length + members[a].length <= maxSize) {
        best[k] = a;
        bestSim[k] = sim[k * n + a];
      }
    }
  }
  return members.filter((group, i) => alive[i] && group.length > 0).sort((x, y) => x[0] - y[0]);
}
