/** Words for people for the network's vocabulary (the CSV words of docs/data-format.md), for popups and the legend. */

export const TERMINAL_LABELS: Record<string, string> = {
  rail_terminal: 'Rail terminal',
  seaport: 'Seaport',
  ferry_port: 'Ferry port',
  border_crossing: 'Border crossing',
  dry_port: 'Dry port',
  inland_hub: 'Inland hub',
  junction: 'Junction',
};

export const LINK_LABELS: Record<string, string> = {
  'rail-1435': 'Rail, 1435 mm',
  'rail-1520': 'Rail, 1520 mm',
  'rail-other': 'Rail, other gauge',
  road: 'Road',
  ferry: 'Ferry',
  sea: 'Sea',
};

export function terminalLabel(kind: string): string {
  return TERMINAL_LABELS[kind] ?? kind.replace(/_/g, ' ');
}
