import {ChangeDetectionStrategy, Component, computed, input} from '@angular/core';
import type {LlmObjectIssue} from 'llm-rx';
import {FIELD_STYLES} from './field-styles';
import type {ObjectLayout} from './object-layout';
import {objectFormView} from './object-form-view';
import {placeholderOf, ValueField} from './value-field';

/**
 * The form of an object as it streams: fields appear as the model writes them, list items and table rows are
 * appended, the part being written is marked (`data-state="writing"`), and once validation refused the object,
 * each issue sits on the field it is about. The object signal changes at most once per frame
 * (`injectLlmObject()` paces it), and so does this view.
 */
@Component({
  selector: 'app-object-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ValueField],
  template: `
    <div class="form" data-testid="object-form">
      @for (field of fields(); track field.id) {
        @switch (field.kind) {
          @case ('value') {
            <app-value-field [field]="field" />
          }
          @case ('list') {
            <div
              class="object-field"
              [attr.data-testid]="'field-' + field.id"
              [attr.data-state]="field.state"
              [class.has-issue]="field.issue !== undefined"
            >
              <span class="label">{{ field.label }}</span>
              <div class="value">
                @if (field.items.length) {
                  <ol class="items">
                    @for (item of field.items; track $index) {
                      <li [attr.data-testid]="'item-' + field.id" [attr.data-state]="item.state">
                        {{ item.text }}
                        @if (item.issue; as issue) {
                          <span class="issue">{{ issue }}</span>
                        }
                      </li>
                    }
                  </ol>
                } @else {
                  {{ field.otherText || placeholder(field.state) }}
                }
              </div>
              @if (field.issue; as issue) {
                <span class="issue" data-testid="field-issue">{{ issue }}</span>
              }
            </div>
          }
          @case ('group') {
            <fieldset
              class="group"
              [attr.data-testid]="'field-' + field.id"
              [attr.data-state]="field.state"
              [class.has-issue]="field.issue !== undefined"
            >
              <legend>{{ field.label }}</legend>
              @if (field.otherText) {
                <span class="value">{{ field.otherText }}</span>
              }
              @for (sub of field.fields; track sub.id) {
                <app-value-field [field]="sub" />
              }
              @if (field.issue; as issue) {
                <span class="issue" data-testid="field-issue">{{ issue }}</span>
              }
            </fieldset>
          }
          @case ('table') {
            <div
              class="table-field"
              [attr.data-testid]="'field-' + field.id"
              [attr.data-state]="field.state"
              [class.has-issue]="field.issue !== undefined"
            >
              <span class="label">{{ field.label }}</span>
              <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="field.label">
                <table>
                  <thead>
                    <tr>
                      @for (column of field.columns; track column.key) {
                        <th [class.numeric]="column.isNumeric">{{ column.label }}</th>
                      }
                    </tr>
                  </thead>
                  <tbody>
                    @for (row of field.rows; track $index) {
                      <tr [attr.data-testid]="'row-' + field.id" [attr.data-state]="row.state">
                        @for (cell of row.cells; track $index; let column = $index) {
                          <td
                            [attr.data-testid]="'cell-' + field.columns[column].key"
                            [attr.data-state]="cell.state"
                            [class.numeric]="field.columns[column].isNumeric"
                            [class.has-issue]="cell.issue !== undefined"
                          >
                            {{ cell.text || placeholder(cell.state) }}
                            @if (cell.issue; as issue) {
                              <span class="issue">{{ issue }}</span>
                            }
                          </td>
                        }
                      </tr>
                    } @empty {
                      <tr>
                        <td class="empty" [attr.colspan]="field.columns.length">
                          {{ field.otherText || placeholder(field.state) }}
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
              @if (field.issue; as issue) {
                <span class="issue" data-testid="field-issue">{{ issue }}</span>
              }
            </div>
          }
        }
      }
    </div>
  `,
  styles: [
    FIELD_STYLES,
    `
      .form {
        display: grid;
        gap: 0.5rem;
      }
      .items {
        margin: 0;
        padding-left: 1.2rem;
      }
      .group {
        border: 1px solid var(--border);
        border-radius: 6px;
        min-width: 0;
        margin: 0;
        padding: 0.25rem 0.35rem 0.35rem;
        display: grid;
        gap: 0.2rem;
      }
      .group legend {
        color: var(--muted);
        font-size: 0.85rem;
      }
      .table-field {
        display: grid;
        gap: 0.25rem;
        min-width: 0;
        padding: 0.15rem 0.35rem;
      }
      /* A wide table scrolls inside its box, never the page. */
      .table-scroll {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.9rem;
      }
      th,
      td {
        text-align: left;
        padding: 0.2rem 0.4rem;
        border-bottom: 1px solid var(--border);
        overflow-wrap: anywhere;
      }
      th {
        color: var(--muted);
        font-weight: 500;
        font-size: 0.8rem;
        overflow-wrap: normal;
      }
      .numeric {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .empty {
        color: var(--muted);
      }
      /* The list item or table row the model is writing (its container is marked too, but not highlighted). */
      li[data-state='writing'],
      tr[data-state='writing'] {
        background: var(--warning-surface);
      }
      li[data-state='writing']::after,
      td[data-state='writing']::after {
        content: '▍';
        color: var(--accent);
      }
      .object-field[data-state='pending'] .value,
      .object-field[data-state='absent'] .value {
        color: var(--muted);
      }
    `,
  ],
})
export class ObjectForm {
  /** The fields to show. */
  readonly layout = input.required<ObjectLayout>();
  /** The object so far, the validated one, or the one validation refused. */
  readonly value = input<unknown>(undefined);
  /** Whether the object still streams: what is missing may still come, and the growing part is marked. */
  readonly isStreaming = input(false);
  /** The issues of a failed validation, shown on their fields. */
  readonly issues = input<readonly LlmObjectIssue[]>([]);

  protected readonly fields = computed(() =>
    objectFormView(this.layout(), this.value(), {isStreaming: this.isStreaming(), issues: this.issues()}),
  );

  protected placeholder(state: Parameters<typeof placeholderOf>[0]): string {
    return placeholderOf(state);
  }
}
