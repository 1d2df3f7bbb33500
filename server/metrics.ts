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
  readonly appendSeconds = new Histogram([0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05]);

  constructor(private readonly gauges: { rooms: () => number; connections: () => number }) {}

  render(): string {
    const lines = [
      '# HELP forumboard_rooms_loaded Board rooms held in memory.',
      '# TYPE forumboard_rooms_loaded gauge',
      `forumboard_rooms_loaded ${this.gauges.rooms()}`,
      '# HELP forumboard_connections Open WebSocket connections.',
      '# TYPE forumboard_connections gauge',
      `forumboard_connections ${this.gauges.connections()}`,
      '# HELP forumboard_updates_applied_total Client updates accepted, stored and broadcast.',
      '# TYPE forumboard_updates_applied_total counter',
      `forumboard_updates_applied_total ${this.updatesApplied.value}`,
      '# HELP forumboard_updates_refused_total Client updates refused by policy or as malformed.',
      '# TYPE forumboard_updates_refused_total counter',
      `forumboard_updates_refused_total ${this.updatesRefused.value}`,
      '# HELP forumboard_connections_refused_total WebSocket connections closed at the door.',
      '# TYPE forumboard_connections_refused_total counter',
      `forumboard_connections_refused_total ${this.connectionsRefused.value}`,
      '# HELP forumboard_ws_bytes_in_total Bytes received on WebSockets.',
      '# TYPE forumboard_ws_bytes_in_total counter',
      `forumboard_ws_bytes_in_total ${this.bytesIn.value}`,
      '# HELP forumboard_ws_bytes_out_total Bytes sent on WebSockets.',
      '# TYPE forumboard_ws_bytes_out_total counter',
      `forumboard_ws_bytes_out_total ${this.bytesOut.value}`,
      '# HELP forumboard_persistence_append_seconds Time to append one update durably.',
      '# TYPE forumboard_persistence_append_seconds histogram',
      ...this.appendSeconds.lines('forumboard_persistence_append_seconds'),
    ];
    return lines.join('\n') + '\n';
  }
}
