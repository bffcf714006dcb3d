"""Loads the backorder.v1 modules that generate.sh writes to clients/python/generated."""

import sys
from pathlib import Path

GENERATED = Path(__file__).resolve().parent.parent / "generated"

if GENERATED.is_dir() and str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))

try:
    from backorder.v1 import (  # noqa: E402  (the path above must come first)
        admin_service_pb2,
        admin_service_pb2_grpc,
        backorder_service_pb2,
        backorder_service_pb2_grpc,
        common_pb2,
        records_pb2,
    )
except ImportError as error:
    raise ImportError(
        f"backorder.v1 modules not found in {GENERATED}: run clients/python/generate.sh") from error

__all__ = [
    "admin_service_pb2",
    "admin_service_pb2_grpc",
    "backorder_service_pb2",
    "backorder_service_pb2_grpc",
    "common_pb2",
    "records_pb2",
]
