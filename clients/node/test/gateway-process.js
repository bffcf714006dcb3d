'use strict';
// Runs the assembled gateway (distribution/target/backorder-gateway) as a process for tests:
// free ports, a temporary working directory (its SQLite file lands there), and a minimal config
// with one token, one webhook connector in dry-run, and the distribution's plugins, unwatched.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const grpc = require('@grpc/grpc-js');

const DISTRIBUTION = path.resolve(__dirname, '../../../distribution/target/backorder-gateway');
const TOKEN = 'node-test-token-0123456789';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function config({ grpcPort, httpPort }) {
  return `server: {grpc-port: ${grpcPort}, http-port: ${httpPort}}
storage: {url: "jdbc:sqlite:data/backorder.db"}
auth:
  tokens: [{name: node-test, token: ${TOKEN}, scopes: [intake, read, admin]}]
plugins: {dir: "${path.join(DISTRIBUTION, 'plugins')}", watch: false}
connectors:
  - id: erp-webhook
    type: webhook
    mode: dry-run
    settings: {url: "https://erp.example.com/hooks/backorders", signing-secret: node-test-signing-secret}
routes:
  - {name: customers, when: {audience: customer}, send: [erp-webhook]}
  - {name: staff, when: {audience: staff}, send: [erp-webhook]}
`;
}

/** grpc.health.v1.Health/Check with an empty request; SERVING is field 1 = 1: the bytes 08 01. */
function healthCheck(client) {
  return new Promise((resolve) => {
    const identity = (bytes) => bytes;
    client.makeUnaryRequest('/grpc.health.v1.Health/Check', identity, identity, Buffer.alloc(0),
      { deadline: new Date(Date.now() + 1000) },
      (error, answer) => resolve(!error && answer.equals(Buffer.from([0x08, 0x01]))));
  });
}

class GatewayProcess {
  /** Launches the gateway and waits until its health check answers SERVING. */
  async start(timeoutMs = 60_000) {
    const jar = path.join(DISTRIBUTION, 'backorder-server.jar');
    if (!fs.existsSync(jar)) {
      throw new Error(`${jar} is missing: build it with ./mvnw -q package -DskipTests`);
    }
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backorder-node-test-'));
    const grpcPort = await freePort();
    const httpPort = await freePort();
    this.target = `localhost:${grpcPort}`;
    this.token = TOKEN;
    fs.writeFileSync(path.join(this.dir, 'gateway.yaml'), config({ grpcPort, httpPort }));
    this.log = path.join(this.dir, 'gateway.log');
    const log = fs.openSync(this.log, 'w');
    const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
    this.process = spawn(java, ['-jar', jar, '--config', 'gateway.yaml'],
      { cwd: this.dir, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    this.exited = new Promise((resolve) => this.process.once('exit', resolve));
    await this.waitUntilServing(timeoutMs);
  }

  async waitUntilServing(timeoutMs) {
    const client = new grpc.Client(this.target, grpc.credentials.createInsecure());
    try {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (this.process.exitCode !== null) {
          throw new Error(`gateway exited with ${this.process.exitCode}:\n${this.logTail()}`);
        }
        if (await healthCheck(client)) {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`gateway not SERVING after ${timeoutMs} ms:\n${this.logTail()}`);
    } finally {
      client.close();
    }
  }

  /** SIGTERM (the gateway drains and closes its store), SIGKILL after 30 s; removes the folder. */
  async stop() {
    if (this.process && this.process.exitCode === null && this.process.signalCode === null) {
      this.process.kill('SIGTERM');
      const killer = setTimeout(() => this.process.kill('SIGKILL'), 30_000);
      await this.exited;
      clearTimeout(killer);
    }
    if (this.dir) {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }

  logTail(lines = 30) {
    try {
      return fs.readFileSync(this.log, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}

module.exports = { GatewayProcess };
