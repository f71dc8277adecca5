/**
 * The notifications lease on an Azure blob lease: the takeover rules with a fake lease service
 * and clock (bounded time), then the real calls once on Azurite.
 */
import { azureContainerClient } from '../../src/store/azureContainer';
import {
  azureLeaseBlob,
  createBlobLease,
  leaseSecondsOf,
  type LeaseBlob,
} from '../../src/store/blobLease';
import { startAzurite } from '../support/azurite';

/** The lease service's rules (learn.microsoft.com/rest/api/storageservices/lease-blob), on a clock. */
function fakeLeaseBlob(clock: { now: number }): LeaseBlob {
  let current: { id: string; until: number } | undefined;
  return {
    async acquire(id, seconds) {
      if (current && current.id !== id && clock.now < current.until) return false;
      current = { id, until: clock.now + seconds * 1000 };
      return true;
    },
    async release(id) {
      if (current?.id === id) current = undefined;
    },
  };
}

describe('blob lease rules', () => {
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  const at = (ms: number) => new Date(t0 + ms);

  it('when the holder stops renewing, then another instance takes over within one lease period', async () => {
    const clock = { now: t0 };
    const blob = fakeLeaseBlob(clock);
    const a = createBlobLease(blob, { holder: 'a', ttlMs: 15_000 });
    const b = createBlobLease(blob, { holder: 'b', ttlMs: 15_000 });
    expect(await a.acquire(at(0))).toBe(true);
    expect(await b.acquire(at(0))).toBe(false);
    clock.now = t0 + 5_000;
    expect(await a.acquire(at(5_000))).toBe(true); // renewed until 20 s
    clock.now = t0 + 19_000;
    expect(await b.acquire(at(19_000))).toBe(false);
    // a dies here (no more renewals); b asks every few seconds
    clock.now = t0 + 20_000;
    expect(await b.acquire(at(20_000))).toBe(true);
    expect(a.held(at(20_000))).toBe(false); // a stopped trusting it before it expired
    expect(b.held(at(20_000))).toBe(true);
  });

  it('when the holder releases on shutdown, then another instance takes it at once', async () => {
    const clock = { now: t0 };
    const blob = fakeLeaseBlob(clock);
    const a = createBlobLease(blob, { holder: 'a', ttlMs: 30_000 });
    const b = createBlobLease(blob, { holder: 'b', ttlMs: 30_000 });
    await a.acquire(at(0));
    await a.release();
    expect(a.held(at(1))).toBe(false);
    expect(await b.acquire(at(1))).toBe(true);
  });

  it('when a lease is held, then it is trusted for four fifths of its duration only', async () => {
    const a = createBlobLease(fakeLeaseBlob({ now: t0 }), { holder: 'a', ttlMs: 30_000 });
    await a.acquire(at(0));
    expect(a.held(at(23_999))).toBe(true);
    expect(a.held(at(24_000))).toBe(false);
  });

  it.each([
    [500, 15],
    [30_000, 30],
    [600_000, 60],
  ])('when the configured lease is %i ms, then the blob lease lasts %i s', (ms, seconds) => {
    expect(leaseSecondsOf(ms)).toBe(seconds);
  });
});

describe('blob lease on Azurite', () => {
  it('when two instances ask, then one holds it, renews it, releases it, and the other takes it', async () => {
    const azurite = await startAzurite();
    try {
      const container = azureContainerClient({
        connectionString: azurite.connectionString,
        container: 'leases',
      });
      await container.createIfNotExists();
      const a = createBlobLease(azureLeaseBlob(container, 'poller'), {
        holder: 'a',
        ttlMs: 15_000,
      });
      const b = createBlobLease(azureLeaseBlob(container, 'poller'), {
        holder: 'b',
        ttlMs: 15_000,
      });
      expect(await a.acquire()).toBe(true); // the lease blob is created on first use
      expect(await b.acquire()).toBe(false);
      expect(await a.acquire()).toBe(true); // renewal
      expect(await b.acquire()).toBe(false);
      await a.release();
      expect(await b.acquire()).toBe(true);
      expect(await a.acquire()).toBe(false);
      await b.release();
    } finally {
      await azurite.stop();
    }
  }, 40_000);
});
