// The article's mentions as the API returns them: {id, start, end, quote, entityType, entityId, entityName, version}.

export class MentionStore {
  constructor() {
    this.byId = new Map();
  }

  reset(mentions) {
    this.byId = new Map(mentions.map((m) => [m.id, m]));
  }

  put(mention) {
    this.byId.set(mention.id, mention);
  }

  remove(id) {
    this.byId.delete(id);
  }

  get(id) {
    return this.byId.get(id) ?? null;
  }

  /** All mentions in reading order: by start, longer spans first, then id. */
  all() {
    return [...this.byId.values()].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  }

  /** Mentions overlapping [start, end). */
  overlapping(start, end) {
    return this.all().filter((m) => m.start < end && m.end > start);
  }

  /** Mentions grouped by the record they point to, actors first, then incidents, then claims. */
  groups() {
    const order = { actor: 0, incident: 1, claim: 2 };
    const groups = new Map();
    for (const m of this.all()) {
      const key = `${m.entityType}:${m.entityId}`;
      if (!groups.has(key)) groups.set(key, { type: m.entityType, id: m.entityId, name: m.entityName, mentions: [] });
      groups.get(key).mentions.push(m);
    }
    return [...groups.values()].sort((a, b) => order[a.type] - order[b.type] || a.mentions[0].start - b.mentions[0].start);
  }
}

export const recordUrl = (type, id) => `/${type}s/${id}`;
