#!/usr/bin/env python3
"""Reports a sale that empties a SKU, then prints the newest events.

    clients/python/generate.sh
    BACKORDER_TOKEN=demo-token-change-me /usr/bin/python3 clients/python/example.py [HOST:PORT]
"""

import os
import sys

from backorder_client import BackorderClient, backorder_service_pb2 as api, common_pb2


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("BACKORDER_TARGET", "localhost:9090")
    with BackorderClient(target, token=os.environ.get("BACKORDER_TOKEN")) as client:
        answer = client.backorder.ReportInventoryLevel(api.ReportInventoryLevelRequest(
            sku="ACR-TITANIUM-WHITE", on_hand=0, cause=api.INVENTORY_CAUSE_SALE,
            order=common_pb2.CustomerOrder(
                order_id="ORD-5001", customer=common_pb2.Customer(email="maya@example.com"))))
        print(f"event {answer.event_id}: triggered={answer.triggered} ({answer.reason})")
        for delivery in answer.planned_deliveries:
            print(f"  planned {delivery.id} via {delivery.connector}")

        for event in client.backorder.ListEvents(api.ListEventsRequest(page_size=5)).events:
            print(f"{event.id}  {event.received_at.ToJsonString()}  {', '.join(event.skus)}  {event.reason}")


if __name__ == "__main__":
    main()
