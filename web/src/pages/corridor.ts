import { h } from '../dom';
import { LINK_LABELS, TERMINAL_LABELS } from '../labels';
import { LINK_COLOURS, TERMINAL_COLOURS } from '../map';
import { isGaugeBreak } from '../network';
import { terminalDetails } from '../details';
import { TerminalPicker } from '../picker';
import type { PageContext } from './context';

/** The corridor page: the network by mode and terminals by kind, a legend, and a terminal finder for the keyboard. */
export function corridorPage(ctx: PageContext): void {
  const { network, map, panel } = ctx;
  void map.showItinerary(null);
  void map.shadeCountries([]);
  const terminals = network.terminals.map((t) => t.properties);
  const gaugeBreaks = terminals.filter(isGaugeBreak);
  const borders = terminals.filter((t) => t.kind === 'border_crossing');
  const details = h('div', { class: 'details', 'aria-live': 'polite' });
  const show = (locode: string) => {
    const t = network.byLocode.get(locode)?.properties;
    if (!t) return;
    details.replaceChildren(terminalDetails(t));
    map.showTerminal(locode);
  };
  map.onTerminalClick((t) => show(t.locode));
  const picker = new TerminalPicker('Find a terminal', 'terminal', terminals);
  picker.input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      const t = picker.value;
      if (t) show(t.locode);
    }
  });
  picker.input.addEventListener('change', () => {
    const t = picker.value;
    if (t) show(t.locode);
  });

  const swatch = (colour: string, shape: 'line' | 'dot' | 'dash') => h('span', { class: `swatch ${shape}`, style: `--c: ${colour}`, 'aria-hidden': 'true' });
  const legend = h(
    'section',
    { class: 'legend', 'aria-labelledby': 'legend-title' },
    h('h2', { id: 'legend-title' }, 'Legend'),
    h(
      'ul',
      {},
      ...Object.entries(LINK_LABELS).map(([k, label]) => h('li', {}, swatch(LINK_COLOURS[k]!, k === 'ferry' || k === 'sea' ? 'dash' : 'line'), label)),
      ...Object.entries(TERMINAL_LABELS).map(([k, label]) => h('li', {}, swatch(TERMINAL_COLOURS[k]!, 'dot'), label)),
      h('li', {}, h('span', { class: 'swatch ring', 'aria-hidden': 'true' }), 'Gauge break (red ring)'),
    ),
  );
  const list = (title: string, items: typeof terminals) =>
    h(
      'section',
      { class: 'terminal-list' },
      h('h2', {}, `${title} (${items.length})`),
      h('ul', {}, ...items.map((t) => h('li', {}, h('button', { type: 'button', class: 'link', 'data-locode': t.locode }, `${t.name} (${t.locode})`)))),
    );
  const lists = h('div', {}, list('Gauge breaks', gaugeBreaks), list('Border crossings', borders));
  lists.addEventListener('click', (e) => {
    const locode = (e.target as HTMLElement).closest('button')?.dataset.locode;
    if (locode) show(locode);
  });
  panel.replaceChildren(
    h('h1', {}, 'Corridor map'),
    h('p', { class: 'summary' }, `${network.terminals.length} terminals and ${network.links.length} links: rail by gauge, ferry, sea and road. Hover or click a terminal for its details.`),
    picker.element,
    details,
    legend,
    lists,
  );
}
