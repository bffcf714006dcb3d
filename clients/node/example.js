// Reports a sale that empties a SKU, then prints the newest events.
//   cd clients/node && npm ci && npm run protos
//   BACKORDER_TOKEN=demo-token-change-me node example.js [HOST:PORT]
'use strict';

const { BackorderClient } = require('./src/client');

async function main() {
  const target = process.argv[2] ?? process.env.BACKORDER_TARGET ?? 'localhost:9090';
  const client = new BackorderClient(target, { token: process.env.BACKORDER_TOKEN });
  try {
    const answer = await client.backorder.ReportInventoryLevel({
      sku: 'ACR-TITANIUM-WHITE',
      on_hand: 0,
      cause: 'INVENTORY_CAUSE_SALE',
      order: { order_id: 'ORD-5001', customer: { email: 'maya@example.com' } },
    });
    console.log(`event ${answer.event_id}: triggered=${answer.triggered} (${answer.reason})`);
    for (const delivery of answer.planned_deliveries) {
      console.log(`  planned ${delivery.id} via ${delivery.connector}`);
    }
    const { events } = await client.backorder.ListEvents({ page_size: 5 });
    for (const event of events) {
      console.log(`${event.id}  ${event.skus.join(', ')}  ${event.reason}`);
    }
  } finally {
    client.close();
  }
}

main().catch((error) => {
  console.error(`example failed: ${error.message}`);
  process.exitCode = 1;
});
