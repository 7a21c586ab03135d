import './follow.css';
import type { Part } from '../part';
import type { Viewer } from '../viewer';
import { DemoStates } from './demo-states';
import { Follower } from './follower';
import { presenterToken } from '../../browser/presenter-token';
import { Publisher } from './publisher';

/**
 * Audience-follow: students follow the lecturer's slide and demos; the presenter view publishes
 * them. The demos' states also go to the cloned window, which shows no follow control. The poll
 * views load only where a poll can appear: on the projector at the first poll or hall message, on a
 * follower once connected, in the presenter view with the token.
 */
export function followParts(viewer: Viewer, root: HTMLElement): Part[] {
  const { sync, modes, deck } = viewer;
  const demos = new DemoStates(viewer.slides.area, sync);
  // The cloned window shows what the presenter window drives: it neither follows nor publishes.
  if (sync.isClone) {
    const load = () => {
      offPoll();
      offHall();
      void import('../polls/projector').then(({ PollProjector }) => {
        viewer.add(new PollProjector(root, sync));
        sync.askForState();
      });
    };
    const offPoll = sync.on('poll', load);
    const offHall = sync.on('hall', load);
    return [demos];
  }
  const follower = new Follower(root, deck, viewer.navigation, modes, demos);
  const offConnected = follower.on('connected', () => {
    offConnected();
    void import('../polls/voter').then(({ PollVoter, HallAsk }) => {
      viewer.add(new PollVoter(root, deck, follower));
      viewer.add(new HallAsk(root, deck, follower));
    });
  });
  const token = presenterToken();
  if (token) {
    const loadConsole = () =>
      void import('../polls/console').then(({ PollConsole }) =>
        viewer.add(new PollConsole(root, deck, viewer.navigation, modes, viewer.requests, sync, token)),
      );
    if (modes.has('presenter')) loadConsole();
    else {
      const off = modes.on('change', ({ mode, on }) => {
        if (mode !== 'presenter' || !on) return;
        off();
        loadConsole();
      });
    }
  }
  return [demos, follower, new Publisher(root, deck, viewer.navigation, modes, demos)];
}
