/**
 * A grow-only buffer reused from one call to the next, for the engine's large working arrays.
 *
 * A study of N securities over M days works in a few N·M-sized typed arrays (the residual panel,
 * the sorted rank panel). Allocated afresh for every study, they count as V8 "external memory",
 * whose collection limit does not grow with the heap: a large study then forces a full garbage
 * collection every study or two, and each one marks the whole N-sized result, so the cost grows
 * like N². Reused, they are allocated once. The engine is synchronous and no view of a scratch
 * buffer outlives the call that took it, so one buffer per purpose suffices; the largest study
 * run so far stays allocated (about 35 MB after 10,000 securities × 261 days) until the process ends.
 *
 * @example new ScratchBuffer().float64(1_000) // a Float64Array view of 1,000 doubles, not zeroed
 */
export class ScratchBuffer {
  private buffer = new ArrayBuffer(0);

  /** `length` doubles, with whatever the last user left in them. @throws never */
  float64(length: number): Float64Array<ArrayBuffer> {
    return new Float64Array(this.bytes(length * Float64Array.BYTES_PER_ELEMENT), 0, length);
  }

  /** `length` unsigned 16-bit integers, not zeroed. @throws never */
  uint16(length: number): Uint16Array<ArrayBuffer> {
    return new Uint16Array(this.bytes(length * Uint16Array.BYTES_PER_ELEMENT), 0, length);
  }

  /** `length` 32-bit integers, not zeroed. @throws never */
  int32(length: number): Int32Array<ArrayBuffer> {
    return new Int32Array(this.bytes(length * Int32Array.BYTES_PER_ELEMENT), 0, length);
  }

  /** `length` bytes set to 0. @throws never */
  zeroedUint8(length: number): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.bytes(length), 0, length).fill(0);
  }

  private bytes(byteLength: number): ArrayBuffer {
    if (this.buffer.byteLength < byteLength) this.buffer = new ArrayBuffer(byteLength);
    return this.buffer;
  }
}
