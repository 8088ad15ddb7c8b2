import {ChangeDetectionStrategy, Component, ElementRef, inject, output, viewChild} from '@angular/core';
import {CascadeEditor} from '../cascade-editor';
import {ChatSession} from '../chat-session';
import {SimulatePanel} from '../simulate-panel';

/**
 * The chat's settings, in a side panel beside the conversation: the system prompt, the cascade of providers and
 * models, the Tools switch and, with simulated providers, what each one plays. Non-modal on purpose: one tries a
 * scenario, sends, reads the answer, tries the next, with the panel open. On a phone it covers the page.
 */
@Component({
  selector: 'app-chat-settings-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CascadeEditor, SimulatePanel],
  host: {'(keydown.escape)': 'closed.emit()'},
  template: `
    <div class="panel-header">
      <h2 #heading tabindex="-1" id="chat-settings-title">Chat settings</h2>
      <button
        type="button"
        class="icon-button"
        data-testid="settings-close"
        aria-label="Close the settings"
        (click)="closed.emit()"
      >
        ✕
      </button>
    </div>
    <div class="field">
      <label for="chat-system-prompt">System prompt</label>
      <textarea
        id="chat-system-prompt"
        rows="2"
        data-testid="system-prompt"
        [value]="session.systemPrompt()"
        (input)="session.systemPrompt.set($any($event.target).value)"
      ></textarea>
    </div>
    <div class="field">
      <span class="caption">Provider and model</span>
      <app-cascade-editor [(steps)]="session.steps" />
    </div>
    <label class="switch">
      <input
        type="checkbox"
        data-testid="tools-switch"
        [checked]="session.tools()"
        (change)="session.tools.set($any($event.target).checked)"
      />
      Tools: a calculator, the current time, and facts about llm-rx
    </label>
    @if (session.isSimulated()) {
      <app-simulate-panel
        [providers]="session.providers()"
        [presets]="session.presets()"
        [(scenarios)]="session.scenarios"
      />
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 0.9rem;
      align-content: start;
    }
    .panel-header {
      display: flex;
      justify-content: space-between;
      align-items: center;
    }
    h2 {
      font-size: 1rem;
      margin: 0;
    }
    .field {
      display: grid;
      gap: 0.25rem;
      font-size: 0.9rem;
    }
    textarea {
      font: inherit;
      min-width: 0;
    }
    .switch {
      display: flex;
      gap: 0.4rem;
      align-items: center;
      font-size: 0.9rem;
    }
  `,
})
export class ChatSettingsPanel {
  protected readonly session = inject(ChatSession);
  /** Close was pressed, or Escape. */
  readonly closed = output();
  private readonly _heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  /** Moves the focus into the panel, to its heading. */
  focus(): void {
    this._heading().nativeElement.focus();
  }
}
