import './follow.css';
import type { Part } from '../part';
import type { Viewer } from '../viewer';
import { DemoStates } from './demo-states';
import { Follower } from './follower';
import { Publisher } from './publisher';

/**
 * Audience-follow: students follow the lecturer's slide and demos; the presenter view publishes
 * them. The demos' states also go to the cloned window, which shows no follow control.
 */
export function followParts(viewer: Viewer, root: HTMLElement): Part[] {
  const demos = new DemoStates(viewer.slides.area, viewer.sync);
  // The cloned window shows what the presenter window drives: it neither follows nor publishes.
  if (viewer.sync.isClone) return [demos];
  return [
    demos,
    new Follower(root, viewer.deck, viewer.navigation, viewer.modes, demos),
    new Publisher(root, viewer.deck, viewer.navigation, viewer.modes, demos),
  ];
}
