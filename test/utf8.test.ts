import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../src/util/utf8.js';

const encoder = new TextEncoder();

describe('utf8Bytes', () => {
  it('gives what TextEncoder.encode gives, lone surrogates included', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 }));
    fc.assert(
      fc.property(text, (s) => {
        expect(utf8Bytes(s)).toEqual(encoder.encode(s));
      }),
    );
    expect([...utf8Bytes('a\ud800b\udc00')]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62, 0xef, 0xbf, 0xbd]);
  });

  it('gives each text an array of its own, whole, that the next text does not touch', () => {
    const first = utf8Bytes('é'.repeat(100));
    const copy = Uint8Array.from(first);
    const second = utf8Bytes('ü'.repeat(100_000)); // grows the scratch array
    utf8Bytes('x'.repeat(50));
    expect(first).toEqual(copy);
    expect(first.byteOffset).toBe(0);
    expect(first.buffer.byteLength).toBe(200); // can be handed to a worker or back without the rest
    expect(second.buffer.byteLength).toBe(200_000);
    expect(second).toEqual(encoder.encode('ü'.repeat(100_000)));
  });

  it('encodes a text past the scratch limit too', () => {
    const long = '€'.repeat((1 << 21) + 1);
    const bytes = utf8Bytes(long);
    expect(bytes.length).toBe(3 * long.length);
    expect(bytes.subarray(0, 6)).toEqual(Uint8Array.of(0xe2, 0x82, 0xac, 0xe2, 0x82, 0xac));
    expect(bytes.buffer.byteLength).toBe(bytes.length);
  });
});
