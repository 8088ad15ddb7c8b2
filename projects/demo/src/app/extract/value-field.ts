import {ChangeDetectionStrategy, Component, input} from '@angular/core';
import {FIELD_STYLES} from './field-styles';
import type {FieldState, ValueFieldView} from './object-form-view';

/**
 * What a field shows while it has no text: `…` while it may still come, `—` when the finished object left it out.
 * @param state The field's state.
 * @returns The placeholder.
 */
export function placeholderOf(state: FieldState): string {
  switch (state) {
    case 'pending':
      return '…';
    case 'absent':
      return '—';
    default:
      return '';
  }
}

/** One labelled value of the form: its text as it streams, marked while it is written, and the schema's issue. */
@Component({
  selector: 'app-value-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'object-field',
    '[attr.data-testid]': "'field-' + field().id",
    '[attr.data-state]': 'field().state',
    '[class.has-issue]': 'field().issue !== undefined',
  },
  template: `
    <span class="label">{{ field().label }}</span>
    <span class="value" data-testid="value" [class.numeric]="field().isNumeric">{{
      field().text || placeholder(field().state)
    }}</span>
    @if (field().issue; as issue) {
      <span class="issue" data-testid="field-issue">{{ issue }}</span>
    }
  `,
  styles: [
    FIELD_STYLES,
    `
      /* The value the model is writing: highlighted, with a caret after it. */
      :host([data-state='writing']) {
        background: var(--warning-surface);
      }
      :host([data-state='writing']) .value::after {
        content: '▍';
        color: var(--accent);
      }
      :host([data-state='pending']) .value,
      :host([data-state='absent']) .value {
        color: var(--muted);
      }
    `,
  ],
})
export class ValueField {
  /** The field. */
  readonly field = input.required<ValueFieldView>();

  protected placeholder(state: FieldState): string {
    return placeholderOf(state);
  }
}
