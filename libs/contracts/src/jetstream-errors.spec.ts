import { isStreamCreateRace, isWrongLastSequence } from './jetstream-errors';

describe('isWrongLastSequence', () => {
  it('recognises the JetStream api error 10071', () => {
    expect(isWrongLastSequence({ api_error: { err_code: 10071 }, message: 'x' })).toBe(true);
  });
  it('recognises the message when the client dropped the api error', () => {
    expect(isWrongLastSequence(new Error('wrong last sequence: 4'))).toBe(true);
  });
  it('rejects other JetStream errors and non-errors', () => {
    expect(isWrongLastSequence({ api_error: { err_code: 10058 }, message: 'stream name already in use' })).toBe(false);
    expect(isWrongLastSequence(undefined)).toBe(false);
    expect(isWrongLastSequence(null)).toBe(false);
  });
});

describe('isStreamCreateRace', () => {
  it('recognises a create refused for a name or subjects another process just took', () => {
    expect(isStreamCreateRace({ api_error: { err_code: 10065 }, message: 'subjects overlap with an existing stream' })).toBe(true);
    expect(isStreamCreateRace({ api_error: { err_code: 10058 }, message: 'stream name already in use' })).toBe(true);
  });
  it('rejects other errors', () => {
    expect(isStreamCreateRace({ api_error: { err_code: 10071 }, message: 'wrong last sequence: 4' })).toBe(false);
    expect(isStreamCreateRace(new Error('TIMEOUT'))).toBe(false);
    expect(isStreamCreateRace(undefined)).toBe(false);
  });
});
