// Storage for the index's posting lists, carved out of large blocks the index owns rather than one
// C-heap buffer per list: a list that grows moves to a slot of a larger size class and its old slot is
// reused by the next list of that class, so growth leaves no hole in glibc's heap; a block whose slots
// are all free is dropped whole (blocks are above the mmap threshold the client sets, so glibc unmaps
// them). After a bulk load the lists are packed into exact-size slots of fresh blocks, block after
// block, and the blocks they leave empty go back to the system (docs/performance.md).

/** A list's room: `capacity` keys (Int32) followed by as many frequency codes (Uint16), in one block. */
export interface PostingSlot {
  readonly block: Block;
  readonly offset: number;
  readonly capacity: number;
  readonly keys: Int32Array;
  readonly codes: Uint16Array;
}

/** Bytes of the blocks slots of one size class are carved from (a larger slot gets a block of its own). */
const CLASS_BLOCK_BYTES = 256 * 1024;
/** Bytes of a block for exact-size slots beyond what was reserved (see reserveExact). */
const PACK_BLOCK_BYTES = 1024 * 1024;
/** Largest block reserved for packing at once. */
const MAX_PACK_BLOCK_BYTES = 256 * 1024 * 1024;
/** Postings in the smallest slot; classes grow from it by about a fifth, always even (see slotBytes). */
const SMALLEST = 2;

/** Bytes of a slot of `capacity` postings, a multiple of 4 so the next slot's keys are aligned. */
function slotBytes(capacity: number): number {
  return (6 * capacity + 3) & ~3;
}

class Block {
  readonly buffer: ArrayBuffer;
  /** Slots handed out and not released. */
  live = 0;
  /** Bytes handed out from the start, slot after slot. */
  next = 0;
  /** Offsets of released slots, for the next slot of this class (class blocks only). */
  readonly free: number[] = [];
  /** Whether its class lists it as having room. */
  open = false;

  constructor(
    bytes: number,
    readonly id: number,
    readonly sizeClass?: SizeClass,
  ) {
    this.buffer = new ArrayBuffer(bytes);
  }

  get full(): boolean {
    return this.free.length === 0 && this.next + this.sizeClass!.slotBytes > this.buffer.byteLength;
  }
}

interface SizeClass {
  capacity: number;
  slotBytes: number;
  blockBytes: number;
  /** Blocks with a free slot or room at their end, the newest last. */
  open: Block[];
}

export class PostingBlocks {
  private readonly classes: SizeClass[] = [];
  private readonly blocks = new Set<Block>();
  /** The block exact-size slots are taken from. */
  private packing?: Block;
  /** Bytes of exact-size slots announced (reserveExact) and not yet taken. */
  private reserved = 0;
  private nextId = 0;

  /** Bytes of all blocks held: what the lists take, with the room they have to grow and the slots free. */
  get bytes(): number {
    let bytes = 0;
    for (const b of this.blocks) bytes += b.buffer.byteLength;
    return bytes;
  }

  get blockCount(): number {
    return this.blocks.size;
  }

  /** Postings a slot of the class for `n` holds: the smallest class with room for `n`. */
  capacityFor(n: number): number {
    return this.classFor(n).capacity;
  }

  /** A slot for at least `n` postings (n ≥ 1), of the smallest class that holds them. */
  allocate(n: number): PostingSlot {
    const sizeClass = this.classFor(n);
    const block = sizeClass.open[sizeClass.open.length - 1] ?? this.openBlock(sizeClass);
    let offset = block.free.pop();
    if (offset === undefined) {
      offset = block.next;
      block.next += sizeClass.slotBytes;
    }
    block.live++;
    if (block.full) {
      sizeClass.open.pop();
      block.open = false;
    }
    return this.slot(block, offset, sizeClass.capacity);
  }

  /** Bytes of an exact-size slot of `n` postings. */
  exactBytes(n: number): number {
    return slotBytes(n);
  }

  /**
   * Announces exact-size slots of `bytes` in all (see exactBytes) about to be taken: they are carved
   * from blocks of that size, so packing leaves no room unused at the end of a block.
   */
  reserveExact(bytes: number): void {
    this.reserved = bytes;
    this.packing = undefined;
  }

  /** A slot of exactly `n` postings (n ≥ 1) in the blocks being packed: for a list that is not expected to grow. */
  allocateExact(n: number): PostingSlot {
    const bytes = slotBytes(n);
    let block = this.packing;
    if (!block || block.next + bytes > block.buffer.byteLength) {
      const size = this.reserved > 0 ? Math.min(this.reserved, MAX_PACK_BLOCK_BYTES) : PACK_BLOCK_BYTES;
      block = this.packing = this.newBlock(Math.max(bytes, size));
    }
    this.reserved = Math.max(0, this.reserved - bytes);
    const offset = block.next;
    block.next += bytes;
    block.live++;
    return this.slot(block, offset, n);
  }

  /** Gives a slot back: to its class, or with its block when that holds no other. */
  release(slot: PostingSlot): void {
    const block = slot.block;
    block.live--;
    const sizeClass = block.sizeClass;
    if (block.live === 0) {
      this.blocks.delete(block);
      if (block === this.packing) this.packing = undefined;
      if (block.open) sizeClass!.open.splice(sizeClass!.open.indexOf(block), 1);
      return;
    }
    if (!sizeClass) return; // A packed slot is not reused: its block goes when its last list has left.
    block.free.push(slot.offset);
    if (!block.open) {
      block.open = true;
      sizeClass.open.push(block);
    }
  }

  /** Whether a slot was cut to its list's size when packed (see allocateExact). */
  isExact(slot: PostingSlot): boolean {
    return !slot.block.sizeClass;
  }

  /** Orders slots by block, oldest first: moving lists in this order empties one old block after another. */
  static byBlock(a: PostingSlot, b: PostingSlot): number {
    return a.block.id - b.block.id || a.offset - b.offset;
  }

  private classFor(n: number): SizeClass {
    let last = this.classes[this.classes.length - 1];
    while (!last || last.capacity < n) {
      const capacity = last ? last.capacity + 2 * Math.max(1, Math.round(last.capacity / 10)) : SMALLEST;
      const bytes = slotBytes(capacity);
      last = { capacity, slotBytes: bytes, blockBytes: Math.max(1, Math.floor(CLASS_BLOCK_BYTES / bytes)) * bytes, open: [] };
      this.classes.push(last);
    }
    // Classes are few (about 70 up to a million postings): a binary search finds the smallest that fits.
    let lo = 0;
    let hi = this.classes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.classes[mid].capacity < n) lo = mid + 1;
      else hi = mid;
    }
    return this.classes[lo];
  }

  private openBlock(sizeClass: SizeClass): Block {
    const block = this.newBlock(sizeClass.blockBytes, sizeClass);
    block.open = true;
    sizeClass.open.push(block);
    return block;
  }

  private newBlock(bytes: number, sizeClass?: SizeClass): Block {
    const block = new Block(bytes, this.nextId++, sizeClass);
    this.blocks.add(block);
    return block;
  }

  private slot(block: Block, offset: number, capacity: number): PostingSlot {
    return { block, offset, capacity, keys: new Int32Array(block.buffer, offset, capacity), codes: new Uint16Array(block.buffer, offset + 4 * capacity, capacity) };
  }
}
