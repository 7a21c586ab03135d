import { describe, expect, it } from 'vitest';
import { slides } from './helpers';

describe('mermaid blocks', () => {
  it('become a diagram placeholder that keeps the source readable', async () => {
    const [slide] = await slides('```mermaid\nflowchart LR\n  A --> B\n```');
    expect(slide?.html).toBe(
      '<div class="vs-diagram"><pre class="vs-diagram-source">flowchart LR\n  A --> B</pre></div>',
    );
    expect(slide?.diagrams).toBe(1);
  });

  it('take the text after the language word as their caption, like a figure', async () => {
    const [slide] = await slides('```mermaid Abb. 5: Der Weg <einer> Anfrage\nflowchart LR\n  A --> B\n```');
    expect(slide?.html).toBe(
      '<figure class="vs-diagram-figure"><div class="vs-diagram"><pre class="vs-diagram-source">flowchart LR\n  A --> B</pre></div>' +
        '<figcaption>Abb. 5: Der Weg &#x3C;einer> Anfrage</figcaption></figure>',
    );
    expect(slide?.diagrams).toBe(1);
  });
});
