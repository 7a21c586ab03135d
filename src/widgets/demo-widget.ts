import { DEMO_EVENTS, type DemoCommand, type DemoElement, type DemoLink, type DemoState } from '../shared/demos';
import { adoptStyles, el, type Child } from '../browser/dom';
import { adoptShell, demoFrame, printPlaceholder } from './shell';
import styles from './demo-widget.css?inline';

/**
 * What every demo widget shares: it shows either its own state (from its model) or, linked
 * to the presenter's window, a mirrored one; it reports its own state to the page; and it
 * prints what it shows, or a placeholder that names the demo when it shows nothing yet.
 */
export abstract class DemoWidget<S extends DemoState> extends HTMLElement implements DemoElement {
  protected readonly root = this.attachShadow({ mode: 'open' });
  readonly #linkText = el('span');
  readonly #linkButton = el('button', { type: 'button', class: 'secondary' });
  readonly #linkBar = el('p', { class: 'link', hidden: '' }, this.#linkText, ' ', this.#linkButton);
  #link: DemoLink = { kind: 'own' };
  #own = false;

  readonly #title: string;

  constructor(css: string, title: string, placeholder: string) {
    super();
    this.#title = title;
    adoptShell(this.root);
    adoptStyles(this.root, styles);
    adoptStyles(this.root, css);
    this.root.append(printPlaceholder(title, placeholder));
    this.#linkButton.addEventListener('click', () =>
      this.dispatchEvent(
        new CustomEvent(DEMO_EVENTS.link, {
          bubbles: true,
          composed: true,
          detail: this.#link.kind === 'mirror' ? 'detach' : 'attach',
        }),
      ),
    );
  }

  /** The demo's frame, titled as the constructor was told. */
  protected framed(head: Child[], ...body: Child[]): HTMLDivElement {
    return demoFrame(this.#title, head, ...body);
  }

  /** The bar that offers to detach or re-attach; the subclass places it. */
  protected get linkBar(): HTMLElement {
    return this.#linkBar;
  }

  abstract get demoState(): S | null;
  abstract command(command: DemoCommand): void;
  /** Starts and stops the widget's own model. */
  protected abstract startOwn(): void;
  protected abstract stopOwn(): void;
  /** Draws a state; `mirrored`: another window's, so the controls are not the user's. */
  protected abstract render(state: S, mirrored: boolean): void;
  /** Whether the state is worth printing (a run, live figures), rather than the placeholder. */
  protected abstract printable(state: S): boolean;

  connectedCallback(): void {
    this.dispatchEvent(new CustomEvent(DEMO_EVENTS.connected, { bubbles: true, composed: true }));
    if (this.#link.kind !== 'mirror') this.#startOwn();
  }

  disconnectedCallback(): void {
    this.#stopOwn();
  }

  link(link: DemoLink): void {
    this.#link = link;
    if (link.kind === 'mirror') {
      this.#stopOwn();
      if (link.state.demo === this.demoName) this.#draw(link.state as S, true);
    } else if (this.isConnected) this.#startOwn();
    this.#linkBar.hidden = link.kind === 'own' || (link.kind === 'mirror' && !link.detachable);
    this.#linkText.textContent = link.kind === 'mirror' ? 'Zeigt die Demo des Vortrags.' : 'Sie probieren selbst.';
    this.#linkButton.textContent = link.kind === 'mirror' ? 'Selbst ausprobieren' : 'Zurück zum Vortrag';
    this.toggleAttribute('data-mirrored', link.kind === 'mirror');
  }

  private get demoName(): S['demo'] {
    return this.localName.replace(/-demo$/, '') as S['demo'];
  }

  /** The model's state changed: draw it (unless a mirror is shown) and tell the page. */
  protected changed(state: S): void {
    if (this.#link.kind === 'mirror') return;
    this.#draw(state, false);
    this.dispatchEvent(new CustomEvent(DEMO_EVENTS.state, { bubbles: true, composed: true, detail: state }));
  }

  #draw(state: S, mirrored: boolean): void {
    this.toggleAttribute('data-printable', this.printable(state));
    this.render(state, mirrored);
  }

  #startOwn(): void {
    if (this.#own) return;
    this.#own = true;
    this.startOwn();
  }

  #stopOwn(): void {
    if (!this.#own) return;
    this.#own = false;
    this.stopOwn();
  }
}
