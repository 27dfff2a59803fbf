// Attachments: a `source` is a plain file name inside the results folder.
// Anything else is refused with a reason; the file is never read from outside.
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Attachment, AttachmentPreview } from '../../model/types.ts';
import { checkInputFile, InputFileError } from '../input-file.ts';
import type { RawObject } from '../raw.ts';
import { str } from '../raw.ts';
import type { InputLimits } from '../input-file.ts';

/** Allure 2 accepts only these names for attachment sources. */
const SOURCE_NAME = /^[a-zA-Z0-9._-]{1,100}$/;
/**
 * Endings a browser only shows or downloads, whatever server sends them: the
 * site serves these under their own name. Anything else (HTML, SVG, XML and
 * their kin, scripts, server pages) could run in the site's origin under some
 * server's MIME table, so it is served as text or bytes instead (servedName).
 */
const INERT_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp', 'ico', 'tif', 'tiff',
  'mp4', 'webm', 'ogv', 'ogg', 'mov', 'm4v', 'mp3', 'wav', 'flac', 'm4a',
  'txt', 'log', 'csv', 'tsv', 'json', 'har', 'ndjson', 'md', 'yaml', 'yml', 'properties', 'diff', 'patch',
  'zip', 'gz', 'tgz', 'tar', 'bz2', 'xz', 'zst', '7z', 'jar', 'pdf', 'bin', 'dat', 'pcap', 'heapsnapshot',
]);
/** Text previews stop here; the whole file stays downloadable. */
export const TEXT_PREVIEW_BYTES = 64 * 1024;
/** HTML attachments bigger than this are not previewed in an iframe. */
export const HTML_PREVIEW_BYTES = 512 * 1024;

export interface AttachmentContext {
  /** Absolute, real path of the results folder. */
  folder: string;
  /** Index of the results folder among the run's shards. */
  shard: number;
  limits: InputLimits;
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

/** Whether a served file of this name only ever shows or downloads. */
export function isInertName(source: string): boolean {
  const dot = source.lastIndexOf('.');
  return dot > 0 && INERT_EXTENSIONS.has(source.slice(dot + 1).toLowerCase());
}

/**
 * The attachment's path below `attachments/<shard>/`: its own name when inert,
 * else `renamed/<source>.txt` (text) or `renamed/<source>.bin`. One source
 * name, one served name: `renamed/` holds no inert source's name, and a source
 * name has no `/`, so two attachments never meet on one file.
 */
export function servedName(source: string, contentType = ''): string {
  if (isInertName(source)) return source;
  const type = contentType.toLowerCase();
  const text = /^text\//.test(type) || /(json|xml|javascript|ecmascript|yaml|html|svg)/.test(type) || /\.(html?|xht(ml?)?|shtml|svgz?|xml|xsl|xsd|js|mjs|cjs|css|rss|atom|rdf|mml|php|htaccess)$/i.test(source);
  return `renamed/${source}.${text ? 'txt' : 'bin'}`;
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

/** Why the file behind a source cannot be used, in the words the rejected page has always used. */
function refusal(name: string, source: string, error: unknown): string {
  const reason = error instanceof InputFileError ? error.message : ((error as NodeJS.ErrnoException)?.code ?? String(error));
  if (/does not exist|broken link/.test(reason)) return `attachment "${name}": file ${source} is missing from the results folder`;
  if (/leads out of its folder/.test(reason)) return `attachment "${name}": ${source} is a link that leads out of the results folder`;
  return `attachment "${name}": ${source} cannot be used: ${reason}`;
}

export async function readAttachment(raw: RawObject, ctx: AttachmentContext): Promise<AttachmentOutcome> {
  const source = str(raw.source);
  const name = str(raw.name) || source;
  if (!SOURCE_NAME.test(source) || source === '.' || source === '..') {
    return { ok: false, source, reason: `attachment "${name}" has source "${source}", which is not a plain file name inside the results folder` };
  }
  let checked: { path: string; size: number };
  try {
    checked = await checkInputFile(path.join(ctx.folder, source), ctx.folder, ctx.limits.attachmentBytes);
  } catch (error) {
    return { ok: false, source, reason: refusal(name, source, error) };
  }
  const { path: real, size } = checked;
  const contentType = str(raw.type) || 'application/octet-stream';
  const preview = previewOf(contentType, source);
  const attachment: Attachment = {
    name,
    source,
    path: real,
    href: `attachments/${ctx.shard}/${servedName(source, contentType)}`,
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
