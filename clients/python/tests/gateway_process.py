"""Runs the assembled gateway (distribution/target/backorder-gateway) as a process for tests.

The gateway gets free ports, a temporary working directory (its SQLite file lands there) and a
minimal config: one token with every scope, one webhook connector in dry-run, plugins read from
the distribution without watching the folder.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import grpc

REPO = Path(__file__).resolve().parents[3]
DISTRIBUTION = REPO / "distribution" / "target" / "backorder-gateway"
TOKEN = "python-test-token-0123456789"

CONFIG = """\
server: {{grpc-port: {grpc_port}, http-port: {http_port}}}
storage: {{url: "jdbc:sqlite:data/backorder.db"}}
auth:
  tokens: [{{name: python-test, token: {token}, scopes: [intake, read, admin]}}]
plugins: {{dir: "{plugins}", watch: false}}
connectors:
  - id: erp-webhook
    type: webhook
    mode: dry-run
    settings: {{url: "https://erp.example.com/hooks/backorders", signing-secret: python-test-signing-secret}}
routes:
  - {{name: customers, when: {{audience: customer}}, send: [erp-webhook]}}
  - {{name: staff, when: {{audience: staff}}, send: [erp-webhook]}}
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class GatewayProcess:
    """``start()`` launches and waits for health SERVING; ``stop()`` always ends the process."""

    def __init__(self):
        self.grpc_port = free_port()
        self.http_port = free_port()
        self.target = f"localhost:{self.grpc_port}"
        self.token = TOKEN
        self._dir = Path(tempfile.mkdtemp(prefix="backorder-python-test-"))
        self._log = self._dir / "gateway.log"
        self._process = None

    def start(self, timeout=60.0):
        jar = DISTRIBUTION / "backorder-server.jar"
        if not jar.is_file():
            raise RuntimeError(f"{jar} is missing: build it with ./mvnw -q package -DskipTests")
        config = self._dir / "gateway.yaml"
        config.write_text(CONFIG.format(grpc_port=self.grpc_port, http_port=self.http_port,
                                        token=TOKEN, plugins=DISTRIBUTION / "plugins"))
        java = Path(os.environ["JAVA_HOME"], "bin", "java") if "JAVA_HOME" in os.environ else "java"
        with open(self._log, "wb") as log:
            self._process = subprocess.Popen(
                [str(java), "-jar", str(jar), "--config", str(config)],
                cwd=self._dir, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self._wait_until_serving(timeout)

    def stop(self):
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()  # SIGTERM: the gateway drains and closes its store
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        shutil.rmtree(self._dir, ignore_errors=True)

    def log_tail(self, lines=30):
        try:
            return "\n".join(self._log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def _wait_until_serving(self, timeout):
        deadline = time.monotonic() + timeout
        with grpc.insecure_channel(self.target) as channel:
            # grpc.health.v1.Health/Check with an empty request; the answer {status: SERVING}
            # is field 1 = 1, encoded as the two bytes 08 01.
            check = channel.unary_unary("/grpc.health.v1.Health/Check")
            while time.monotonic() < deadline:
                if self._process.poll() is not None:
                    raise RuntimeError(f"gateway exited with {self._process.returncode}:\n{self.log_tail()}")
                try:
                    if check(b"", timeout=1) == b"\x08\x01":
                        return
                except grpc.RpcError:
                    pass
                time.sleep(0.1)
        raise RuntimeError(f"gateway not SERVING after {timeout} s:\n{self.log_tail()}")
