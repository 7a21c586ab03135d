import './follow.css';
import type { Part } from '../part';
import type { Viewer } from '../viewer';
import { Follower } from './follower';
import { Publisher } from './publisher';

/** Audience-follow: students follow the lecturer's slide; the presenter view publishes it. */
export function followParts(viewer: Viewer, root: HTMLElement): Part[] {
  return [
    new Follower(root, viewer.deck, viewer.navigation, viewer.modes),
    new Publisher(root, viewer.deck, viewer.navigation, viewer.modes),
  ];
}
