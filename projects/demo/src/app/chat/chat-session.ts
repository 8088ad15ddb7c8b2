import {computed, DestroyRef, effect, inject, Injectable, signal, untracked} from '@angular/core';
import {LlmTruncationError} from 'llm-rx';
import {injectLlmStream, LlmStream} from 'llm-rx/angular';
import {DemoSettingsStore} from '../settings/demo-settings-store';
import {demoProvider} from '../common/provider-catalog';
import type {CascadeStep} from './cascade-step';
import type {ChatAssistantMessage, ChatConversation, ChatMessage, ChatUserMessage} from './conversations/chat-message';
import {ConversationStore} from './conversations/conversation-store';
import {
  conversationTitle,
  lastUserIndex,
  pendingAnswer,
  redoLastTurn,
  requestMessages,
} from './conversations/conversation-turns';
import {ChatCallRows} from './conversations/chat-call-rows';
import {DemoModels} from './demo-models';
import {describeLlmError} from './describe-llm-error';
import {messageStatsOf} from './messages/message-stats';
import {MOCK_SCENARIO_PRESETS, TOOL_MOCK_SCENARIO_PRESETS} from './mock-scenarios';
import type {MockScenarios} from './simulate-panel';
import {withSimulatedAnswer} from './simulated-answer';
import {demoTools} from './tools/demo-tools';
import {simulatedToolCall, toolScenarioKeys} from './tools/tool-scenario';

/** The most model calls of one answer with tools. */
const MAX_TOOL_STEPS = 4;

/** The answer streaming now: which conversation it belongs to, its message, when reasoning started and ended. */
interface LiveAnswer {
  readonly conversationId: string;
  readonly message: ChatAssistantMessage;
  reasoningStartedAt: number | null;
  reasoningEndedAt: number | null;
}

/**
 * The chat's state and actions: the open conversation, the answer streaming into it (one at a time), the settings
 * of the next call (system prompt, cascade, simulated scenarios, tools), and send, stop, regenerate, edit and resend.
 * Saves the conversation on each send and at the end of each answer, when the tab hides mid-answer, and when the
 * chat is left mid-answer (which stops it).
 */
@Injectable()
export class ChatSession {
  private readonly _models = inject(DemoModels);
  private readonly _llmStream = inject(LlmStream);
  private readonly _settings = inject(DemoSettingsStore);
  private readonly _store = inject(ConversationStore);
  private readonly _callRows = inject(ChatCallRows);
  private readonly _tools = demoTools();
  /** The answer; `start()` cancels the call still running, and the session's destruction cancels it too. */
  readonly answer = injectLlmStream();

  readonly systemPrompt = signal('Answer in markdown, briefly.');
  readonly steps = signal<CascadeStep[]>([{provider: 'openai', model: demoProvider('openai').defaultModel}]);
  readonly scenarios = signal<MockScenarios>({});
  /** Whether the model may call the demo's tools (`runTools()`), which run in the page. */
  readonly tools = signal(false);

  readonly providers = computed(() => this.steps().map(step => step.provider));
  readonly isSimulated = computed(() => this._settings.settings().connection === 'simulated');
  /** The simulations on offer: with tools, ones made for a tool call, the default first. */
  readonly presets = computed(() => (this.tools() ? TOOL_MOCK_SCENARIO_PRESETS : MOCK_SCENARIO_PRESETS));
  readonly isStreaming = computed(() => this.answer.status() === 'streaming');
  readonly conversations = this._store.conversations;

  /** The open conversation's id; `null` for a new chat not yet sent. */
  private readonly _currentId = signal<string | null>(null);
  private readonly _live = signal<LiveAnswer | null>(null);

  /** The open conversation, or a new empty one. */
  readonly conversation = computed<ChatConversation>(() => {
    const id = this._currentId();
    const found = id === null ? undefined : this.conversations().find(conversation => conversation.id === id);
    return found ?? {id: '', title: 'New chat', createdAt: 0, updatedAt: 0, messages: []};
  });
  /** The open conversation's messages, the streaming answer with its text so far. */
  readonly messages = computed<readonly ChatMessage[]>(() => {
    const live = this._live();
    return this.conversation().messages.map(message =>
      message.id === live?.message.id ? this._liveMessage(live) : message,
    );
  });

  constructor() {
    // Opens the most recent conversation once they are read, unless the user already started one.
    void this._store.loaded.then(() => {
      if (this._currentId() === null) this._currentId.set(this.conversations()[0]?.id ?? null);
    });
    effect(() => {
      const status = this.answer.status();
      const hasReasoning = this.answer.reasoning() !== '';
      const hasText = this.answer.text() !== '';
      untracked(() => this._track(status, hasReasoning, hasText));
    });
    // A tab closed mid-answer: what arrived is saved, as streaming; it is restored as interrupted.
    const onPageHide = () => {
      const live = this._live();
      if (live) void this._saveMessage(live.conversationId, this._liveMessage(live));
    };
    addEventListener('pagehide', onPageHide);
    inject(DestroyRef).onDestroy(() => {
      removeEventListener('pagehide', onPageHide);
      // Leaving the page (another tab of the demo) stops the answer (`injectLlmStream()` cancels): saved as stopped.
      const live = this._live();
      if (live)
        void this._saveMessage(live.conversationId, {
          ...this._liveMessage(live),
          status: 'cancelled',
          endedAt: Date.now(),
        });
    });
  }

  /**
   * Loads the SDK of every model of the cascade ahead of the first Send (the composer calls it on focus), so that
   * the first answer starts as fast as the second. Sends nothing; a failure shows at the Send as it would anyway.
   */
  preload(): void {
    this._llmStream.preload(this._models.forCall(this.steps(), {})).catch(() => undefined);
  }

  /**
   * Sends a prompt and its images as the next turn of the open conversation (a new one is created for the first
   * prompt). The images are stored with the conversation and sent as image parts after the text.
   * @param prompt What the user wrote.
   * @param images The images attached to it, in order.
   */
  send(prompt: string, images: readonly Blob[] = []): void {
    const content = prompt.trim();
    if ((!content && images.length === 0) || this.isStreaming()) return;
    const now = Date.now();
    const answer = pendingAnswer(newId(), now);
    const message: ChatUserMessage = {
      role: 'user',
      id: newId(),
      content,
      ...(images.length > 0 && {images}),
      sentAt: now,
    };
    this._ask([...this.conversation().messages, message, answer], answer);
  }

  /** Asks the last prompt again, replacing its answer. */
  regenerate(): void {
    this._redo();
  }

  /**
   * Replaces the last prompt with an edited one and asks it, replacing its answer.
   * @param content The edited prompt.
   */
  editAndResend(content: string): void {
    if (content.trim()) this._redo(content.trim());
  }

  /** Stops the answer; unsubscribing aborts the HTTP request. */
  stop(): void {
    this.answer.cancel();
  }

  /** Opens a new, empty chat. */
  startNew(): void {
    this._currentId.set(null);
  }

  /**
   * Opens a stored conversation.
   * @param id Its id.
   */
  open(id: string): void {
    this._currentId.set(id);
  }

  /**
   * Deletes a conversation (stopping its answer if it streams); the open one gives way to a new chat.
   * @param id Its id.
   */
  delete(id: string): void {
    if (this._live()?.conversationId === id) {
      this._live.set(null);
      this.answer.cancel();
    }
    if (this._currentId() === id) this._currentId.set(null);
    void this._store.delete(id);
  }

  private _redo(content?: string): void {
    if (this.isStreaming()) return;
    const answer = pendingAnswer(newId(), Date.now());
    const messages = redoLastTurn(this.conversation().messages, answer, content);
    if (messages) this._ask(messages, answer);
  }

  /** Saves the conversation with its new turn, then starts the call that answers it. */
  private _ask(messages: ChatMessage[], answer: ChatAssistantMessage): void {
    const current = this.conversation();
    const conversation: ChatConversation = {
      id: current.id || newId(),
      title: conversationTitle(messages),
      createdAt: current.createdAt || answer.startedAt,
      updatedAt: answer.startedAt,
      messages,
    };
    this._currentId.set(conversation.id);
    void this._store.save(conversation);
    this._live.set({
      conversationId: conversation.id,
      message: answer,
      reasoningStartedAt: null,
      reasoningEndedAt: null,
    });
    const prompt = (messages[lastUserIndex(messages)] as ChatUserMessage).content;
    const systemPrompt = this.systemPrompt().trim();
    const request = {messages: requestMessages(messages.slice(0, -1)), ...(systemPrompt && {systemPrompt})};
    const scenarios = this.isSimulated() ? this._scenariosFor(prompt) : {};
    if (this.tools()) {
      this.answer.runTools(
        {...request, tools: this._tools},
        {...this._models.forCall(this.steps(), scenarios), maxSteps: MAX_TOOL_STEPS},
      );
    } else {
      this.answer.start(request, this._models.forCall(this.steps(), scenarios));
    }
  }

  /** Follows the stream: when its reasoning starts and ends, and its end, which saves the answer. */
  private _track(status: string, hasReasoning: boolean, hasText: boolean): void {
    const live = this._live();
    if (!live) return;
    const now = Date.now();
    if (hasReasoning && live.reasoningStartedAt === null) live.reasoningStartedAt = now;
    if ((hasText || status !== 'streaming') && live.reasoningStartedAt !== null) live.reasoningEndedAt ??= now;
    if (status === 'streaming' || status === 'idle') return;
    const ended: ChatAssistantMessage = {...this._liveMessage(live), endedAt: now};
    this._live.set(null);
    void this._saveMessage(live.conversationId, ended).then(() => this._linkCallRow(live.conversationId, ended));
  }

  /** The live answer as a message to show or save: its text so far, and once ended its stats or error. */
  private _liveMessage(live: LiveAnswer): ChatAssistantMessage {
    const status = this.answer.status();
    const error = this.answer.error();
    const usage = this.answer.usage() ?? (LlmTruncationError.isInstance(error) ? error.usage : undefined);
    const {reasoningStartedAt: started, reasoningEndedAt: ended} = live;
    return {
      ...live.message,
      content: this.answer.text(),
      reasoning: this.answer.reasoning(),
      thoughtMs: started !== null && ended !== null ? ended - started : null,
      status: status === 'idle' ? 'streaming' : status,
      stats: usage ? messageStatsOf(usage) : null,
      error: status === 'error' ? describeLlmError(error) : null,
      toolCalls: this.answer.toolCalls(),
    };
  }

  private async _saveMessage(conversationId: string, message: ChatAssistantMessage): Promise<void> {
    const conversation = this.conversations().find(candidate => candidate.id === conversationId);
    if (!conversation) return;
    // Tool calls' results may hold class instances, which IndexedDB cannot keep: stored as JSON.
    const stored = {...message, toolCalls: storable(message.toolCalls)};
    const messages = conversation.messages.map(other => (other.id === message.id ? stored : other));
    await this._store.save({...conversation, messages, updatedAt: message.endedAt ?? Date.now()});
  }

  /** Finds the answer's row in the call log and saves its id, for the footer's link to the dashboard. */
  private async _linkCallRow(conversationId: string, message: ChatAssistantMessage): Promise<void> {
    const callRowId = await this._callRows.answeringRowId({startedAt: message.startedAt, endedAt: message.endedAt!});
    if (callRowId) await this._saveMessage(conversationId, {...message, callRowId});
  }

  /** The scenario of each provider of the cascade: the user's or the default, answering the prompt. */
  private _scenariosFor(prompt: string): MockScenarios {
    const localTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const toolKeys = this.tools() ? toolScenarioKeys(simulatedToolCall(prompt, localTimeZone)) : [];
    const scenarios: Record<string, string> = {};
    for (const {provider} of this.steps()) {
      const scenario = this.scenarios()[provider] ?? this.presets()[0].scenario;
      scenarios[provider] = this.tools() ? [scenario, ...toolKeys].join(';') : withSimulatedAnswer(scenario, prompt);
    }
    return scenarios;
  }
}

/** A new id; `crypto.randomUUID()` needs a secure context, which a demo served on a LAN address is not. */
function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Tool calls as plain data IndexedDB keeps (their results may hold class instances). */
function storable<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
