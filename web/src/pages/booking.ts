import { ApiError } from '../api';
import { h, statusLine } from '../dom';
import { containerProblem } from '../iso6346';
import type { Itinerary, PlanResponse } from '../types';
import type { PageContext } from './context';

const BOOKERS = new Set(['forwarder', 'shipper']);

/**
 * Booking the chosen itinerary (POST /api/shipments): the consignment note's fields and the containers; the plan
 * request goes back as the planner echoed it with the itinerary's id, and the server plans again to book its own copy.
 */
export function bookingForm(ctx: PageContext, plan: PlanResponse, it: Itinerary): HTMLElement {
  const party = ctx.caller.party;
  if (!party || !BOOKERS.has(party.kind)) {
    return h('p', { class: 'status info', role: 'status' }, `Booking needs a forwarder's or shipper's token; you are signed in as ${party ? `${party.name} (a ${party.kind})` : 'the operator'}.`);
  }
  const count = plan.request.containers?.reduce((n, c) => n + c.count, 0) ?? 1;
  const field = (id: string, label: string, input: HTMLElement) => h('div', { class: 'field' }, h('label', { for: id }, label), input);
  const consignee = h('input', { id: 'book-consignee', name: 'consignee', required: true, placeholder: 'party id, e.g. demo-consignee', autocomplete: 'off' });
  const goods = h('input', { id: 'book-goods', name: 'goods', required: true, maxlength: 512, placeholder: 'Laptop computers' });
  const hs = h('input', { id: 'book-hs', name: 'hs', required: true, placeholder: '8471.30', inputmode: 'numeric' });
  const packages = h('input', { id: 'book-packages', name: 'packages', type: 'number', min: 1, required: true, value: 1 });
  const mass = h('input', { id: 'book-mass', name: 'mass', type: 'number', min: 0.1, step: 0.1, required: true, placeholder: 'kg' });
  const containers = h('textarea', { id: 'book-containers', name: 'containers', rows: Math.min(count, 6), required: true, placeholder: 'CSQU3054383, one per line' });
  const status = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Book this itinerary');
  const form = h(
    'form',
    { class: 'booking', 'aria-labelledby': 'booking-title', novalidate: true },
    h('h3', { id: 'booking-title' }, `Book: ${it.corridor}`),
    field('book-consignee', 'Consignee (party id)', consignee),
    field('book-goods', 'Goods description', goods),
    h('div', { class: 'row' }, field('book-hs', 'HS code', hs), field('book-packages', 'Packages', packages), field('book-mass', 'Gross mass (kg)', mass)),
    field('book-containers', `Container numbers (${count})`, containers),
    submit,
    status,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const numbers = containers.value.split(/[\s,;]+/).map((s) => s.trim().toUpperCase()).filter((s) => s.length > 0);
    const problems = numbers.map(containerProblem).filter((p): p is string => p !== null);
    if (numbers.length === 0) problems.push('Enter at least one container number.');
    if (!consignee.value.trim()) problems.push('Enter the consignee party id.');
    if (!goods.value.trim()) problems.push('Describe the goods.');
    if (problems.length > 0) {
      status.replaceChildren(statusLine('error', problems.join(' ')));
      return;
    }
    submit.disabled = true;
    status.replaceChildren(statusLine('loading', 'Booking…'));
    try {
      const shipment = await ctx.api.book({
        parties: [],
        consignment: {
          consignor: party.id,
          consignee: consignee.value.trim(),
          placeOfTakingOver: plan.request.from,
          placeOfDelivery: plan.request.to,
          goodsDescription: goods.value.trim(),
          hsCode: hs.value.trim(),
          numberOfPackages: Number(packages.value),
          grossMassKg: Number(mass.value),
        },
        containers: numbers.map((number) => ({ number, seals: [] })),
        itinerary: { plan: plan.request, itineraryId: it.itineraryId },
      });
      status.replaceChildren(h('p', { class: 'status ok', role: 'status', 'data-shipment': shipment.id }, `Booked shipment ${shipment.id} (${shipment.status}).`));
    } catch (err) {
      status.replaceChildren(statusLine('error', err instanceof ApiError ? `The booking was refused: ${err.message}` : `The booking failed: ${String(err)}`));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
