'use strict';
// The Node client against a real gateway process: intake, queries, the watch stream, errors.
//   cd clients/node && npm ci && npm run protos && npm test

const { after, before, describe, test } = require('node:test');
const assert = require('node:assert/strict');
const { BackorderClient, status } = require('../src/client');
const { GatewayProcess } = require('./gateway-process');

describe('BackorderClient against a live gateway', () => {
  const gateway = new GatewayProcess();
  let client;

  before(async () => {
    await gateway.start();
    client = new BackorderClient(gateway.target, { token: gateway.token });
  });

  after(async () => {
    client?.close();
    await gateway.stop(); // runs even when start() failed
  });

  test('ReportInventoryLevel: a sale to zero opens a backorder', async () => {
    const answer = await client.backorder.ReportInventoryLevel({
      sku: 'ACR-TITANIUM-WHITE',
      on_hand: 0,
      cause: 'INVENTORY_CAUSE_SALE',
      order: { order_id: 'ORD-5001', customer: { email: 'maya@example.com' } },
    });
    assert.equal(answer.triggered, true, answer.reason);
    assert.equal(answer.trigger, 'TRIGGER_STOCK_DEPLETED');
    assert.equal(answer.case_ids.length, 1);
    assert.deepEqual([...new Set(answer.planned_deliveries.map((d) => d.connector))], ['erp-webhook']);
  });

  test('ListEvents finds a reported level', async () => {
    const answer = await client.backorder.ReportInventoryLevel({
      sku: 'YARN-MERINO-BLUE', on_hand: 12, cause: 'INVENTORY_CAUSE_COUNT',
    });
    const { events } = await client.backorder.ListEvents({ sku: 'YARN-MERINO-BLUE' });
    assert.deepEqual(events.map((e) => e.id), [answer.event_id]);
    assert.equal(events[0].triggered, false);
  });

  test('WatchEvents streams the event', async () => {
    const answer = await client.backorder.ReportInventoryLevel({
      sku: 'PAPER-A3-300G', on_hand: 40, cause: 'INVENTORY_CAUSE_RECEIPT',
    });
    // Cursor "0" replays every event from the start; the SKU filter keeps this test's own.
    const stream = client.backorder.WatchEvents({ after_cursor: '0', sku: 'PAPER-A3-300G' },
      { deadline: new Date(Date.now() + 15_000) });
    stream.on('error', () => {}); // the cancel below ends it with CANCELLED
    try {
      const [first] = await new Promise((resolve, reject) => {
        stream.once('data', (change) => resolve([change]));
        stream.once('error', reject);
      });
      assert.equal(first.event.id, answer.event_id);
      assert.ok(first.cursor);
    } finally {
      stream.cancel();
    }
  });

  test('bad input is INVALID_ARGUMENT naming the field', async () => {
    await assert.rejects(
      client.backorder.ReportInventoryLevel({ sku: '', on_hand: 1, cause: 'INVENTORY_CAUSE_COUNT' }),
      (error) => error.code === status.INVALID_ARGUMENT && error.details.includes('sku'));
  });

  test('a wrong token is UNAUTHENTICATED, and the token stays out of toString', async () => {
    const stranger = new BackorderClient(gateway.target, { token: 'not-a-known-token-0000' });
    try {
      await assert.rejects(stranger.backorder.ListEvents({}), (error) => error.code === status.UNAUTHENTICATED);
      assert.ok(!String(stranger).includes('not-a-known-token-0000'));
    } finally {
      stranger.close();
    }
  });
});
