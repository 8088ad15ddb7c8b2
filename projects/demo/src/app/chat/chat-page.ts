import {ChangeDetectionStrategy, Component, computed, inject, signal} from '@angular/core';
import {injectLlmStream} from 'llm-rx/angular';
import {DemoSettingsStore} from '../settings/demo-settings-store';
import {demoProvider} from '../common/provider-catalog';
import {AnswerView} from './answer-view';
import {CascadeEditor} from './cascade-editor';
import type {CascadeStep} from './cascade-step';
import {DemoModels} from './demo-models';
import {DEFAULT_MOCK_SCENARIO} from './mock-scenarios';
import {type MockScenarios, SimulatePanel} from './simulate-panel';

/**
 * The chat: a prompt, a system prompt, the cascade of providers and models, the simulated scenarios, and the
 * answer streaming in.
 */
@Component({
  selector: 'app-chat-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AnswerView, CascadeEditor, SimulatePanel],
  template: `
    <form class="ask" (submit)="$event.preventDefault(); send()">
      <label>
        System prompt
        <input
          data-testid="system-prompt"
          [value]="systemPrompt()"
          (input)="systemPrompt.set($any($event.target).value)"
        />
      </label>
      <label>
        Prompt
        <textarea
          rows="3"
          data-testid="prompt"
          [value]="prompt()"
          (input)="prompt.set($any($event.target).value)"
          (keydown.control.enter)="send()"
          (keydown.meta.enter)="send()"
        ></textarea>
      </label>
      <div class="models">
        <span class="caption">Provider and model</span>
        <app-cascade-editor [(steps)]="steps" />
      </div>
      @if (isSimulated()) {
        <app-simulate-panel [providers]="providers()" [(scenarios)]="scenarios" />
      }
      <div class="actions">
        <button type="submit" data-testid="send" [disabled]="!prompt().trim()">Send</button>
        <button type="button" data-testid="cancel" [disabled]="!isStreaming()" (click)="cancel()">Cancel</button>
        <span class="mode">
          {{ isSimulated() ? 'Simulated providers (mock server)' : 'Real providers (through the dev-server proxy)' }}
        </span>
      </div>
    </form>
    @if (callNumber() > 0) {
      <app-answer-view
        [attr.data-call]="callNumber()"
        [text]="answer.text()"
        [reasoning]="answer.reasoning()"
        [status]="answer.status()"
        [usage]="answer.usage()"
        [error]="answer.error()"
      />
    }
  `,
  styles: `
    .ask {
      display: grid;
      gap: 0.75rem;
      margin-bottom: 1rem;
    }
    label,
    .models {
      display: grid;
      gap: 0.25rem;
      font-size: 0.9rem;
    }
    input,
    textarea,
    select {
      font: inherit;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
    .mode {
      font-size: 0.8rem;
      color: #666;
    }
  `,
})
export class ChatPage {
  private readonly _models = inject(DemoModels);
  private readonly _settings = inject(DemoSettingsStore);

  protected readonly prompt = signal('Why is the sky blue?');
  protected readonly systemPrompt = signal('Answer in markdown, briefly.');
  protected readonly steps = signal<CascadeStep[]>([{provider: 'openai', model: demoProvider('openai').defaultModel}]);
  protected readonly scenarios = signal<MockScenarios>({});
  /** The answer; `start()` cancels the call still running, and the page's destruction cancels it too. */
  protected readonly answer = injectLlmStream();
  /** Counts the calls of the page, so that a test can tell one answer from the next. */
  protected readonly callNumber = signal(0);

  protected readonly providers = computed(() => this.steps().map(step => step.provider));
  protected readonly isSimulated = computed(() => this._settings.settings().connection === 'simulated');
  protected readonly isStreaming = computed(() => this.answer.status() === 'streaming');

  /** Asks the prompt, cancelling the previous call if it still runs. */
  protected send(): void {
    const userPrompt = this.prompt().trim();
    if (!userPrompt) return;
    const scenarios = this.isSimulated() ? this._withDefaultScenarios() : {};
    const systemPrompt = this.systemPrompt().trim();
    this.answer.start({userPrompt, ...(systemPrompt && {systemPrompt})}, this._models.forCall(this.steps(), scenarios));
    this.callNumber.update(number => number + 1);
  }

  /** Stops the answer; unsubscribing aborts the HTTP request. */
  protected cancel(): void {
    this.answer.cancel();
  }

  private _withDefaultScenarios(): MockScenarios {
    const scenarios: Record<string, string> = {...this.scenarios()};
    for (const step of this.steps()) scenarios[step.provider] ??= DEFAULT_MOCK_SCENARIO;
    return scenarios;
  }
}
