import {AsyncPipe} from '@angular/common';
import {ChangeDetectionStrategy, Component, provideZonelessChangeDetection, signal} from '@angular/core';
import {TestBed} from '@angular/core/testing';
import {BehaviorSubject} from 'rxjs';
import type {StreamingMarkdownOptions} from 'llm-rx/markdown';
import {LlmMarkdown} from './llm-markdown';

@Component({
  selector: 'llm-test-signal-answer',
  imports: [LlmMarkdown],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<llm-markdown [text]="text()" [streaming]="streaming()" [options]="options" />',
})
class SignalAnswer {
  readonly text = signal('');
  readonly streaming = signal(true);
  readonly options: StreamingMarkdownOptions = {highlight: false};
}

@Component({
  selector: 'llm-test-observable-answer',
  imports: [LlmMarkdown, AsyncPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<llm-markdown [text]="text | async" streaming [options]="options" />',
})
class ObservableAnswer {
  readonly text = new BehaviorSubject('');
  readonly options: StreamingMarkdownOptions = {highlight: false};
}

describe('LlmMarkdown', () => {
  beforeEach(() => TestBed.configureTestingModule({providers: [provideZonelessChangeDetection()]}));

  it('renders a text signal as it streams, keeping finished blocks, and finishes when streaming ends', async () => {
    const fixture = TestBed.createComponent(SignalAnswer);
    const host: HTMLElement = fixture.nativeElement.querySelector('llm-markdown');
    fixture.componentInstance.text.set('# Title\n\nFirst.\n\nSome **bold');
    await fixture.whenStable();
    const title = host.querySelector('h1');
    expect(title?.textContent).toBe('Title');
    expect(host.querySelector('strong')?.textContent).toBe('bold');
    expect(host.classList).toContain('llm-markdown-streaming');

    fixture.componentInstance.text.set('# Title\n\nFirst.\n\nSome **bold');
    fixture.componentInstance.streaming.set(false);
    await fixture.whenStable();
    expect(host.querySelector('h1')).toBe(title);
    expect(host.querySelector('strong')).toBeNull();
    expect(host.classList).not.toContain('llm-markdown-streaming');
  });

  it('renders an Observable bound through async', async () => {
    const fixture = TestBed.createComponent(ObservableAnswer);
    const host: HTMLElement = fixture.nativeElement.querySelector('llm-markdown');
    fixture.componentInstance.text.next('Hello `wor');
    await fixture.whenStable();
    expect(host.querySelector('code')?.textContent).toBe('wor');
    fixture.componentInstance.text.next('Hello `world` and [a link](https://example.com).');
    await fixture.whenStable();
    const link = host.querySelector('a')!;
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('keeps a wide table and a long code line inside a 360 px column, each scrolling in its own box', async () => {
    const fixture = TestBed.createComponent(SignalAnswer);
    const host: HTMLElement = fixture.nativeElement.querySelector('llm-markdown');
    fixture.nativeElement.style.cssText = 'display: block; width: 360px';
    document.body.append(fixture.nativeElement);
    const wideRow = Array.from({length: 12}, (_, index) => `| column number ${index} `).join('') + '|';
    const delimiter = '| --- '.repeat(12) + '|';
    const longLine = 'const x = ' + '"a long string" + '.repeat(20) + '"";';
    fixture.componentInstance.text.set(`${wideRow}\n${delimiter}\n${wideRow}\n\n\`\`\`js\n${longLine}\n\`\`\`\n\nEnd.`);
    fixture.componentInstance.streaming.set(false);
    await fixture.whenStable();
    const table = host.querySelector('table')!;
    const pre = host.querySelector('pre')!;
    expect(host.scrollWidth).toBeLessThanOrEqual(360);
    expect(table.clientWidth).toBeLessThanOrEqual(360);
    expect(table.scrollWidth).toBeGreaterThan(table.clientWidth);
    expect(getComputedStyle(table).overflowX).toBe('auto');
    expect(pre.scrollWidth).toBeGreaterThan(pre.clientWidth);
    fixture.nativeElement.remove();
  });

  it('empties itself when destroyed', async () => {
    const fixture = TestBed.createComponent(SignalAnswer);
    const host: HTMLElement = fixture.nativeElement.querySelector('llm-markdown');
    fixture.componentInstance.text.set('Text');
    await fixture.whenStable();
    expect(host.textContent).toContain('Text');
    fixture.destroy();
    expect(host.childNodes.length).toBe(0);
  });
});
