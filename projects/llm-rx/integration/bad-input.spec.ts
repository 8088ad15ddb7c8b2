/*
 * Bad input, on every provider adapter against the mock provider server (port 4010) and through a cascade: each
 * kind of bad request value (bad-input-cases.ts) must fail with a typed LlmInvalidRequestError naming the field,
 * each bad option value (bad-input-option-cases.ts) must throw a typed LlmConfigurationError naming the option,
 * and no request may reach the mock server. Valid edge values must still reach it and complete. Real timers, one
 * unique tag per case, a 3 s guard per case, one `it` per case and target, so the count is visible.
 */
import {cascade, type Llm, type LlmRequest, shouldFailOver} from 'llm-rx';
import {BAD_REQUEST_CASES, type BadRequestCase, VALID_REQUEST_CASES, type ValidRequestCase} from './bad-input-cases';
import {
  caseTag,
  describeError,
  describeOutcome,
  describeRequests,
  fieldProblems,
  type GuardedOutcome,
  isConfigurationError,
  isInvalidRequest,
  reportProblems,
  runGuarded,
  settledRequests,
  tagHeaders,
  taggedRequest,
  untaggedRunRequests,
  lateBadCaseRequests,
  watchUnhandledRejections,
} from './bad-input-checks';
import {
  BAD_CASCADE_CASES,
  BAD_OPTION_CASES,
  type BadOptionCase,
  VALID_OPTION_CASES,
  type ValidOptionCase,
} from './bad-input-option-cases';
import {
  CASCADE_CHILDREN,
  CREATE_ROUTES,
  type CreateRoute,
  PROVIDER_TARGETS,
  type ProviderTarget,
  REQUEST_TARGETS,
  type RequestTarget,
} from './bad-input-targets';
import type {MockRequestRecord} from '@llm-rx/mock-providers';

const fieldsOf = (field: string | readonly string[]): readonly string[] =>
  typeof field === 'string' ? [field] : field;
const quoted = (fields: readonly string[]) => fields.map(field => `"${field}"`).join(' or ');

/** What happened, in one sentence: the outcome, then what reached the server. */
function happened(outcome: string, records: readonly MockRequestRecord[], rejections: readonly unknown[]): string {
  const parts = [outcome, records.length ? describeRequests(records) : 'no request reached the mock server'];
  if (rejections.length) parts.push(`unhandled rejection(s): ${rejections.map(describeError).join('; ')}`);
  return parts.join('; ');
}

/** The problems every case shares: requests at the server, unhandled rejections, a secret in a message. */
function sideEffectProblems(
  records: readonly MockRequestRecord[],
  rejections: readonly unknown[],
  errors: readonly unknown[] = [],
  secret?: string,
): string[] {
  const problems: string[] = [];
  if (records.length) problems.push(describeRequests(records));
  if (rejections.length) problems.push(`${rejections.length} unhandled promise rejection(s)`);
  if (secret !== undefined) {
    for (const error of errors) {
      if (String((error as {message?: unknown})?.message).includes(secret)) {
        problems.push('an error message quotes the API key');
      }
    }
  }
  return problems;
}

/** The problems of a stream that should have failed with an LlmInvalidRequestError for `fields`. */
function invalidRequestProblems(outcome: GuardedOutcome, fields: readonly string[]): string[] {
  if (outcome.kind === 'threw') return ['stream() threw instead of returning an Observable that errors'];
  if (outcome.kind !== 'errored') return ['the stream did not fail'];
  const problems: string[] = [];
  if (outcome.chunks.length) problems.push(`${outcome.chunks.length} chunk(s) were emitted before the error`);
  if (!isInvalidRequest(outcome.error)) problems.push('the error is not an LlmInvalidRequestError');
  else problems.push(...fieldProblems(outcome.error, fields, true));
  return problems;
}

/** The problems of a stream that should have completed with text and one usage part. */
function completionProblems(outcome: GuardedOutcome): string[] {
  if (outcome.kind !== 'completed') return ['the stream did not complete'];
  const problems: string[] = [];
  if (!outcome.chunks.some(chunk => chunk.type === 'text-delta')) problems.push('no text-delta chunk');
  if (outcome.chunks.at(-1)?.type !== 'usage') problems.push('the last chunk is not the usage part');
  return problems;
}

function appliesTo(badCase: {only?: readonly string[]; except?: readonly string[]}, label: string): boolean {
  return (badCase.only?.includes(label) ?? true) && !(badCase.except?.includes(label) ?? false);
}

function defineBadRequestSpec(target: RequestTarget, badCase: BadRequestCase): void {
  const fields = fieldsOf(badCase.field);
  it(`refuses ${badCase.kind}: LlmInvalidRequestError for ${quoted(fields)}, nothing sent`, async () => {
    const tag = caseTag(`${target.label}-request`);
    const isTagInOptions = badCase.tagIn === 'options';
    const {llm, failOvers} = target.subject(isTagInOptions ? tagHeaders(tag) : undefined);
    const request = badCase.build({request: taggedRequest(tag, !isTagInOptions), provider: target.provider});

    const stopWatching = watchUnhandledRejections();
    const outcome = await runGuarded(() => llm.stream(request as LlmRequest));
    const records = await settledRequests([tag]);
    const rejections = stopWatching();

    const problems = [
      ...invalidRequestProblems(outcome, fields),
      ...sideEffectProblems(records, rejections),
      ...(failOvers() ? [`the cascade failed over ${failOvers()} time(s)`] : []),
    ];
    reportProblems(
      `an LlmInvalidRequestError for ${quoted(fields)} at subscription, no chunk, no request`,
      happened(describeOutcome(outcome), records, rejections),
      problems,
    );
  });
}

function defineValidRequestSpec(target: RequestTarget, validCase: ValidRequestCase): void {
  it(`accepts ${validCase.kind}: it reaches the mock server and completes`, async () => {
    const tag = caseTag(`${target.label}-valid-request`);
    const {llm} = target.subject(undefined);
    const stopWatching = watchUnhandledRejections();
    const outcome = await runGuarded(() => llm.stream(validCase.build(taggedRequest(tag, true))));
    const records = await settledRequests([tag]);
    const rejections = stopWatching();

    const problems = [...completionProblems(outcome)];
    if (records.length !== 1) problems.push(`${records.length} request(s) reached the mock server, not 1`);
    if (rejections.length) problems.push(`${rejections.length} unhandled promise rejection(s)`);
    reportProblems(
      'the stream to complete with text and one usage part, after 1 request',
      happened(describeOutcome(outcome), records, rejections),
      problems,
    );
  });
}

/**
 * Creates a model the way a case says, then (only when that did not throw) streams a valid request from it, to
 * tell what the bad option does instead of being refused.
 */
async function createAndStream(create: () => Llm, request: LlmRequest) {
  const stopWatching = watchUnhandledRejections();
  let thrown: unknown;
  let outcome: GuardedOutcome | undefined;
  try {
    const llm = create();
    outcome = await runGuarded(() => llm.stream(request));
  } catch (error) {
    thrown = error;
  }
  return {thrown, outcome, stopWatching};
}

function defineBadOptionSpec(target: ProviderTarget, route: CreateRoute, badCase: BadOptionCase): void {
  it(`refuses ${badCase.kind}: LlmConfigurationError for "${badCase.field}" at creation, nothing sent`, async () => {
    const tag = caseTag(`${target.label}-option`);
    const isTagInRequest = badCase.tagIn === 'request';
    const options = {
      ...target.baseOptions,
      ...(!isTagInRequest && {headers: tagHeaders(tag)}),
      ...badCase.options,
    };
    const model = badCase.model ? badCase.model.value : target.model;

    const {thrown, outcome, stopWatching} = await createAndStream(
      () => route.create(target, model, options),
      taggedRequest(tag, isTagInRequest),
    );
    const records = await settledRequests([tag]);
    const rejections = stopWatching();

    const problems: string[] = [];
    let what: string;
    if (outcome) {
      problems.push('the model was created without an error');
      what = `the model was created; then ${describeOutcome(outcome)}`;
    } else {
      what = `it threw ${describeError(thrown)}`;
      if (!isConfigurationError(thrown)) problems.push('the error is not an LlmConfigurationError');
      else problems.push(...fieldProblems(thrown, [badCase.field], false));
    }
    const errors = [thrown, outcome && 'error' in outcome ? outcome.error : undefined];
    problems.push(...sideEffectProblems(records, rejections, errors, badCase.secret));
    reportProblems(
      `an LlmConfigurationError for "${badCase.field}" thrown at creation, no request`,
      happened(what, records, rejections),
      problems,
    );
  });
}

function defineValidOptionSpec(target: ProviderTarget, route: CreateRoute, validCase: ValidOptionCase): void {
  it(`accepts ${validCase.kind}: it reaches the mock server and completes`, async () => {
    const tag = caseTag(`${target.label}-valid-option`);
    const options = {...target.baseOptions, headers: tagHeaders(tag), ...validCase.options(target)};
    const {thrown, outcome, stopWatching} = await createAndStream(
      () => route.create(target, target.model, options),
      taggedRequest(tag, false),
    );
    const records = await settledRequests([tag]);
    const rejections = stopWatching();

    const problems = outcome ? completionProblems(outcome) : ['creating the model threw'];
    if (records.length !== 1) problems.push(`${records.length} request(s) reached the mock server, not 1`);
    if (rejections.length) problems.push(`${rejections.length} unhandled promise rejection(s)`);
    reportProblems(
      'the model to be created and its stream to complete, after 1 request',
      happened(outcome ? describeOutcome(outcome) : `it threw ${describeError(thrown)}`, records, rejections),
      problems,
    );
  });
}

/** A cascade child pointed at the mock server, whose option headers carry the tag. */
function cascadeChild(label: string, tag: string): Llm {
  const target = PROVIDER_TARGETS.find(candidate => candidate.label === label)!;
  return target.create(target.model, {...target.baseOptions, headers: tagHeaders(tag)});
}

describe('bad input (mock server)', () => {
  afterAll(async () => {
    // Every case's prompt names its tag: a request whose scenario header was lost is still found here.
    const strays = await untaggedRunRequests();
    expect(strays.length)
      .withContext(`${describeRequests(strays)} without their scenario tag`)
      .toBe(0);
    const late = await lateBadCaseRequests();
    expect(late.length)
      .withContext(`${describeRequests(late)} for bad cases (tags ${late.map(record => record.tag).join(', ')})`)
      .toBe(0);
  });

  describe('request values', () => {
    for (const target of REQUEST_TARGETS) {
      describe(`on ${target.label}`, () => {
        for (const badCase of BAD_REQUEST_CASES) {
          if (appliesTo(badCase, target.label)) defineBadRequestSpec(target, badCase);
        }
        for (const validCase of VALID_REQUEST_CASES) {
          if (appliesTo(validCase, target.label)) defineValidRequestSpec(target, validCase);
        }
      });
    }
  });

  describe('option values', () => {
    for (const target of PROVIDER_TARGETS) {
      for (const route of CREATE_ROUTES) {
        describe(`of ${target.label} through ${route.label}`, () => {
          for (const badCase of BAD_OPTION_CASES) {
            if (badCase.families?.includes(target.family) ?? true) defineBadOptionSpec(target, route, badCase);
          }
          for (const validCase of VALID_OPTION_CASES) {
            if (validCase.families?.includes(target.family) ?? true) defineValidOptionSpec(target, route, validCase);
          }
        });
      }
    }
  });

  describe('cascade() arguments', () => {
    for (const badCase of BAD_CASCADE_CASES) {
      it(`refuses ${badCase.kind}: LlmConfigurationError for "${badCase.field}" at creation, nothing sent`, async () => {
        const tag = caseTag('cascade-argument');
        const [llms, options] = badCase.build(cascadeChild(CASCADE_CHILDREN[0], tag));
        const {thrown, outcome, stopWatching} = await createAndStream(
          () => cascade(llms as Llm[], options as Parameters<typeof cascade>[1]),
          taggedRequest(tag, false),
        );
        const records = await settledRequests([tag]);
        const rejections = stopWatching();

        const problems: string[] = [];
        let what: string;
        if (outcome) {
          problems.push('the cascade was created without an error');
          what = `the cascade was created; then ${describeOutcome(outcome)}`;
        } else {
          what = `it threw ${describeError(thrown)}`;
          if (!isConfigurationError(thrown)) problems.push('the error is not an LlmConfigurationError');
          else problems.push(...fieldProblems(thrown, [badCase.field], false));
        }
        problems.push(...sideEffectProblems(records, rejections));
        reportProblems(
          `an LlmConfigurationError for "${badCase.field}" thrown by cascade(), no request`,
          happened(what, records, rejections),
          problems,
        );
      });
    }

    const validCascades: ReadonlyArray<[kind: string, build: (tag: string) => Llm]> = [
      ['one child', tag => cascade([cascadeChild(CASCADE_CHILDREN[0], tag)])],
      [
        'two children, shouldFailOver and onFailOver functions',
        tag =>
          cascade(
            CASCADE_CHILDREN.map(label => cascadeChild(label, tag)),
            {shouldFailOver, onFailOver: () => undefined},
          ),
      ],
    ];
    for (const [kind, build] of validCascades) {
      it(`accepts ${kind}: it reaches the mock server and completes`, async () => {
        const tag = caseTag('cascade-valid');
        const {thrown, outcome, stopWatching} = await createAndStream(() => build(tag), taggedRequest(tag, false));
        const records = await settledRequests([tag]);
        const rejections = stopWatching();
        const problems = outcome ? completionProblems(outcome) : ['cascade() threw'];
        if (records.length !== 1) problems.push(`${records.length} request(s) reached the mock server, not 1`);
        reportProblems(
          'the cascade to be created and its stream to complete, after 1 request',
          happened(outcome ? describeOutcome(outcome) : `it threw ${describeError(thrown)}`, records, rejections),
          problems,
        );
      });
    }
  });
});
