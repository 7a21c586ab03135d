import { describe, expect, it } from 'vitest';
import { Requests } from '../../../src/viewer/model/requests';

describe('Requests', () => {
  it('hands a request made before its part was plugged in to that part once it listens', () => {
    const requests = new Requests();
    requests.request('poll');
    requests.request('poll');
    let heard = 0;
    requests.on('poll', () => heard++);
    expect(heard).toBe(1);
    requests.request('poll');
    expect(heard).toBe(2);
  });
});
