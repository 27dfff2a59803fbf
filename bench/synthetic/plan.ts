// The product tree the synthetic suite tests: epics > features > stories, sized from the
// number of results so that a story holds about eight results at every size.

import type { Random } from './random.ts';
import { capitalize, epics as epicNames, featureNouns, slug, storyObjects, storyVerbs } from './vocabulary.ts';

export interface StoryPlan {
  epic: string;
  feature: string;
  story: string;
  /** `orders/refunds/approve-in-bulk`, used for test file paths. */
  path: string;
  /** `/api/v2/orders`, named by some error messages. */
  api: string;
  epicSlug: string;
}

export function planStories(r: Random, count: number): StoryPlan[] {
  const storyTarget = Math.max(1, Math.round(count / 8));
  const epicCount = Math.min(30, Math.max(2, Math.round(count / 30)));
  const featuresPerEpic = Math.max(1, Math.round(Math.sqrt(storyTarget / epicCount)));
  const storiesPerFeature = Math.max(1, Math.round(storyTarget / (epicCount * featuresPerEpic)));
  const stories: StoryPlan[] = [];
  const epics = shuffle(r, epicNames).slice(0, epicCount);
  for (const epic of epics) {
    const epicSlug = slug(epic);
    // Uneven sizes, as in a real product: some areas are much bigger than others.
    const featureCount = Math.max(1, Math.round(featuresPerEpic * (0.5 + r.next())));
    const features = uniqueNames(r, featureCount, () => `${r.pick(featureNouns)}${r.chance(0.3) ? ` ${r.pick(['v2', 'for teams', 'history', 'settings'])}` : ''}`);
    for (const feature of features) {
      const storyCount = Math.max(1, Math.round(storiesPerFeature * (0.5 + r.next())));
      const names = uniqueNames(r, storyCount, () => `${capitalize(r.pick(storyVerbs))} ${feature.toLowerCase()} ${r.pick(storyObjects)}`);
      for (const story of names) {
        stories.push({ epic, feature, story, epicSlug, api: `/api/v2/${epicSlug}`, path: `${epicSlug}/${slug(feature)}/${slug(story)}` });
      }
    }
  }
  return stories;
}

function uniqueNames(_r: Random, count: number, make: () => string): string[] {
  const names = new Set<string>();
  for (let attempt = 0; names.size < count && attempt < count * 20; attempt++) names.add(make());
  // When the vocabulary runs out, number the rest rather than loop forever.
  for (let i = 2; names.size < count; i++) names.add(`${make()} ${i}`);
  return [...names];
}

export function shuffle<T>(r: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}
