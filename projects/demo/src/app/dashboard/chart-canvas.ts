import {DOCUMENT} from '@angular/common';
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
import {ThemePreference} from '../shell/theme-preference';

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

/**
 * A chart.js chart that redraws when its configuration signal changes, without recreating the canvas, and when the
 * theme changes: a canvas cannot read CSS, so its text and grid take the theme's `--muted` and `--border` here. It
 * fills the width of its box, whose height is fixed (`responsive`, `maintainAspectRatio: false`).
 */
@Component({
  selector: 'app-chart-canvas',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="box"><canvas #canvas [attr.aria-label]="label()" role="img"></canvas></div>`,
  styles: `
    .box {
      position: relative;
      height: 240px;
      min-width: 0;
    }
    @media (max-width: 40rem) {
      .box {
        height: 220px;
      }
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
  private _themeDrawn: string | undefined;
  private readonly _theme = inject(ThemePreference).theme;
  private readonly _document = inject(DOCUMENT);

  constructor() {
    afterRenderEffect({
      write: () => {
        const config = this.config();
        const theme = this._theme();
        if (this._chart && this._type === config.type && this._themeDrawn === theme) {
          // Updating in place keeps the canvas and skips the entry animation on every new call.
          this._chart.data = config.data;
          this._chart.options = config.options ?? {};
          this._chart.update('none');
          return;
        }
        this._chart?.destroy();
        // A new chart reads the defaults (an update keeps the colours it resolved), so a new theme redraws it.
        Chart.defaults.color = this._resolvedColor('--muted');
        Chart.defaults.borderColor = this._resolvedColor('--border');
        this._chart = new Chart(this._canvas().nativeElement, config);
        this._type = config.type;
        this._themeDrawn = theme;
      },
    });
    inject(DestroyRef).onDestroy(() => this._chart?.destroy());
  }

  /** A colour token as the browser resolves it (the token is a `light-dark()` expression, which a canvas cannot use). */
  private _resolvedColor(token: string): string {
    const probe = this._document.createElement('span');
    probe.style.color = `var(${token})`;
    this._canvas().nativeElement.parentElement?.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  }
}
