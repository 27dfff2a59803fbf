// readFile and writeFile for the hot loops (one call per result file, case
// file or page), through fs's callback API as promises: fs/promises' versions
// take more of the main thread per file. Reading and parsing the 12,119 files
// of 10,000 results took 680 ms through fs/promises and 450 ms through these
// (670 vs 850 ms with a cold page cache); writing 11,200 pages of 8 KB,
// 330 vs 270 ms on a tmpfs and 450 vs 330 ms on ext4.
import fs from 'node:fs';
import { promisify } from 'node:util';

export const readFile = promisify(fs.readFile);
export const writeFile = promisify(fs.writeFile);
