import { ApiError } from '../api';
import { ParetoChart } from '../chart';
import { h, statusLine } from '../dom';
import { co2e, countryName, duration, km, timeElement, tomorrowUtc, usd } from '../format';
import { networkCountries } from '../network';
import { TerminalPicker } from '../picker';
import { timelineSegments } from '../timeline';
import { MODES } from '../types';
import type { Itinerary, Mode, PlanRequest, PlanResponse } from '../types';
import type { PageContext } from './context';
import { bookingForm } from './booking';

const CONTAINER_TYPES = ['40HC', '40GP', '20GP', '40RF', '20RF'];

/** The plan page: the route question, the Pareto chart beside the list, the chosen itinerary on the map and its timeline. */
export function planPage(ctx: PageContext): void {
  const { api, network, map, panel } = ctx;
  void map.showItinerary(null);
  const terminals = network.terminals.map((t) => t.properties);
  const from = new TerminalPicker('From', 'from', terminals);
  const to = new TerminalPicker('To', 'to', terminals);
  const date = h('input', { id: 'plan-date', name: 'date', type: 'date', required: true, value: tomorrowUtc(new Date()) });
  const count = h('input', { id: 'plan-count', name: 'count', type: 'number', min: 1, max: 1000, value: 1, required: true, inputmode: 'numeric' });
  const type = h('select', { id: 'plan-type', name: 'type' }, ...CONTAINER_TYPES.map((t) => h('option', { value: t }, t)));
  const countries = networkCountries(terminals);
  const avoid = h(
    'fieldset',
    { class: 'checks countries' },
    h('legend', {}, 'Countries to avoid'),
    ...countries.map((c) => h('label', {}, h('input', { type: 'checkbox', name: 'avoid', value: c }), ` ${countryName(c)} (${c})`)),
  );
  const modes = h(
    'fieldset',
    { class: 'checks modes' },
    h('legend', {}, 'Modes'),
    ...MODES.map((m) => h('label', {}, h('input', { type: 'checkbox', name: 'mode', value: m, checked: true }), ` ${m}`)),
  );
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Compare routes');
  const formStatus = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'plan-form', 'aria-label': 'Route question', novalidate: true },
    from.element,
    to.element,
    h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: 'plan-date' }, 'Ready on (UTC day)'), date), h('div', { class: 'field' }, h('label', { for: 'plan-count' }, 'Containers'), count), h('div', { class: 'field' }, h('label', { for: 'plan-type' }, 'Type'), type)),
    avoid,
    modes,
    submit,
    formStatus,
  );

  const chartBox = h('div', { class: 'chart', id: 'pareto', role: 'img', 'aria-label': 'Pareto chart: arrival against cost, CO2e as colour' });
  const list = h('ol', { class: 'itineraries', 'aria-label': 'Itineraries' });
  const timeline = h('section', { class: 'timeline-box', 'aria-label': 'Leg timeline' });
  const booking = h('section', { class: 'booking-box' });
  const results = h('section', { class: 'results', hidden: true, 'aria-labelledby': 'results-title' }, h('h2', { id: 'results-title' }, 'Routes'), h('div', { class: 'compare' }, chartBox, list), timeline, booking);
  panel.replaceChildren(h('h1', {}, 'Plan a route'), form, results);

  let plan: PlanResponse | null = null;
  let chosen: string | null = null;
  const chart = new ParetoChart(chartBox, (id) => choose(id));

  function choose(id: string): void {
    if (!plan) return;
    const it = plan.itineraries.find((i) => i.itineraryId === id);
    if (!it) return;
    chosen = id;
    chart.show(plan.itineraries, chosen);
    list.querySelectorAll('button[data-itinerary]').forEach((b) => b.setAttribute('aria-pressed', String((b as HTMLElement).dataset.itinerary === id)));
    void map.showItinerary(it);
    timeline.replaceChildren(...renderTimeline(it, plan.request.earliestDeparture, (c) => network.byLocode.get(c)?.properties.name ?? c));
    booking.replaceChildren(bookingForm(ctx, plan, it));
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const origin = from.value;
    const destination = to.value;
    const problems: string[] = [];
    if (!origin) problems.push('Choose where from: type a name or LOCODE and pick a terminal.');
    if (!destination) problems.push('Choose where to: type a name or LOCODE and pick a terminal.');
    const n = Number(count.value);
    if (!Number.isInteger(n) || n < 1 || n > 1000) problems.push('Containers must be a whole number from 1 to 1000.');
    if (!date.value) problems.push('Choose the day the containers are ready.');
    const chosenModes = [...modes.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value as Mode);
    if (chosenModes.length === 0) problems.push('Choose at least one mode.');
    if (problems.length > 0) {
      formStatus.replaceChildren(statusLine('error', problems.join(' ')));
      return;
    }
    const avoided = [...avoid.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    const request: PlanRequest = {
      from: origin!.locode,
      to: destination!.locode,
      earliestDeparture: `${date.value}T00:00:00Z`,
      containers: [{ type: type.value, count: n }],
      avoidCountries: avoided,
      modes: chosenModes,
    };
    submit.disabled = true;
    formStatus.replaceChildren(statusLine('loading', `Planning ${origin!.name} → ${destination!.name}…`));
    void map.shadeCountries(avoided.map(countryName));
    try {
      plan = await api.plan(request);
      chosen = null;
      showResults(plan);
    } catch (err) {
      formStatus.replaceChildren(statusLine('error', err instanceof ApiError ? `The plan failed: ${err.message}` : `The plan failed: ${String(err)}`));
    } finally {
      submit.disabled = false;
    }
  });

  function showResults(answer: PlanResponse): void {
    results.hidden = false;
    timeline.replaceChildren();
    booking.replaceChildren();
    if (answer.itineraries.length === 0) {
      formStatus.replaceChildren(statusLine('info', `No route: ${answer.noRoute ?? 'the planner found none'}.`));
      list.replaceChildren();
      chart.show([], null);
      void map.showItinerary(null);
      return;
    }
    formStatus.replaceChildren(statusLine('info', `${answer.itineraries.length} itineraries: none is beaten on arrival, cost and CO2e by another. Choose one on the chart or in the list.`));
    list.replaceChildren(...answer.itineraries.map((it, i) => h('li', {}, itineraryButton(it, i))));
    list.querySelectorAll('button[data-itinerary]').forEach((b) => b.addEventListener('click', () => choose((b as HTMLElement).dataset.itinerary!)));
    chart.show(answer.itineraries, null);
    requestAnimationFrame(() => chart.resize());
    choose(answer.itineraries[0]!.itineraryId);
  }
}

function itineraryButton(it: Itinerary, index: number): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: 'itinerary', 'data-itinerary': it.itineraryId, 'data-countries': it.countries.join(','), 'aria-pressed': 'false' },
    h('span', { class: 'title' }, `${index + 1}. ${it.corridor}`),
    h('span', { class: 'when' }, 'Arrives ', timeElement(it.arrival), ` · P90 `, timeElement(it.arrivalP90)),
    h('span', { class: 'figures' }, `${duration(it.transitHours)} · ${usd(it.costUsd)} · ${co2e(it.co2eKg)} · ${km(it.distanceKm)}`),
    h('span', { class: 'countries' }, `Through ${it.countries.join(', ')}`),
  );
}

function renderTimeline(it: Itinerary, readyAt: string | undefined, name: (locode: string) => string): Node[] {
  const rows = timelineSegments(it, readyAt).map((s) =>
    s.kind === 'wait'
      ? h('li', { class: 'wait' }, h('span', { class: 'what' }, `Wait at ${name(s.at)} (${s.at})`), h('span', { class: 'span' }, timeElement(s.start), ' → ', timeElement(s.end)), h('span', { class: 'hours' }, duration(s.hours)))
      : h(
          'li',
          { class: `move mode-${s.mode}` },
          h('span', { class: 'what' }, `${s.mode[0]!.toUpperCase()}${s.mode.slice(1)} ${name(s.from)} → ${name(s.to)}`, s.service ? h('span', { class: 'service' }, ` · ${s.service}`) : null, ` · ${s.operator}`),
          h('span', { class: 'span' }, timeElement(s.start), ' → ', timeElement(s.end)),
          h('span', { class: 'hours' }, duration(s.hours)),
        ),
  );
  return [h('h3', {}, 'Leg timeline'), h('ol', { class: 'timeline' }, ...rows)];
}
