"""The Python client against a real gateway process: intake, queries, the watch stream, errors.

    clients/python/generate.sh && /usr/bin/python3 clients/python/tests/test_live_gateway.py

The last line says how many tests passed and failed; the exit code is 0 only if none failed.
"""

import sys
import unittest
from pathlib import Path

import grpc

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backorder_client import BackorderClient, backorder_service_pb2 as api, common_pb2  # noqa: E402
from gateway_process import GatewayProcess  # noqa: E402


class LiveGatewayTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.gateway = GatewayProcess()
        cls.addClassCleanup(cls.gateway.stop)  # runs even when start() fails
        cls.gateway.start()
        cls.client = BackorderClient(cls.gateway.target, token=cls.gateway.token)
        cls.addClassCleanup(cls.client.close)

    def test_report_inventory_opens_a_backorder(self):
        answer = self.client.backorder.ReportInventoryLevel(api.ReportInventoryLevelRequest(
            sku="ACR-TITANIUM-WHITE", on_hand=0, cause=api.INVENTORY_CAUSE_SALE,
            order=common_pb2.CustomerOrder(
                order_id="ORD-5001", customer=common_pb2.Customer(email="maya@example.com"))))

        self.assertTrue(answer.triggered, answer.reason)
        self.assertEqual(answer.trigger, common_pb2.TRIGGER_STOCK_DEPLETED)
        self.assertEqual(len(answer.case_ids), 1)
        self.assertEqual({d.connector for d in answer.planned_deliveries}, {"erp-webhook"})

    def test_list_events_finds_a_reported_level(self):
        answer = self.client.backorder.ReportInventoryLevel(api.ReportInventoryLevelRequest(
            sku="YARN-MERINO-BLUE", on_hand=12, cause=api.INVENTORY_CAUSE_COUNT))

        events = self.client.backorder.ListEvents(api.ListEventsRequest(sku="YARN-MERINO-BLUE")).events
        self.assertEqual([e.id for e in events], [answer.event_id])
        self.assertFalse(events[0].triggered)

    def test_watch_streams_the_event(self):
        answer = self.client.backorder.ReportInventoryLevel(api.ReportInventoryLevelRequest(
            sku="PAPER-A3-300G", on_hand=40, cause=api.INVENTORY_CAUSE_RECEIPT))

        # Cursor "0" replays every event from the start; the SKU filter keeps this test's own.
        stream = self.client.backorder.WatchEvents(
            api.WatchEventsRequest(after_cursor="0", sku="PAPER-A3-300G"), timeout=15)
        try:
            first = next(stream)
        finally:
            stream.cancel()
        self.assertEqual(first.event.id, answer.event_id)
        self.assertTrue(first.cursor)

    def test_bad_input_lists_the_field(self):
        with self.assertRaises(grpc.RpcError) as refused:
            self.client.backorder.ReportInventoryLevel(api.ReportInventoryLevelRequest(
                sku="", on_hand=1, cause=api.INVENTORY_CAUSE_COUNT))
        self.assertEqual(refused.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
        self.assertIn("sku", refused.exception.details())

    def test_a_wrong_token_is_unauthenticated(self):
        with BackorderClient(self.gateway.target, token="not-a-known-token-0000") as stranger:
            with self.assertRaises(grpc.RpcError) as refused:
                stranger.backorder.ListEvents(api.ListEventsRequest())
        self.assertEqual(refused.exception.code(), grpc.StatusCode.UNAUTHENTICATED)

    def test_the_token_stays_out_of_repr(self):
        self.assertNotIn(self.gateway.token, repr(self.client))


def main():
    result = unittest.TextTestRunner(verbosity=2).run(
        unittest.defaultTestLoader.loadTestsFromTestCase(LiveGatewayTest))
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    passed = result.testsRun - failed - len(result.skipped)
    # setUpClass failures count as errors too, so a gateway that never starts fails the run.
    sys.stderr.flush()
    print(f"python-client: {passed} passed, {failed} failed", flush=True)
    return 0 if failed == 0 and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
