import {holdSessionLock, liveSessionIds} from './log-sessions';
import {newLogId} from './log-ids';

describe('log sessions', () => {
  it('lists a session as live while its lock is held, and not after release', async () => {
    const sessionId = newLogId();
    const lock = holdSessionLock(sessionId);
    await lock.held;
    expect((await liveSessionIds())?.has(sessionId)).toBeTrue();
    lock.release();
    // The browser frees the lock when the callback's promise settles, one task later.
    await new Promise(resolve => setTimeout(resolve, 0));
    expect((await liveSessionIds())?.has(sessionId)).toBeFalse();
  });
});
