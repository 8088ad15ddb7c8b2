import {ChangeDetectionStrategy, Component, model} from '@angular/core';
import {DEMO_CATALOG, type DemoProviderName, demoModels, demoProvider} from '../common/provider-catalog';
import {type CascadeStep, moveStep, nextFallbackStep} from './cascade-step';

/** Edits the ordered list of provider + model steps: one step asks one model, two or more make a cascade. */
@Component({
  selector: 'app-cascade-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="steps" data-testid="cascade-steps">
      @for (step of steps(); track $index; let index = $index, first = $first, last = $last) {
        <li data-testid="cascade-step">
          <span class="role">{{ first ? 'Primary' : 'Fallback ' + index }}</span>
          <select
            aria-label="Provider"
            data-testid="step-provider"
            (change)="setProvider(index, $any($event.target).value)"
          >
            @for (info of providers; track info.name) {
              <option [value]="info.name" [selected]="info.name === step.provider">{{ info.label }}</option>
            }
          </select>
          <select aria-label="Model" data-testid="step-model" (change)="setModel(index, $any($event.target).value)">
            @for (modelId of modelsOf(step.provider); track modelId) {
              <option [value]="modelId" [selected]="modelId === step.model">{{ modelId }}</option>
            }
          </select>
          <button type="button" title="Move up" aria-label="Move up" [disabled]="first" (click)="move(index, -1)">
            ↑
          </button>
          <button type="button" title="Move down" aria-label="Move down" [disabled]="last" (click)="move(index, 1)">
            ↓
          </button>
          <button
            type="button"
            title="Remove"
            aria-label="Remove"
            data-testid="step-remove"
            [disabled]="steps().length === 1"
            (click)="remove(index)"
          >
            ✕
          </button>
        </li>
      }
    </ol>
    <button type="button" data-testid="add-fallback" (click)="add()">+ Add fallback</button>
    @if (steps().length > 1) {
      <p class="hint">A cascade: the next provider is tried only if the previous one fails before any text.</p>
    }
  `,
  styles: `
    .steps {
      list-style: none;
      padding: 0;
      margin: 0 0 0.5rem;
      display: grid;
      gap: 0.35rem;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
      align-items: center;
    }
    /* A select is as wide as its longest model id; on a phone it shrinks to the line instead. */
    select {
      flex: 0 1 auto;
      min-width: 0;
      max-width: 100%;
    }
    .role {
      width: 6rem;
      font-size: 0.85rem;
      color: var(--muted);
    }
    .hint {
      font-size: 0.85rem;
      color: var(--muted);
      margin: 0.35rem 0 0;
    }
  `,
})
export class CascadeEditor {
  /** The steps, most preferred first. */
  readonly steps = model.required<CascadeStep[]>();
  protected readonly providers = DEMO_CATALOG;
  private readonly _models = new Map(DEMO_CATALOG.map(info => [info.name, demoModels(info.name)]));

  protected modelsOf(provider: DemoProviderName): string[] {
    return this._models.get(provider) ?? [];
  }

  protected setProvider(index: number, provider: DemoProviderName): void {
    this._replace(index, {provider, model: demoProvider(provider).defaultModel});
  }

  protected setModel(index: number, modelId: string): void {
    this._replace(index, {...this.steps()[index], model: modelId});
  }

  protected move(index: number, offset: -1 | 1): void {
    this.steps.set(moveStep(this.steps(), index, offset));
  }

  protected remove(index: number): void {
    this.steps.set(this.steps().filter((_step, position) => position !== index));
  }

  protected add(): void {
    this.steps.set([...this.steps(), nextFallbackStep(this.steps())]);
  }

  private _replace(index: number, step: CascadeStep): void {
    this.steps.set(this.steps().map((current, position) => (position === index ? step : current)));
  }
}
