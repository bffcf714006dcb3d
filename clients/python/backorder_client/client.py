"""BackorderClient: one channel to a gateway, with stubs that send the token and a deadline."""

import collections
import json

import grpc

from ._generated import admin_service_pb2_grpc, backorder_service_pb2_grpc

DEFAULT_TIMEOUT = 10.0
"""Seconds a unary call may take unless the call sets its own ``timeout``."""

DEFAULT_MAX_ATTEMPTS = 4
"""Tries per call answered UNAVAILABLE, the first included (see ``_service_config``)."""


class BackorderClient:
    """A connection to one Backorder Gateway.

    ``backorder`` (BackorderService: intake and queries) and ``admin`` (AdminService) are the
    generated stubs. Every call they make sends ``authorization: Bearer <token>`` when a token is
    given; unary calls without a ``timeout`` get ``timeout`` seconds; ``WatchEvents`` gets none.
    Calls answered UNAVAILABLE (gateway unreachable, starting or draining; nothing was committed)
    are retried by gRPC with backoff, up to ``max_attempts`` tries in all.

    Use it as a context manager, or call ``close()``.
    """

    def __init__(self, target, token=None, *, tls=False, root_certificates=None,
                 timeout=DEFAULT_TIMEOUT, max_attempts=DEFAULT_MAX_ATTEMPTS):
        """Connects lazily to ``target`` (``host:port``).

        ``tls=True`` uses TLS with the system's CAs, or with ``root_certificates`` (PEM bytes).
        Without TLS the token travels in the clear: use plaintext only for a local gateway.
        """
        if not 1 <= max_attempts <= 5:
            raise ValueError(f"max_attempts must be 1 to 5, was {max_attempts}")
        options = [("grpc.enable_retries", 1 if max_attempts > 1 else 0)]
        if max_attempts > 1:
            options.append(("grpc.service_config", _service_config(max_attempts)))
        if tls or root_certificates is not None:
            credentials = grpc.ssl_channel_credentials(root_certificates=root_certificates)
            self.channel = grpc.secure_channel(target, credentials, options=options)
        else:
            self.channel = grpc.insecure_channel(target, options=options)
        self._description = (f"target={target}, transport={'tls' if tls else 'plaintext'}, "
                             f"token={'set' if token else 'none'}")
        calls = grpc.intercept_channel(self.channel, _CallDefaults(token, timeout))
        self.backorder = backorder_service_pb2_grpc.BackorderServiceStub(calls)
        self.admin = admin_service_pb2_grpc.AdminServiceStub(calls)

    def close(self):
        """Closes the channel; calls still running are cancelled."""
        self.channel.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __repr__(self):
        # Never the token itself.
        return f"BackorderClient({self._description})"


def _service_config(max_attempts):
    """The gRPC service config that retries UNAVAILABLE on both backorder.v1 services."""
    return json.dumps({"methodConfig": [{
        "name": [{"service": "backorder.v1.BackorderService"},
                 {"service": "backorder.v1.AdminService"}],
        "retryPolicy": {
            "maxAttempts": max_attempts,
            "initialBackoff": "0.2s",
            "maxBackoff": "2s",
            "backoffMultiplier": 2,
            "retryableStatusCodes": ["UNAVAILABLE"],
        },
    }]})


class _CallDetails(
        collections.namedtuple(
            "_CallDetails", ("method", "timeout", "metadata", "credentials", "wait_for_ready",
                             "compression")),
        grpc.ClientCallDetails):
    pass


class _CallDefaults(grpc.UnaryUnaryClientInterceptor, grpc.UnaryStreamClientInterceptor):
    """Adds the bearer token to every call and a default timeout to unary calls."""

    def __init__(self, token, timeout):
        self._metadata = (("authorization", f"Bearer {token}"),) if token else ()
        self._timeout = timeout

    def intercept_unary_unary(self, continuation, details, request):
        return continuation(self._with_defaults(details, self._timeout), request)

    def intercept_unary_stream(self, continuation, details, request):
        return continuation(self._with_defaults(details, None), request)

    def _with_defaults(self, details, default_timeout):
        timeout = details.timeout if details.timeout is not None else default_timeout
        metadata = tuple(details.metadata or ()) + self._metadata
        return _CallDetails(details.method, timeout, metadata, details.credentials,
                            getattr(details, "wait_for_ready", None),
                            getattr(details, "compression", None))
