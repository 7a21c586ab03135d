/**
 * The shape every input and view shares: `bind` attaches its listeners (and draws what it
 * owns), `unbind` detaches them again. Views also have `update`, which redraws from the model.
 */
export interface Part {
  bind(): void;
  unbind(): void;
}
