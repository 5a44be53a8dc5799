import { randomBytes } from 'node:crypto';

/** One id per test run, shared by every worker through the environment; every object a test makes carries it. */
export const RUN_ID: string = (process.env.PORTHOLE_TEST_RUN ??= `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`);

export const TEST_LABEL = 'porthole.test';

export const testLabels = (): Record<string, string> => ({ [TEST_LABEL]: RUN_ID });

/** A unique, valid name for an engine object of this run. */
let counter = 0;
export const uniqueName = (prefix: string): string => `${prefix}-${RUN_ID}-${process.pid}-${++counter}`.toLowerCase();
