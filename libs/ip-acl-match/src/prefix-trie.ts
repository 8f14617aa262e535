/**
 * A path-compressed binary trie (radix tree) over up to 128 address bits held as four unsigned
 * 32-bit words, for longest-prefix match without BigInt. Every node other than the root holds
 * values or has two children, so the tree has fewer than 2n nodes and a lookup visits at most
 * one node per distinct branching or nested range on its path.
 *
 * Words are int32 everywhere: every producer (parsers, masks) yields `| 0` values, so `!==` on
 * words is bit-pattern equality.
 */

/** Four big-endian 32-bit words as signed int32 bit patterns (so V8 keeps them as small integers). */
export interface Words {
  readonly w0: number;
  readonly w1: number;
  readonly w2: number;
  readonly w3: number;
}

class TrieNode<T> implements Words {
  zero: TrieNode<T> | null = null;
  one: TrieNode<T> | null = null;
  /** Values of this exact range in insertion order; the first answers lookups. */
  values: T[] | null = null;

  constructor(
    readonly w0: number,
    readonly w1: number,
    readonly w2: number,
    readonly w3: number,
    readonly length: number,
  ) {}
}

function maskWord(word: number, index: number, length: number): number {
  const bits = length - 32 * index;
  if (bits <= 0) return 0;
  if (bits >= 32) return word | 0;
  return word & (-1 << (32 - bits));
}

function nodeFor<T>(key: Words, length: number): TrieNode<T> {
  return new TrieNode<T>(maskWord(key.w0, 0, length), maskWord(key.w1, 1, length), maskWord(key.w2, 2, length), maskWord(key.w3, 3, length), length);
}

function bitAt(key: Words, index: number): number {
  const word = index < 32 ? key.w0 : index < 64 ? key.w1 : index < 96 ? key.w2 : key.w3;
  return (word >>> (31 - (index & 31))) & 1;
}

/** Whether `key` lies in the node's range (its first `length` bits equal the node's). */
function covers(node: TrieNode<unknown>, key: Words): boolean {
  const length = node.length;
  if (length === 0) return true;
  if (length < 32) return (node.w0 ^ key.w0) >>> (32 - length) === 0;
  if (node.w0 !== key.w0) return false;
  if (length === 32) return true;
  if (length < 64) return (node.w1 ^ key.w1) >>> (64 - length) === 0;
  if (node.w1 !== key.w1) return false;
  if (length === 64) return true;
  if (length < 96) return (node.w2 ^ key.w2) >>> (96 - length) === 0;
  if (node.w2 !== key.w2) return false;
  if (length === 96) return true;
  if (length < 128) return (node.w3 ^ key.w3) >>> (128 - length) === 0;
  return node.w3 === key.w3;
}

function commonPrefixLength(a: Words, b: Words): number {
  let x = a.w0 ^ b.w0;
  if (x !== 0) return Math.clz32(x);
  x = a.w1 ^ b.w1;
  if (x !== 0) return 32 + Math.clz32(x);
  x = a.w2 ^ b.w2;
  if (x !== 0) return 64 + Math.clz32(x);
  x = a.w3 ^ b.w3;
  return x !== 0 ? 96 + Math.clz32(x) : 128;
}

function setChild<T>(parent: TrieNode<T>, bit: number, child: TrieNode<T> | null): void {
  if (bit === 0) parent.zero = child;
  else parent.one = child;
}

/** Longest-prefix-match table of ranges (key, length) to values, `maxBits` 32 (IPv4) or 128 (IPv6). */
export class PrefixTrie<T> {
  private readonly root = new TrieNode<T>(0, 0, 0, 0, 0);
  private ranges = 0;

  constructor(private readonly maxBits: 32 | 128) {}

  /** Number of ranges holding at least one value. */
  get size(): number {
    return this.ranges;
  }

  /** The first value of the longest range containing `address`. */
  lookup(address: Words): T | undefined {
    const maxBits = this.maxBits;
    let best: T | undefined;
    let node: TrieNode<T> | null = this.root;
    while (node !== null && covers(node, address)) {
      if (node.values !== null) best = node.values[0];
      if (node.length === maxBits) break;
      node = bitAt(address, node.length) === 0 ? node.zero : node.one;
    }
    return best;
  }

  /** Adds `value` to the range; false when the range already held that value. */
  add(key: Words, length: number, value: T): boolean {
    let node = this.root;
    for (;;) {
      if (node.length === length) return this.attach(node, value);
      const bit = bitAt(key, node.length);
      const child: TrieNode<T> | null = bit === 0 ? node.zero : node.one;
      if (child === null) {
        const leaf = nodeFor<T>(key, length);
        setChild(node, bit, leaf);
        return this.attach(leaf, value);
      }
      const common = Math.min(commonPrefixLength(key, child), length, child.length);
      if (common === child.length) {
        node = child;
        continue;
      }
      const fork = nodeFor<T>(key, common);
      setChild(fork, bitAt(child, common), child);
      setChild(node, bit, fork);
      if (common === length) return this.attach(fork, value);
      const leaf = nodeFor<T>(key, length);
      setChild(fork, bitAt(key, common), leaf);
      return this.attach(leaf, value);
    }
  }

  /** Removes `value` from the range, or every value when `value` is undefined; false when nothing was removed. */
  remove(key: Words, length: number, value?: T): boolean {
    const path: TrieNode<T>[] = [];
    let node: TrieNode<T> | null = this.root;
    while (node !== null && node.length < length && covers(node, key)) {
      path.push(node);
      node = bitAt(key, node.length) === 0 ? node.zero : node.one;
    }
    if (node === null || node.length !== length || !covers(node, key) || node.values === null) return false;
    if (value === undefined) {
      node.values = null;
    } else {
      const index = node.values.indexOf(value);
      if (index < 0) return false;
      node.values.splice(index, 1);
      if (node.values.length > 0) return true;
      node.values = null;
    }
    this.ranges--;
    this.prune(node, path);
    return true;
  }

  /** Removes every range. */
  clear(): void {
    this.root.zero = this.root.one = this.root.values = null;
    this.ranges = 0;
  }

  private attach(node: TrieNode<T>, value: T): boolean {
    if (node.values === null) {
      node.values = [value];
      this.ranges++;
      return true;
    }
    if (node.values.includes(value)) return false;
    node.values.push(value);
    return true;
  }

  /** Splices out valueless nodes left with fewer than two children, keeping the tree compressed. */
  private prune(emptied: TrieNode<T>, path: TrieNode<T>[]): void {
    let current = emptied;
    while (path.length > 0 && current.values === null) {
      if (current.zero !== null && current.one !== null) return;
      const parent = path.pop()!;
      const only = current.zero ?? current.one;
      if (parent.zero === current) parent.zero = only;
      else parent.one = only;
      current = parent;
    }
  }
}
