import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  inject,
  input,
  viewChild,
} from '@angular/core';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

// Only what the dashboard draws, so that the rest of chart.js is tree-shaken away.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

/** A chart.js chart that redraws when its configuration signal changes, without recreating the canvas. */
@Component({
  selector: 'app-chart-canvas',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="box"><canvas #canvas [attr.aria-label]="label()" role="img"></canvas></div>`,
  styles: `
    .box {
      position: relative;
      height: 220px;
    }
  `,
})
export class ChartCanvas {
  /** The chart's type, data and options; a new value redraws it. */
  readonly config = input.required<ChartConfiguration>();
  /** What the chart shows, for screen readers. */
  readonly label = input.required<string>();
  private readonly _canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private _chart: Chart | undefined;
  private _type: string | undefined;

  constructor() {
    afterRenderEffect({
      write: () => {
        const config = this.config();
        if (this._chart && this._type === config.type) {
          // Updating in place keeps the canvas and skips the entry animation on every new call.
          this._chart.data = config.data;
          this._chart.options = config.options ?? {};
          this._chart.update('none');
          return;
        }
        this._chart?.destroy();
        this._chart = new Chart(this._canvas().nativeElement, config);
        this._type = config.type;
      },
    });
    inject(DestroyRef).onDestroy(() => this._chart?.destroy());
  }
}
