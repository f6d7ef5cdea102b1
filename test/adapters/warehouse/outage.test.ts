import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWarehouse } from '../../../src/adapters/warehouse/index.ts';
import { isConnectionFailure } from '../../../src/adapters/warehouse/retry.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { StageError } from '../../../src/stages/errors.ts';
import { processedRecord } from './fixtures.ts';

/**
 * A warehouse outage is retryable whatever the driver: the real pg, mysql2 and tedious drivers against a
 * "database" that hangs up on every connection (what a restarting or failing-over server does) and against a
 * port nobody listens on. Their errors mostly carry no code ('Connection terminated unexpectedly').
 */
const DIALECTS = ['postgres', 'mysql', 'mssql'] as const;

let hangUp: net.Server;
let hangUpPort: number;
let closedPort: number;

beforeAll(async () => {
  hangUp = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => hangUp.listen(0, '127.0.0.1', resolve));
  hangUpPort = (hangUp.address() as net.AddressInfo).port;
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(() => new Promise<void>((resolve) => hangUp.close(() => resolve())));

async function saveAgainst(dialect: (typeof DIALECTS)[number], port: number): Promise<unknown> {
  const warehouse = await createWarehouse(
    {
      dialect,
      host: '127.0.0.1',
      port,
      database: 'facturas',
      user: 'facturas',
      password: 'secreto',
      encrypt: false,
      trustServerCertificate: true,
    } as Parameters<typeof createWarehouse>[0],
    silentLogger,
  );
  try {
    await warehouse.save([processedRecord({ fileId: 'FE-1' })]);
    return null;
  } catch (error) {
    return error;
  } finally {
    await warehouse.close().catch(() => {});
  }
}

describe('warehouse outage is retryable (real drivers)', () => {
  // tedious takes its 15 s connect timeout twice before failing: one SQL Server case is enough.
  it.each(DIALECTS)(
    '%s: a server that hangs up mid-connection',
    async (dialect) => {
      const error = await saveAgainst(dialect, hangUpPort);
      expect(error).toBeInstanceOf(StageError);
      expect(error).toMatchObject({ code: 'warehouse_unavailable', retryable: true });
    },
    60_000,
  );

  it.each(['postgres', 'mysql'] as const)('%s: nobody listening', async (dialect) => {
    const error = await saveAgainst(dialect, closedPort);
    expect(error).toMatchObject({ code: 'warehouse_unavailable', retryable: true });
  });

  it('codes and messages drivers give without a connection, and not a bad query', () => {
    const pgStarting = Object.assign(new Error('the database system is starting up'), { code: '57P03' });
    const poolTimeout = new Error('timeout exceeded when trying to connect');
    const tediousClosed = Object.assign(new Error('Connection closed before request completed.'), {
      code: 'ECLOSE',
    });
    const wrapped = new Error('save failed', { cause: new AggregateError([pgStarting]) });
    // What kysely's SQL Server dialect passes on from tedious when nobody listens (its code is lost).
    const mssqlRefused = new Error('Failed to connect to 127.0.0.1:1433 - Could not connect (sequence)');
    for (const error of [pgStarting, poolTimeout, tediousClosed, wrapped, mssqlRefused]) {
      expect(isConnectionFailure(error), String(error)).toBe(true);
    }
    const badColumn = Object.assign(new Error('column "x" does not exist'), { code: '42703' });
    const tooLong = Object.assign(new Error("Data too long for column 'name'"), { errno: 1406 });
    expect(isConnectionFailure(badColumn)).toBe(false);
    expect(isConnectionFailure(tooLong)).toBe(false);
  });
});
