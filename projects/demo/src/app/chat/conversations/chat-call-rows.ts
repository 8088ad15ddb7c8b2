import {inject, Injectable} from '@angular/core';
import {filter, firstValueFrom, map, take, timeout} from 'rxjs';
import {DEMO_CALL_LOG} from '../../common/demo-call-log';
import {answeringCallRowId, type AnswerWindow} from './answering-call-row';

/** How long the chat waits for an answer's row to be written (the log writes every 100 ms). */
const ROW_WAIT_MS = 10_000;

/**
 * Finds the log row of a chat answer. The chat's calls are logged with the label `chat` (`withLogging()` in
 * `app.config.ts`), and the chat sends one call at a time, so the answer's rows are the `chat` rows that started
 * within its send-to-end window; the row to link is the newest that answered (see `answeringCallRowId()`).
 */
@Injectable({providedIn: 'root'})
export class ChatCallRows {
  private readonly _log = inject(DEMO_CALL_LOG);

  /**
   * The id of an answer's row, once the log wrote it.
   * @param window When the answer was sent and ended.
   * @returns The id, or `undefined` when no row came in time (e.g. the log could not be written).
   */
  answeringRowId(window: AnswerWindow): Promise<string | undefined> {
    const rows = this._log.recentCalls({label: 'chat', from: window.startedAt, to: window.endedAt, limit: 20});
    return firstValueFrom(
      rows.pipe(
        map(page => answeringCallRowId(page, window)),
        filter(id => id !== undefined),
        take(1),
        timeout(ROW_WAIT_MS),
      ),
    ).catch(() => undefined);
  }
}
