/**
 * A trie over key sequences: the index that longest-match lookup of multi-word names walks, one token
 * key at a time. Each node may hold values (several entries can share one name).
 */
import type { Token } from "../document.js";
import { tokenKey } from "../text/keys.js";
import { WordCache } from "./word-cache.js";

export class KeyTrie<V> {
  private readonly root: TrieNode<V> = new TrieNode();
  size = 0;
  private firstWords: WordCache<boolean> | null = null;

  add(keys: readonly string[], value: V): void {
    if (!keys.length) return;
    let node = this.root;
    for (const k of keys) {
      let next = node.children.get(k);
      if (!next) node.children.set(k, (next = new TrieNode()));
      node = next;
    }
    if (!node.values.includes(value)) {
      node.values.push(value);
      this.size++;
    }
  }

  /** Values stored under exactly this key sequence. */
  get(keys: readonly string[]): readonly V[] {
    let node: TrieNode<V> | undefined = this.root;
    for (const k of keys) {
      node = node.children.get(k);
      if (!node) return [];
    }
    return node.values;
  }

  /**
   * Whether any entry may start at this token, by its key, normalised form or stem: a filter that
   * most words fail, cached per distinct word so that scanning a text costs an array read per word.
   */
  mayStart(t: Token): boolean {
    this.firstWords ??= new WordCache<boolean>((x) => this.root.children.has(tokenKey(x)) || this.root.children.has(x.norm) || this.root.children.has(x.stem), 15);
    return this.firstWords.get(t);
  }

  /** The first step of a walk: the node for one key, or undefined. */
  start(key: string): TrieNode<V> | undefined {
    return this.root.children.get(key);
  }
}

export class TrieNode<V> {
  readonly children = new Map<string, TrieNode<V>>();
  readonly values: V[] = [];

  next(key: string): TrieNode<V> | undefined {
    return this.children.get(key);
  }
}
