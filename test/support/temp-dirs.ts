// Setup file: every test file's temporary folders (tempDir) go when the file is done.
import { afterAll } from 'vitest';
import { removeTempDirs } from './site.ts';

afterAll(removeTempDirs);
