// Attachments: a `source` is a plain file name inside the results folder.
// Anything else is refused with a reason; the file is never read from outside.
import { lstat, realpath, open } from 'node:fs/promises';
import path from 'node:path';
import type { Attachment, AttachmentPreview } from '../model/types.ts';
import type { RawObject } from './raw.ts';
import { str } from './raw.ts';

/** Allure 2 accepts only these names for attachment sources. */
const SOURCE_NAME = /^[a-zA-Z0-9._-]{1,100}$/;
/** Served files with these endings would run in the site's origin; they get `.txt` appended. */
const ACTIVE_EXTENSIONS = /\.(html?|xhtml|svg|xml|js|mjs|cjs)$/i;
/** Text previews stop here; the whole file stays downloadable. */
export const TEXT_PREVIEW_BYTES = 64 * 1024;
/** HTML attachments bigger than this are not previewed in an iframe. */
export const HTML_PREVIEW_BYTES = 512 * 1024;

export interface AttachmentContext {
  /** Absolute, real path of the results folder. */
  folder: string;
  /** Index of the results folder among the run's shards. */
  shard: number;
}

export type AttachmentOutcome = { ok: true; attachment: Attachment } | { ok: false; source: string; reason: string };

export function previewOf(contentType: string, source: string): AttachmentPreview {
  const type = contentType.toLowerCase();
  if (/^image\/(png|jpe?g|gif|webp|avif|bmp)$/.test(type)) return 'image';
  if (type === 'text/html' || /\.html?$/i.test(source)) return 'html';
  if (/^video\/(mp4|webm|ogg)$/.test(type)) return 'video';
  if (type === 'image/svg+xml') return 'download';
  if (/^text\//.test(type) || /^application\/(json|xml|x-yaml|yaml|x-ndjson)/.test(type) || type.endsWith('+json')) {
    return 'text';
  }
  return 'download';
}

export function servedName(source: string): string {
  return ACTIVE_EXTENSIONS.test(source) ? `${source}.txt` : source;
}

async function readHead(file: string, bytes: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

export async function readAttachment(raw: RawObject, ctx: AttachmentContext): Promise<AttachmentOutcome> {
  const source = str(raw.source);
  const name = str(raw.name) || source;
  if (!SOURCE_NAME.test(source) || source === '.' || source === '..') {
    return { ok: false, source, reason: `attachment "${name}" has source "${source}", which is not a plain file name inside the results folder` };
  }
  const file = path.join(ctx.folder, source);
  let stat;
  try {
    stat = await lstat(file);
  } catch {
    return { ok: false, source, reason: `attachment "${name}": file ${source} is missing from the results folder` };
  }
  if (stat.isSymbolicLink()) {
    const target = await realpath(file).catch(() => '');
    if (!target || path.dirname(target) !== ctx.folder) {
      return { ok: false, source, reason: `attachment "${name}": ${source} is a link that leads out of the results folder` };
    }
  } else if (!stat.isFile()) {
    return { ok: false, source, reason: `attachment "${name}": ${source} is not a regular file` };
  }
  const real = stat.isSymbolicLink() ? await realpath(file) : file;
  const size = stat.isSymbolicLink() ? (await lstat(real)).size : stat.size;
  const contentType = str(raw.type) || 'application/octet-stream';
  const preview = previewOf(contentType, source);
  const attachment: Attachment = {
    name,
    source,
    path: real,
    href: `attachments/${ctx.shard}/${servedName(source)}`,
    contentType,
    sizeBytes: size,
    preview,
  };
  if (preview === 'text') {
    attachment.text = await readHead(real, TEXT_PREVIEW_BYTES);
    attachment.truncated = size > TEXT_PREVIEW_BYTES;
  } else if (preview === 'html') {
    if (size <= HTML_PREVIEW_BYTES) attachment.text = await readHead(real, HTML_PREVIEW_BYTES);
    else attachment.preview = 'download';
  }
  return { ok: true, attachment };
}
