import { terminalLabel } from './labels';
import { duration } from './format';
import type { TerminalProperties } from './types';

/** A terminal's details as HTML (built with the DOM, never from strings): for the hover popup and the side panel. */
export function terminalDetails(t: TerminalProperties): HTMLElement {
  const box = document.createElement('div');
  box.className = 'terminal-details';
  const title = document.createElement('h3');
  title.textContent = t.name;
  box.append(title);
  const list = document.createElement('dl');
  const row = (term: string, value: string) => {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  };
  row('LOCODE', t.locode + (t.locodeStatus === 'verified' ? '' : ` (${t.locodeStatus})`));
  row('Kind', terminalLabel(t.kind));
  row('Country', t.country);
  if (t.gauges.length > 0) row('Gauges', t.gauges.map((g) => `${g} mm`).join(' / ') + (new Set(t.gauges).size > 1 ? ' — gauge break' : ''));
  row('Dwell P50 / P90', `${duration(t.dwellP50Hours)} / ${duration(t.dwellP90Hours)}`);
  row('Handling', `${duration(t.handlingHours)}, $${t.handlingUsd} per container`);
  row('Services', t.services.length > 0 ? t.services.join(', ') : 'none timetabled');
  box.append(list);
  return box;
}
