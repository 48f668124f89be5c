/**
 * A double-ended queue on a growable ring buffer: push and pop at both ends in O(1) amortised,
 * where `Array.shift` would copy the whole array on every call.
 */
export class RingDeque<T> {
  private items: (T | undefined)[] = new Array(16);
  private head = 0;
  private count = 0;

  /** Number of items held. */
  get length(): number {
    return this.count;
  }

  /** Appends at the back. */
  push(item: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) & (this.items.length - 1)] = item;
    this.count++;
  }

  /** Inserts at the front. */
  unshift(item: T): void {
    if (this.count === this.items.length) this.grow();
    this.head = (this.head - 1) & (this.items.length - 1);
    this.items[this.head] = item;
    this.count++;
  }

  /** Removes and returns the front item. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.count--;
    return item;
  }

  /** The item at `index` from the front, without removing it. */
  at(index: number): T | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return this.items[(this.head + index) & (this.items.length - 1)];
  }

  /** Replaces the item at `index` from the front. */
  set(index: number, item: T): void {
    if (index < 0 || index >= this.count) return;
    this.items[(this.head + index) & (this.items.length - 1)] = item;
  }

  // Capacity stays a power of two so the index wrap is a mask, not a modulo.
  private grow(): void {
    const next: (T | undefined)[] = new Array(this.items.length * 2);
    for (let i = 0; i < this.count; i++) {
      next[i] = this.items[(this.head + i) & (this.items.length - 1)];
    }
    this.items = next;
    this.head = 0;
  }
}
