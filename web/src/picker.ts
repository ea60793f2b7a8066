import { h } from './dom';
import { searchTerminals } from './network';
import type { TerminalProperties } from './types';

let pickers = 0;

/**
 * A terminal picker: a combobox (WAI-ARIA 1.2) that searches terminals by name and LOCODE as the user types;
 * arrow keys move through the suggestions, Enter or a click chooses, Escape closes.
 */
export class TerminalPicker {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private options: TerminalProperties[] = [];
  private active = -1;
  private chosen: TerminalProperties | null = null;

  constructor(
    label: string,
    name: string,
    private readonly terminals: readonly TerminalProperties[],
  ) {
    const id = `picker-${++pickers}`;
    this.input = h('input', {
      id,
      name,
      type: 'text',
      role: 'combobox',
      autocomplete: 'off',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': `${id}-list`,
      placeholder: 'Name or LOCODE',
      required: true,
    });
    this.list = h('ul', { id: `${id}-list`, role: 'listbox', class: 'suggestions', hidden: true, 'aria-label': `${label} suggestions` });
    this.element = h('div', { class: 'field picker' }, h('label', { for: id }, label), this.input, this.list);
    this.input.addEventListener('input', () => {
      this.chosen = null;
      this.suggest();
    });
    this.input.addEventListener('keydown', (e) => this.key(e));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  /** The chosen terminal, or the one the text names exactly (a LOCODE, or a name that matches one terminal). */
  get value(): TerminalProperties | null {
    if (this.chosen) return this.chosen;
    const text = this.input.value.trim();
    const found = searchTerminals(this.terminals, text, 2);
    if (found.length > 0 && found[0]!.locode.toLowerCase() === text.toLowerCase()) return found[0]!;
    return found.length === 1 ? found[0]! : null;
  }

  set(terminal: TerminalProperties): void {
    this.chosen = terminal;
    this.input.value = `${terminal.name} (${terminal.locode})`;
    this.close();
  }

  private suggest(): void {
    this.options = searchTerminals(this.terminals, this.input.value);
    this.active = this.options.length > 0 ? 0 : -1;
    this.render();
  }

  private render(): void {
    this.list.replaceChildren(
      ...this.options.map((t, i) =>
        h(
          'li',
          { id: `${this.input.id}-opt-${i}`, role: 'option', 'aria-selected': String(i === this.active), 'data-locode': t.locode },
          `${t.name} `,
          h('span', { class: 'code' }, `${t.locode} · ${t.country}`),
        ),
      ),
    );
    this.list.querySelectorAll('li').forEach((li, i) =>
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        this.set(this.options[i]!);
      }),
    );
    const open = this.options.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.input.id}-opt-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private close(): void {
    this.options = [];
    this.active = -1;
    this.render();
  }

  private key(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (this.options.length === 0) this.suggest();
      if (this.options.length === 0) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.options.length) % this.options.length;
      this.render();
    } else if (e.key === 'Enter' && this.active >= 0 && this.options.length > 0) {
      e.preventDefault();
      this.set(this.options[this.active]!);
    } else if (e.key === 'Escape') {
      this.close();
    }
  }
}
