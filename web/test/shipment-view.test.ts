import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api';
import { alertWords, fileSize, pageProblem } from '../src/shipment-view';

describe('words on the shipment page', () => {
  it('says for a 404 that the shipment does not exist or is another party’s, with the server’s words', () => {
    const text = pageProblem('CRV-7K3M9Q2XWD', new ApiError(404, "There is no shipment 'CRV-7K3M9Q2XWD' that you hold a role in."));
    expect(text).toContain('(404)');
    expect(text).toContain('another party');
    expect(text).toContain("There is no shipment 'CRV-7K3M9Q2XWD' that you hold a role in.");
  });
  it('says what other failures mean', () => {
    expect(pageProblem('X', new ApiError(401, 'unknown token'))).toMatch(/sign in again/);
    expect(pageProblem('X', new ApiError(500, 'The server failed.'))).toBe('The server answered 500: The server failed.');
    expect(pageProblem('X', new ApiError(0, 'The server could not be reached.'))).toBe('The server could not be reached.');
    expect(pageProblem('X', new Error('boom'))).toBe('boom');
  });
  it('names alert kinds and file sizes for people', () => {
    expect(alertWords('dwellBeyondP90')).toMatch(/beyond P90/);
    expect(alertWords('somethingNew')).toBe('somethingNew');
    expect(fileSize(812)).toBe('812 B');
    expect(fileSize(14_540)).toBe('14.2 KB');
    expect(fileSize(3_250_000)).toBe('3.1 MB');
  });
});
