// Re-encodes a PNG as an 8-bit palette PNG: the icons are flat shapes whose only extra colours
// are anti-aliased edges, so a few colours hold them; the rarest edge shades take their nearest
// kept colour. Every icon is part of a first visit: with 16 colours the three weigh 5.8 KB
// (9.7 KB with 256), and at the sizes a launcher draws them the edges look the same.
// Used by icons.mjs.
import { crc32, deflateSync, inflateSync } from 'node:zlib';

function chunks(png) {
  const out = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    out.push({ type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

/** The RGBA pixels of an 8-bit RGB or RGBA, non-interlaced PNG. */
function decode(png) {
  const all = chunks(png);
  const header = all.find((c) => c.type === 'IHDR').data;
  const [width, height, depth, type, , , interlace] = [header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9], header[10], header[11], header[12]];
  if (depth !== 8 || ![2, 6].includes(type) || interlace) throw new Error(`unsupported PNG (depth ${depth}, type ${type})`);
  const channels = type === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(all.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * channels;
  const rgba = Buffer.alloc(width * height * 4);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x += 1) {
      const a = x >= channels ? line[x - channels] : 0;
      const b = previous[x];
      const c = x >= channels ? previous[x - channels] : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      line[x] = (line[x] + predictor) & 255;
    }
    for (let x = 0; x < width; x += 1) {
      line.copy(rgba, (y * width + x) * 4, x * channels, x * channels + channels);
      if (channels === 3) rgba[(y * width + x) * 4 + 3] = 255;
    }
    previous = line;
  }
  return { width, height, rgba };
}

function paeth(a, b, c) {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** The PNG as a palette PNG of at most `colours` colours (the same image when it has no more):
 *  the most frequent are kept, and every other takes its nearest kept colour. */
export function toPalette(png, colours = 256) {
  const { width, height, rgba } = decode(png);
  const counts = new Map();
  for (let k = 0; k < rgba.length; k += 4) {
    const key = rgba.readUInt32BE(k);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const kept = [...counts.keys()].sort((p, q) => counts.get(q) - counts.get(p)).slice(0, colours);
  const index = new Map(kept.map((key, k) => [key, k]));
  const nearest = (key) => {
    if (index.has(key)) return index.get(key);
    let best = 0;
    let distance = Infinity;
    for (const [k, other] of kept.entries()) {
      let d = 0;
      for (let shift = 0; shift < 32; shift += 8) d += (((key >>> shift) & 255) - ((other >>> shift) & 255)) ** 2;
      if (d < distance) [best, distance] = [k, d];
    }
    index.set(key, best);
    return best;
  };
  const rows = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) rows[y * (width + 1) + 1 + x] = nearest(rgba.readUInt32BE((y * width + x) * 4));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8);
  const palette = Buffer.from(kept.flatMap((key) => [key >>> 24, (key >>> 16) & 255, (key >>> 8) & 255]));
  const alpha = Buffer.from(kept.map((key) => key & 255));
  const opaque = alpha.every((a) => a === 255);
  return Buffer.concat([
    png.subarray(0, 8),
    chunk('IHDR', header),
    chunk('PLTE', palette),
    ...(opaque ? [] : [chunk('tRNS', alpha)]),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
