/** A key of an identity memo: an object (held weakly, compared by identity) or a string. */
type MemoKey = object | string;

/** One level of the memo's tree: children by object and by string key, and the value stored here. */
interface MemoNode<V> {
  readonly byObject: WeakMap<object, MemoNode<V>>;
  readonly byString: Map<string, MemoNode<V>>;
  value?: V;
  filled: boolean;
}

function memoNode<V>(): MemoNode<V> {
  return { byObject: new WeakMap(), byString: new Map(), filled: false };
}

/**
 * `derive` memoised on its arguments by identity: derived once per combination of the same objects
 * (workloads, profiles, targets are read-only records) and strings, and kept no longer than those
 * objects live. A call that throws stores nothing, so the next call throws the same error.
 */
export function memoByIdentity<K extends readonly MemoKey[], V>(derive: (...keys: K) => V): (...keys: K) => V {
  const root = memoNode<V>();
  return (...keys: K): V => {
    let node = root;
    for (const key of keys) {
      const children: WeakMap<object, MemoNode<V>> | Map<string, MemoNode<V>> = typeof key === 'string' ? node.byString : node.byObject;
      let child = (children as Map<MemoKey, MemoNode<V>>).get(key);
      if (child === undefined) {
        child = memoNode<V>();
        (children as Map<MemoKey, MemoNode<V>>).set(key, child);
      }
      node = child;
    }
    if (!node.filled) {
      node.value = derive(...keys);
      node.filled = true;
    }
    return node.value as V;
  };
}
