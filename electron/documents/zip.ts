import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A zip file of the given files, in their order, each deflated by Node's zlib. Written here rather
 * than with a library because the ones at hand deflate in JavaScript: docx's fflate and JSZip's
 * pako took a fresh worker about 80 ms for a report, zlib a few. The charts' PNGs are deflated
 * too: their rows of one colour shrink to about half again.
 * The format is the plain one every reader takes (APPNOTE 6.3: local headers, the central
 * directory, its end record; no zip64, which a Word file never needs).
 */
export function zipFiles(files: ReadonlyMap<string, string | Uint8Array>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data =
      typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    const body = deflateRawSync(data);
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    // Version needed 2.0, flag bit 11: the name is UTF-8; method 8 (deflated); time 0:00, date 1980-01-01.
    const common = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(0x0800, at + 2);
      header.writeUInt16LE(8, at + 4);
      header.writeUInt16LE(0, at + 6);
      header.writeUInt16LE(0x21, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(body.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
      header.writeUInt16LE(fileName.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4);
    parts.push(local, fileName, body);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: version 2.0
    common(entry, 6);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, fileName);
    offset += local.length + fileName.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
