// The floor: the least work any tool must do on a corpus — read every file, decode it, split words by char
// code and hash every word and every 5-word shingle — in one tight loop (no regular expressions, no substrings).
import { readFileSync } from 'node:fs';

/** Read and hash every file; returns the shingle count and a checksum so the work cannot be optimised away. */
export function floor(files) {
  const ring = new Uint32Array(5);
  let checksum = 0;
  let shingles = 0;
  let bytes = 0;
  for (const file of files) {
    const buf = readFileSync(file);
    bytes += buf.length;
    const text = buf.toString('utf8');
    let words = 0;
    let h = 0x811c9dc5;
    let inWord = false;
    for (let i = 0; i <= text.length; i++) {
      let c = i < text.length ? text.charCodeAt(i) : 32;
      const letter = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
      if (letter) {
        if (c >= 65 && c <= 90) c += 32;
        h = Math.imul(h ^ c, 0x01000193);
        inWord = true;
      } else if (inWord) {
        ring[words % 5] = h >>> 0;
        words++;
        if (words >= 5) {
          let s = 5;
          for (let k = 0; k < 5; k++) s = Math.imul(s ^ (ring[(words + k) % 5] ?? 0), 0x9e3779b1);
          checksum = (checksum + (s >>> 0)) >>> 0;
          shingles++;
        }
        h = 0x811c9dc5;
        inWord = false;
      }
    }
  }
  return { shingles, bytes, checksum };
}
