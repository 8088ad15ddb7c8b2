import {GEN_AI_METRIC} from 'llm-rx/telemetry';
import {MockLlm} from 'llm-rx/testing';
import {lastValueFrom, toArray} from 'rxjs';
import {CountingSpanExporter, createBenchTelemetrySdk} from './telemetry-sdk';

describe('createBenchTelemetrySdk', () => {
  it('sends a traced call’s spans through the batch processor to the exporter at flush, and records its metrics', async () => {
    const exporter = new CountingSpanExporter();
    const sdk = createBenchTelemetrySdk(exporter);
    try {
      const llm = sdk.telemetry.traceLlm(new MockLlm({script: [{chunks: ['Hi']}]}));
      await lastValueFrom(llm.stream({userPrompt: 'Hello'}).pipe(toArray()));
      expect(exporter.count).toBe(0);
      await sdk.flush();
      expect(exporter.count).toBeGreaterThanOrEqual(1);
      expect(exporter.lastBatch.map(span => span.name)).toContain('chat mock-model');
      expect(await sdk.histogramCount(GEN_AI_METRIC.operationDuration)).toBe(1);
      expect(await sdk.histogramCount('no.such.metric')).toBe(0);
    } finally {
      await sdk.shutdown();
    }
  });
});
