/** A few Prometheus metrics, written out by hand: the text format is simple and a client library is not needed. */
class Counter {
  value = 0;
  inc(by = 1): void {
    this.value += by;
  }
}

class Histogram {
  private readonly counts: number[];
  sum = 0;
  count = 0;
  constructor(readonly buckets: number[]) {
    this.counts = buckets.map(() => 0);
  }
  observe(value: number): void {
    this.sum += value;
    this.count++;
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]) this.counts[i]++;
  }
  lines(name: string): string[] {
    const out = this.buckets.map((b, i) => `${name}_bucket{le="${b}"} ${this.counts[i]}`);
    out.push(`${name}_bucket{le="+Inf"} ${this.count}`, `${name}_sum ${this.sum}`, `${name}_count ${this.count}`);
    return out;
  }
}

export class Metrics {
  readonly updatesApplied = new Counter();
  readonly updatesRefused = new Counter();
  readonly bytesIn = new Counter();
  readonly bytesOut = new Counter();
  readonly connectionsRefused = new Counter();
  readonly docsLoaded = new Counter();
  readonly changesUndone = new Counter();
  readonly syncAnswersEncoded = new Counter();
  readonly storageFailures = new Counter();
  readonly suggestionEnginesLost = new Counter();
  readonly suggestionsComputed = new Counter();
  readonly appendSeconds = new Histogram([0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05]);

  constructor(
    private readonly gauges: {
      rooms: () => number;
      connections: () => number;
      /** Connections piped to the instance owning their board, and boards this instance owns (see scale/BoardOwners). */
      relayed?: () => number;
      owned?: () => number;
    },
  ) {}

  render(): string {
    const simple: Array<[name: string, type: 'gauge' | 'counter', help: string, value: number]> = [
      ['rooms_loaded', 'gauge', 'Board rooms held in memory.', this.gauges.rooms()],
      ['connections', 'gauge', 'Open WebSocket connections.', this.gauges.connections()],
      ['connections_relayed', 'gauge', 'Open WebSocket connections relayed to the instance owning their board.', this.gauges.relayed?.() ?? 0],
      ['boards_owned', 'gauge', 'Boards whose clients this instance serves, holding their leases.', this.gauges.owned?.() ?? 0],
      ['updates_applied_total', 'counter', 'Client updates accepted, stored and broadcast.', this.updatesApplied.value],
      ['updates_refused_total', 'counter', 'Client updates refused by policy or as malformed.', this.updatesRefused.value],
      ['connections_refused_total', 'counter', 'WebSocket connections closed at the door.', this.connectionsRefused.value],
      ['docs_loaded_total', 'counter', 'Documents read from storage into memory (rooms loading).', this.docsLoaded.value],
      ['changes_undone_total', 'counter', 'Refused or failed changes undone in memory, without reading storage.', this.changesUndone.value],
      ['sync_answers_encoded_total', 'counter', 'Sync step 2 answers encoded; the others were served from the per-version cache.', this.syncAnswersEncoded.value],
      ['storage_failures_total', 'counter', 'Appends and compactions the database could not write.', this.storageFailures.value],
      ['suggestion_engines_lost_total', 'counter', 'Suggestion engine threads that crashed or were ended past their deadline.', this.suggestionEnginesLost.value],
      ['suggestion_computations_total', 'counter', 'Suggestion computations the engine started (answers shared between requests are not counted).', this.suggestionsComputed.value],
      ['ws_bytes_in_total', 'counter', 'Bytes received on WebSockets.', this.bytesIn.value],
      ['ws_bytes_out_total', 'counter', 'Bytes sent on WebSockets.', this.bytesOut.value],
    ];
    const lines = simple.flatMap(([name, type, help, value]) => [
      `# HELP forumboard_${name} ${help}`,
      `# TYPE forumboard_${name} ${type}`,
      `forumboard_${name} ${value}`,
    ]);
    const append = 'forumboard_persistence_append_seconds';
    lines.push(`# HELP ${append} Time to append one update durably.`, `# TYPE ${append} histogram`, ...this.appendSeconds.lines(append));
    return lines.join('\n') + '\n';
  }
}
