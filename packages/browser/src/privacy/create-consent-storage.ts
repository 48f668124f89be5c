import type { StateStorage } from '../identity/state-storage';

/** A {@link StateStorage} that writes nothing durable until consent is granted. */
export interface ConsentStorage extends StateStorage {
  /** Writes what was kept in memory while consent was pending to the durable storage. */
  commit(): void;
}

/**
 * Keeps the id and session values in memory while `granted()` is false, and in `durable` once it
 * is true, so a user who has not decided yet gets no cookie, and one who agrees keeps the ids
 * the held events already carry.
 */
export function createConsentStorage(
  durable: StateStorage,
  granted: () => boolean,
): ConsentStorage {
  const memory = new Map<string, [value: string, expiresAt: number]>();
  const fresh = (name: string) => {
    const entry = memory.get(name);
    return entry && entry[1] > Date.now() ? entry : undefined;
  };
  return {
    get: (name) => (granted() ? undefined : fresh(name)?.[0]) ?? durable.get(name),
    set(name, value, maxAgeSeconds) {
      if (granted()) durable.set(name, value, maxAgeSeconds);
      else memory.set(name, [value, Date.now() + maxAgeSeconds * 1000]);
    },
    remove(name) {
      memory.delete(name);
      durable.remove(name);
    },
    commit() {
      for (const [name] of memory) {
        const entry = fresh(name);
        if (entry) durable.set(name, entry[0], Math.round((entry[1] - Date.now()) / 1000));
      }
      memory.clear();
    },
  };
}
