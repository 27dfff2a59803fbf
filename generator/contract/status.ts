// A test's status, as Allure writes it: the one list every other module
// (the model, the collections' schemas, the site) takes its statuses from.
import { z } from 'zod';

export const STATUSES = ['passed', 'failed', 'broken', 'skipped', 'unknown'] as const;
export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;
