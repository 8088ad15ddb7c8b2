import {cascade, type LlmAttemptStart, type LlmChunk, LlmProviderError} from 'llm-rx';
import {MockLlm} from 'llm-rx/testing';
import {catchError, EMPTY, firstValueFrom, lastValueFrom} from 'rxjs';
import type {LlmCallLog} from './llm-call-log';
import {loggedLlm} from './log-llm-calls';
import {billed, logPerSpec, request} from './log-llm-calls-fixtures';

// The rows of a logged cascade whose last child never reports usage: cancelled, or failed after content.
describe('loggedLlm', () => {
  let log: LlmCallLog;
  logPerSpec(opened => (log = opened));

  describe('a cascade that ends without a usage part', () => {
    const overloaded = new LlmProviderError('anthropic: overloaded', {
      provider: 'anthropic',
      statusCode: 529,
      usage: billed(3, 0.125),
    });
    const primary = () => new MockLlm({provider: 'anthropic', model: 'claude', script: {error: overloaded}});

    async function attemptRows() {
      await log.flush();
      const rows = await log.database.calls.toArray();
      rows.sort((left, right) => left.attemptIndex - right.attemptIndex);
      expect(new Set(rows.map(row => row.traceId)).size)
        .withContext('one trace')
        .toBe(1);
      expect(rows.map(row => row.provider)).not.toContain('cascade');
      return rows;
    }

    it("writes the failed attempt and the cancelled one, still calling the caller's own onAttempt", async () => {
      const fallback = new MockLlm({provider: 'gemini', model: 'flash', script: {chunks: ['Hel'], hang: true}});
      const starts: LlmAttemptStart[] = [];
      const llm = loggedLlm(cascade([primary(), fallback]), {log});
      const seen: LlmChunk[] = [];
      const subscription = llm
        .stream({
          ...request,
          onAttempt: start => {
            starts.push(start);
          },
        })
        .subscribe(chunk => seen.push(chunk));
      // Cancelled while the fallback streams: after its first chunk, before its end (it never ends).
      while (seen.length === 0) await new Promise(resolve => setTimeout(resolve, 1));
      subscription.unsubscribe();

      const rows = await attemptRows();
      expect(rows.map(row => [row.attemptIndex, row.attemptCount, row.provider, row.model, row.status])).toEqual([
        [0, 2, 'anthropic', 'claude', 'error'],
        [1, 2, 'gemini', 'flash', 'cancelled'],
      ]);
      expect([rows[0].inputTokens, rows[0].totalCost, rows[0].errorMessage]).toEqual([
        3,
        0.125,
        'anthropic: overloaded',
      ]);
      expect(starts.map(start => start.provider)).toEqual(['anthropic', 'gemini']);
      // The body belongs to the call's first row.
      const body = await log.database.bodies.get(rows[0].id);
      expect(body?.request).withContext('the hook is not stored').toEqual({
        systemPrompt: 'Be brief.',
        userPrompt: 'Say hello',
        temperature: 0.3,
      });
      expect(body?.response).toEqual({text: 'Hel', reasoning: ''});
    });

    it('writes the failed attempt and the one that errored after content, each with its billed usage', async () => {
      const broke = new LlmProviderError('gemini: stream broke', {provider: 'gemini', usage: billed(9, 1)});
      const fallback = new MockLlm({
        provider: 'gemini',
        model: 'flash',
        script: {chunks: ['Par', 'tial'], error: broke, errorAfterChunks: 1},
      });
      const errors: unknown[] = [];
      await lastValueFrom(
        loggedLlm(cascade([primary(), fallback]), {log})
          .stream(request)
          .pipe(catchError((error: unknown) => (errors.push(error), EMPTY))),
        {defaultValue: null},
      );
      expect(errors).withContext('the error passes unchanged').toEqual([broke]);

      const rows = await attemptRows();
      expect(
        rows.map(row => [row.attemptIndex, row.attemptCount, row.provider, row.status, row.inputTokens, row.totalCost]),
      ).toEqual([
        [0, 2, 'anthropic', 'error', 3, 0.125],
        [1, 2, 'gemini', 'error', 9, 1],
      ]);
      expect(rows.map(row => row.errorMessage)).toEqual(['anthropic: overloaded', 'gemini: stream broke']);
      expect(rows[0].startedAt).toBeLessThanOrEqual(rows[1].startedAt);
      const totals = await firstValueFrom(log.totals());
      expect([totals.calls, totals.inputTokens]).toEqual([2, 12]);
    });
  });
});
