import {ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal} from '@angular/core';
import {injectLlmObject} from 'llm-rx/angular';
import {CascadeEditor} from '../chat/cascade-editor';
import type {CascadeStep} from '../chat/cascade-step';
import {DemoModels} from '../chat/demo-models';
import type {MockScenarioPreset} from '../chat/mock-scenarios';
import {type MockScenarios, SimulatePanel} from '../chat/simulate-panel';
import {demoProvider} from '../common/provider-catalog';
import {DemoSettingsStore} from '../settings/demo-settings-store';
import type {ExtractExample, ExtractExampleId} from './extract-example';
import {EXTRACT_EXAMPLES, extractExample} from './extract-examples';
import {extractRequest} from './extract-request';
import {ExtractResult} from './extract-result';
import {carryScenarios, extractScenarioPresets} from './extract-scenarios';

/**
 * Extract: a text, a schema (contact card, recipe, invoice lines), the provider and model, and the object
 * streaming into a form as the model writes it (`injectLlmObject()`), validated at the end, or why it is not.
 * With simulated providers, the sample text of each schema has a prepared answer, and the simulate panel plays
 * the ways a structured answer fails.
 */
@Component({
  selector: 'app-extract-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CascadeEditor, ExtractResult, SimulatePanel],
  template: `
    <h1>Extract</h1>
    <div class="page">
      <form class="ask" (submit)="$event.preventDefault(); extract()">
        <fieldset class="schemas">
          <legend>Schema</legend>
          @for (option of examples; track option.id) {
            <label>
              <input
                type="radio"
                name="schema"
                [attr.data-testid]="'schema-' + option.id"
                [value]="option.id"
                [checked]="option.id === exampleId()"
                (change)="pick(option.id)"
              />
              {{ option.label }}
            </label>
          }
        </fieldset>
        <div class="text">
          <span class="caption">
            <label for="extract-text">Text to extract from</label>
            <button
              type="button"
              class="button"
              data-testid="use-sample"
              [disabled]="isSampleText()"
              (click)="useSample()"
            >
              Use sample
            </button>
          </span>
          <textarea
            id="extract-text"
            rows="9"
            data-testid="extract-text"
            placeholder="Paste an e-mail signature, a recipe or an invoice…"
            [value]="text()"
            (input)="text.set($any($event.target).value)"
            (keydown.control.enter)="extract()"
            (keydown.meta.enter)="extract()"
          ></textarea>
        </div>
        <div class="models">
          <span class="caption">Provider and model</span>
          <app-cascade-editor [(steps)]="steps" />
        </div>
        @if (isSimulated()) {
          <app-simulate-panel [providers]="providers()" [presets]="presets()" [(scenarios)]="scenarios" />
          <p class="hint" data-testid="answer-hint">
            @if (isSampleText()) {
              The simulated answer is prepared for this sample text.
            } @else {
              You edited the text: the simulated providers answer the mock server's sample for the schema (generic
              values such as "sample text"), not your text. "Use sample" brings the prepared answer back.
            }
          </p>
        }
        <div class="actions">
          <button type="submit" class="button primary" data-testid="extract" [disabled]="!text().trim()">
            Extract
          </button>
          <button type="button" class="button" data-testid="stop" [disabled]="!isStreaming()" (click)="stop()">
            Stop
          </button>
          <span class="mode">
            {{ isSimulated() ? 'Simulated providers (mock server)' : 'Real providers (through the demo proxy)' }}
          </span>
        </div>
      </form>
      @if (callExample(); as asked) {
        <app-extract-result
          [attr.data-call]="callNumber()"
          [example]="asked"
          [partial]="extraction.partial()"
          [object]="extraction.object()"
          [text]="extraction.text()"
          [status]="extraction.status()"
          [usage]="extraction.usage()"
          [error]="extraction.error()"
        />
      } @else {
        <p class="empty">Pick a schema, paste a text (or use the sample) and press Extract.</p>
      }
    </div>
  `,
  styles: `
    h1 {
      font-size: 1.5rem;
    }
    .page {
      display: grid;
      gap: 1rem;
      grid-template-columns: minmax(0, 1fr);
      align-items: start;
    }
    @media (min-width: 60rem) {
      .page {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      }
    }
    .ask {
      display: grid;
      gap: 0.75rem;
      min-width: 0;
    }
    .schemas {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      background: var(--surface);
      min-width: 0;
    }
    .text,
    .models {
      display: grid;
      gap: 0.25rem;
      font-size: 0.9rem;
    }
    .caption {
      display: flex;
      gap: 0.75rem;
      align-items: center;
    }
    textarea {
      width: 100%;
      box-sizing: border-box;
      font-size: 0.9rem;
    }
    .hint {
      font-size: 0.8rem;
      color: var(--muted);
      margin: -0.4rem 0 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .mode {
      font-size: 0.8rem;
      color: var(--muted);
    }
    .empty {
      color: var(--muted);
    }
  `,
})
export class ExtractPage {
  private readonly _models = inject(DemoModels);
  private readonly _settings = inject(DemoSettingsStore);

  protected readonly examples = EXTRACT_EXAMPLES;
  protected readonly exampleId = signal<ExtractExampleId>(EXTRACT_EXAMPLES[0].id);
  protected readonly example = computed(() => extractExample(this.exampleId()));
  protected readonly text = signal(EXTRACT_EXAMPLES[0].sampleText);
  protected readonly steps = signal<CascadeStep[]>([{provider: 'openai', model: demoProvider('openai').defaultModel}]);
  /** Whether the text is the schema's sample, which the simulated providers have a prepared answer for. */
  protected readonly isSampleText = computed(() => this.text().trim() === this.example().sampleText.trim());
  protected readonly presets = computed(() => extractScenarioPresets(this.example(), this.isSampleText()));
  /** The scenario of each simulated provider; a chosen preset follows the schema and the text. */
  protected readonly scenarios = linkedSignal<readonly MockScenarioPreset[], MockScenarios>({
    source: this.presets,
    computation: (presets, previous) => (previous ? carryScenarios(previous.value, previous.source, presets) : {}),
  });
  /** The object; `start()` cancels the call still running, and the page's destruction cancels it too. */
  protected readonly extraction = injectLlmObject();
  /** The schema of the last call, which the result shows even if another one is picked since. */
  protected readonly callExample = signal<ExtractExample | undefined>(undefined);
  /** Counts the calls of the page, so that a test can tell one result from the next. */
  protected readonly callNumber = signal(0);

  protected readonly providers = computed(() => this.steps().map(step => step.provider));
  protected readonly isSimulated = computed(() => this._settings.settings().connection === 'simulated');
  protected readonly isStreaming = computed(() => this.extraction.status() === 'streaming');

  /**
   * Picks a schema; a text that is empty or another schema's sample becomes this one's sample.
   * @param id The schema's example.
   */
  protected pick(id: ExtractExampleId): void {
    const text = this.text().trim();
    const isSample = EXTRACT_EXAMPLES.some(example => example.sampleText.trim() === text);
    this.exampleId.set(id);
    if (!text || isSample) this.useSample();
  }

  protected useSample(): void {
    this.text.set(this.example().sampleText);
  }

  /** Extracts the object from the text, cancelling the previous call if it still runs. */
  protected extract(): void {
    const text = this.text().trim();
    if (!text) return;
    const example = this.example();
    const scenarios = this.isSimulated() ? this._withDefaultScenarios() : {};
    this.extraction.start(extractRequest(example, text), this._models.forCall(this.steps(), scenarios));
    this.callExample.set(example);
    this.callNumber.update(number => number + 1);
  }

  /** Stops the call; unsubscribing aborts the HTTP request. */
  protected stop(): void {
    this.extraction.cancel();
  }

  private _withDefaultScenarios(): MockScenarios {
    const scenarios: Record<string, string> = {...this.scenarios()};
    for (const step of this.steps()) scenarios[step.provider] ??= this.presets()[0].scenario;
    return scenarios;
  }
}
