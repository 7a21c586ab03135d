import { describe, expect, it } from 'vitest';
import { compile, compileError, htmls } from './helpers';

describe('demo macro', () => {
  it('embeds a live demo widget as its element, outside any paragraph', async () => {
    expect(await htmls('![:demo tracking]()')).toEqual(['<div class="vs-demo"><tracking-demo></tracking-demo></div>']);
  });

  it('marks a simulation, which draws in the colours of the design', async () => {
    expect(await htmls('![:demo clocks step=2]()')).toEqual([
      '<div class="vs-demo vs-simulation"><clocks-demo step="2"></clocks-demo></div>',
    ]);
  });

  it('passes key=value settings as attributes and the URL in parentheses as `server`, escaped', async () => {
    expect(await htmls('![:demo task mode=job, task=sum](http://hörsaal:8080/?a=1&b="2")')).toEqual([
      '<div class="vs-demo"><task-demo mode="job" task="sum" server="http://hörsaal:8080/?a=1&#x26;b=&#x22;2&#x22;"></task-demo></div>',
    ]);
    expect(await htmls('![:demo task titel=a"b\'c>d]')).toEqual([
      '<div class="vs-demo"><task-demo titel="a&#x22;b&#x27;c>d"></task-demo></div>',
    ]);
  });

  it('lists the demos of a slide', async () => {
    const { deck } = await compile('![:demo tracking]()\n\n![:demo task]()\n---\nnichts');
    expect(deck.slides.map((slide) => slide.demos)).toEqual([['tracking', 'task'], []]);
  });

  it('rejects an unknown widget and malformed settings', async () => {
    expect(await compileError('![:demo chat]()')).toContain(
      'Demo „chat“ gibt es nicht (vorhanden: tracking, task, timeout, crash, idempotency, load, balancer, cluster, replication,',
    );
    expect(await compileError('![:demo task on-click=x y]()')).toContain('„y“ ist keine Einstellung');
    expect(await compileError('![:demo task 1=x]()')).toContain('„1=x“ ist keine Einstellung');
  });
});
