import { describe, expect, it } from 'vitest';
import { checkDigit, containerProblem } from '../src/iso6346';
import { problemMessage } from '../src/api';
import { tokenProblem } from '../src/session';

describe('container numbers (ISO 6346)', () => {
  it('computes the check digit', () => {
    expect(checkDigit('CSQU305438')).toBe(3);
    expect(checkDigit('MSKU907032')).toBe(3);
    expect(checkDigit('csqu305438')).toBeNull();
  });
  it('says what is wrong with a number', () => {
    expect(containerProblem('CSQU3054383')).toBeNull();
    expect(containerProblem(' csqu 3054383 ')).toBeNull();
    expect(containerProblem('CSQU3054384')).toBe('The check digit of CSQU305438 is 3, not 4.');
    expect(containerProblem('CSQ3054383')).toMatch(/is not a container number/);
  });
});

describe('tokens and problems', () => {
  it('checks the form of a token before asking the server', () => {
    expect(tokenProblem('')).toBe('Enter a party token.');
    expect(tokenProblem('abc def')).toMatch(/no spaces/);
    expect(tokenProblem('short')).toMatch(/at least 24/);
    expect(tokenProblem('PmhWeIQs5gyzFcmxIoVXaAIXkzH1m1dDyMdcZdSgMyE')).toBeNull();
  });
  it('turns problem details into one message naming the fields', () => {
    expect(problemMessage(400, { detail: 'The plan request has invalid fields.', errors: { '$.from': ['unknown'] } })).toBe('The plan request has invalid fields. $.from: unknown');
    expect(problemMessage(401, null)).toMatch(/does not know this token/);
    expect(problemMessage(503, {})).toBe('The server failed (503).');
  });
});
