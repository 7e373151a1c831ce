// Width and height from the first bytes of PNG, GIF, JPEG and WebP files: enough for `details.image` without
// decoding, and no dependency for four fixed headers.
export interface ImageSize {
  width: number
  height: number
}

export function imageSize(b: Uint8Array): ImageSize | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  const ascii = (at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n))
  if (b.length >= 24 && b[0] === 0x89 && ascii(1, 3) === 'PNG') {
    return { width: view.getUint32(16), height: view.getUint32(20) }
  }
  if (b.length >= 10 && ascii(0, 4) === 'GIF8') {
    return { width: view.getUint16(6, true), height: view.getUint16(8, true) }
  }
  if (b.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP')
    return webpSize(b, view, ascii(12, 4))
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpegSize(b, view)
  return null
}

function webpSize(b: Uint8Array, view: DataView, chunk: string): ImageSize | null {
  if (chunk === 'VP8X') {
    const w = 1 + ((b[24] as number) | ((b[25] as number) << 8) | ((b[26] as number) << 16))
    const h = 1 + ((b[27] as number) | ((b[28] as number) << 8) | ((b[29] as number) << 16))
    return { width: w, height: h }
  }
  if (chunk === 'VP8 ')
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff }
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true)
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 }
  }
  return null
}

function jpegSize(b: Uint8Array, view: DataView): ImageSize | null {
  let at = 2
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null
    const marker = b[at + 1] as number
    const length = view.getUint16(at + 2)
    // Start-of-frame markers (baseline, progressive, …) carry the size; 0xC4, 0xC8 and 0xCC are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) }
    }
    at += 2 + length
  }
  return null
}
