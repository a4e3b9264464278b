// Typed arrays filled one value at a time (the parser's candidates, term counts, a record's columns)
// grow by doubling: one helper, so each table says only what it holds.

export type Numbers = Int32Array | Float32Array | Float64Array | Uint8Array;

/** `values`, or a copy twice as large or more with its contents, so that it holds at least `size`. */
export function withRoom<A extends Numbers>(values: A, size: number, make: (size: number) => A): A {
  if (size <= values.length) return values;
  const grown = make(Math.max(2 * values.length, size));
  grown.set(values);
  return grown;
}

// The makers, made once: a closure written at each call would be a new object per value added.
export const int32s = (size: number) => new Int32Array(size);
export const float32s = (size: number) => new Float32Array(size);
export const float64s = (size: number) => new Float64Array(size);
export const uint8s = (size: number) => new Uint8Array(size);
