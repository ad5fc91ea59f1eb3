// Reads WARC files with webrecorder's warcio (an implementation independent of NewsDesk) and prints every record
// as one JSON line: the WARC headers, the HTTP status line and headers, and the payload (base64) with its SHA-256.
// Usage: node read-warc.mjs FILE [OFFSET LENGTH]   (with OFFSET and LENGTH, only those bytes are read)
import { createReadStream } from "node:fs";
import { createHash } from "node:crypto";
import { WARCParser } from "warcio";

const [file, offset, length] = process.argv.slice(2);
const range = offset === undefined ? {} : { start: Number(offset), end: Number(offset) + Number(length) - 1 };
const parser = new WARCParser(createReadStream(file, range));
for await (const record of parser) {
  const payload = await record.readFully(false);
  const http = record.httpHeaders;
  console.log(JSON.stringify({
    type: record.warcType,
    warcHeaders: Object.fromEntries(record.warcHeaders.headers),
    httpStatusLine: http ? http.statusline : null,
    httpHeaders: http ? [...http.headers] : null,
    payloadBase64: Buffer.from(payload).toString("base64"),
    payloadSha256: createHash("sha256").update(payload).digest("hex"),
  }));
}
