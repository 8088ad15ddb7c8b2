import {ChangeDetectionStrategy, Component, computed, inject, signal} from '@angular/core';
import {injectLlmStream} from 'llm-rx/angular';
import {DemoSettingsStore} from '../settings/demo-settings-store';
import {demoProvider} from '../common/provider-catalog';
import {AnswerView} from './answer-view';
import {CascadeEditor} from './cascade-editor';
import type {CascadeStep} from './cascade-step';
import {DemoModels} from './demo-models';
import {MOCK_SCENARIO_PRESETS, TOOL_MOCK_SCENARIO_PRESETS} from './mock-scenarios';
import {type MockScenarios, SimulatePanel} from './simulate-panel';
import {demoTools} from './tools/demo-tools';
import {simulatedToolCall, toolScenarioKeys} from './tools/tool-scenario';

/** The most model calls of one answer with tools. */
const MAX_TOOL_STEPS = 4;

/**
 * The chat: a prompt, a system prompt, the cascade of providers and models, the simulated scenarios, the tools
 * switch, and the answer streaming in, with its tool calls as cards.
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
      <label class="switch">
        <input
          type="checkbox"
          data-testid="tools-switch"
          [checked]="tools()"
          (change)="tools.set($any($event.target).checked)"
        />
        Tools: a calculator, the current time, and facts about llm-rx
      </label>
      @if (isSimulated()) {
        <app-simulate-panel [providers]="providers()" [presets]="presets()" [(scenarios)]="scenarios" />
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
        [toolCalls]="answer.toolCalls()"
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
    .switch {
      display: flex;
      gap: 0.4rem;
      align-items: center;
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
  /** Whether the model may call the demo's tools (`runTools()`), which run in the page. */
  protected readonly tools = signal(false);
  private readonly _tools = demoTools();
  /** The answer; `start()` cancels the call still running, and the page's destruction cancels it too. */
  protected readonly answer = injectLlmStream();
  /** Counts the calls of the page, so that a test can tell one answer from the next. */
  protected readonly callNumber = signal(0);

  protected readonly providers = computed(() => this.steps().map(step => step.provider));
  protected readonly isSimulated = computed(() => this._settings.settings().connection === 'simulated');
  protected readonly isStreaming = computed(() => this.answer.status() === 'streaming');
  /** The simulations on offer: with tools, ones made for a tool call, the default first. */
  protected readonly presets = computed(() => (this.tools() ? TOOL_MOCK_SCENARIO_PRESETS : MOCK_SCENARIO_PRESETS));

  /** Asks the prompt, cancelling the previous call if it still runs; with tools, runs the tool loop. */
  protected send(): void {
    const userPrompt = this.prompt().trim();
    if (!userPrompt) return;
    const systemPrompt = this.systemPrompt().trim();
    const request = {userPrompt, ...(systemPrompt && {systemPrompt})};
    if (this.tools()) {
      const scenarios = this.isSimulated() ? this._withToolCall(this._withDefaultScenarios(), userPrompt) : {};
      this.answer.runTools(
        {...request, tools: this._tools},
        {...this._models.forCall(this.steps(), scenarios), maxSteps: MAX_TOOL_STEPS},
      );
    } else {
      const scenarios = this.isSimulated() ? this._withDefaultScenarios() : {};
      this.answer.start(request, this._models.forCall(this.steps(), scenarios));
    }
    this.callNumber.update(number => number + 1);
  }

  /** Stops the answer; unsubscribing aborts the HTTP request. */
  protected cancel(): void {
    this.answer.cancel();
  }

  private _withDefaultScenarios(): MockScenarios {
    const scenarios: Record<string, string> = {...this.scenarios()};
    for (const step of this.steps()) scenarios[step.provider] ??= this.presets()[0].scenario;
    return scenarios;
  }

  /** The scenarios, each making the simulated model call the tool that fits the prompt, with real arguments. */
  private _withToolCall(scenarios: MockScenarios, prompt: string): MockScenarios {
    const localTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const keys = toolScenarioKeys(simulatedToolCall(prompt, localTimeZone));
    return Object.fromEntries(
      Object.entries(scenarios).map(([provider, scenario]) => [provider, [scenario, ...keys].join(';')]),
    );
  }
}
