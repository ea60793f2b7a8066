import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Itinerary } from './types';
import { paretoData } from './pareto';
import { co2e, localTime, usd, utcTime, duration } from './format';

// Only what the Pareto chart uses: a scatter on a time × value grid, a tooltip and the CO2e colour scale.
echarts.use([ScatterChart, GridComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

/** The Pareto chart of a plan: arrival (x) against cost (y), CO2e as colour; a click chooses the itinerary. */
export class ParetoChart {
  private readonly chart: echarts.EChartsType;
  private itineraries: Itinerary[] = [];

  constructor(element: HTMLElement, onChoose: (id: string) => void) {
    this.chart = echarts.init(element, undefined, { renderer: 'svg' });
    this.chart.on('click', (params) => {
      const id = (params.data as { id?: string } | undefined)?.id;
      if (id) onChoose(id);
    });
  }

  show(itineraries: Itinerary[], chosen: string | null): void {
    this.itineraries = itineraries;
    const data = paretoData(itineraries);
    this.chart.setOption(
      {
        animation: false,
        grid: { left: 64, right: 24, top: 16, bottom: 72 },
        xAxis: { type: 'time', name: 'Arrival', nameLocation: 'middle', nameGap: 28, axisLabel: { hideOverlap: true } },
        yAxis: { type: 'value', name: 'Cost (USD)', nameLocation: 'middle', nameGap: 48, scale: true },
        visualMap: {
          type: 'continuous',
          dimension: 2,
          min: data.co2eRange[0],
          max: data.co2eRange[1],
          orient: 'horizontal',
          left: 'center',
          bottom: 0,
          itemHeight: 120,
          text: ['more CO2e', 'less CO2e'],
          calculable: false,
          inRange: { color: ['#1a9850', '#fee08b', '#d73027'] },
        },
        tooltip: {
          trigger: 'item',
          formatter: (p: unknown) => {
            const id = (p as { data: { id: string } }).data.id;
            const it = this.itineraries.find((i) => i.itineraryId === id);
            if (!it) return '';
            return [
              `<strong>${escapeHtml(it.corridor)}</strong>`,
              `Arrives ${escapeHtml(localTime(it.arrival))} (${escapeHtml(utcTime(it.arrival))})`,
              `${duration(it.transitHours)} · ${usd(it.costUsd)} · ${co2e(it.co2eKg)}`,
            ].join('<br>');
          },
        },
        series: [
          {
            type: 'scatter',
            symbolSize: (_: unknown, p: { data: { id: string } }) => (p.data.id === chosen ? 22 : 14),
            itemStyle: { borderColor: '#111', borderWidth: 1 },
            data: data.points.map((pt) => ({ id: pt.id, name: pt.label, value: pt.value, itemStyle: pt.id === chosen ? { borderWidth: 3 } : {} })),
          },
        ],
      },
      { notMerge: true },
    );
  }

  resize(): void {
    this.chart.resize();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
