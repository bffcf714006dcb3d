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
except ModuleNotFoundError as error:
    # Name what is really missing: the generated modules, or a library they import.
    if error.name in ("backorder", "backorder.v1") or (error.name or "").startswith("backorder.v1."):
        raise ImportError(
            f"backorder.v1 modules not found in {GENERATED}: run clients/python/generate.sh") from error
    package = {"google": "protobuf", "google.protobuf": "protobuf", "grpc": "grpcio"}.get(
        error.name, error.name)
    raise ImportError(
        f"No module named '{error.name}', which the generated backorder.v1 modules import: "
        f"install it, e.g. 'pip install {package}' or 'apt-get install python3-{package}'") from error

__all__ = [
    "admin_service_pb2",
    "admin_service_pb2_grpc",
    "backorder_service_pb2",
    "backorder_service_pb2_grpc",
    "common_pb2",
    "records_pb2",
]
