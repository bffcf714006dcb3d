"""A small client for the Backorder Gateway's gRPC API (backorder.v1).

Run ``clients/python/generate.sh`` first: it generates the ``backorder.v1`` modules this package
loads from ``clients/python/generated``. Then::

    from backorder_client import BackorderClient, backorder_service_pb2 as api

    with BackorderClient("localhost:9090", token="demo-token-change-me") as client:
        answer = client.backorder.ReportInventoryLevel(api.ReportInventoryLevelRequest(
            sku="ACR-TITANIUM-WHITE", on_hand=0, cause=api.INVENTORY_CAUSE_SALE))
"""

from ._generated import (
    admin_service_pb2,
    admin_service_pb2_grpc,
    backorder_service_pb2,
    backorder_service_pb2_grpc,
    common_pb2,
    records_pb2,
)
from .client import BackorderClient

__all__ = [
    "BackorderClient",
    "admin_service_pb2",
    "admin_service_pb2_grpc",
    "backorder_service_pb2",
    "backorder_service_pb2_grpc",
    "common_pb2",
    "records_pb2",
]
