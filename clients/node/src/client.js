'use strict';
// A small client for the Backorder Gateway's gRPC API (backorder.v1), on @grpc/grpc-js with the
// protos loaded at run time by @grpc/proto-loader. Field names stay as in the proto (on_hand),
// enums are their names (INVENTORY_CAUSE_SALE), int64 values strings, timestamps
// {seconds, nanos}.

const path = require('node:path');
const fs = require('node:fs');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTO_ROOT = path.resolve(__dirname, '../../../proto/src/main/proto');
const GOOGLE_API_PROTOS = path.resolve(__dirname, '../build/proto-deps');
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_ATTEMPTS = 4;

/** The backorder.v1 package: service constructors and message types. */
function loadApi({ protoRoot = PROTO_ROOT, googleApiProtos = GOOGLE_API_PROTOS } = {}) {
  if (!fs.existsSync(path.join(googleApiProtos, 'google/api/annotations.proto'))) {
    throw new Error(`google/api protos missing in ${googleApiProtos}: run "npm run protos" in clients/node`);
  }
  const definition = protoLoader.loadSync(
    ['backorder/v1/backorder_service.proto', 'backorder/v1/admin_service.proto'],
    { includeDirs: [protoRoot, googleApiProtos], keepCase: true, enums: String, longs: String, defaults: true, oneofs: true });
  return grpc.loadPackageDefinition(definition).backorder.v1;
}

/** The gRPC service config that retries UNAVAILABLE on both services (nothing was committed). */
function serviceConfig(maxAttempts) {
  return JSON.stringify({
    methodConfig: [{
      name: [{ service: 'backorder.v1.BackorderService' }, { service: 'backorder.v1.AdminService' }],
      retryPolicy: {
        maxAttempts,
        initialBackoff: '0.2s',
        maxBackoff: '2s',
        backoffMultiplier: 2,
        retryableStatusCodes: ['UNAVAILABLE'],
      },
    }],
  });
}

/** Adds the bearer token to every call, and a deadline to unary calls that set none. */
function callDefaults(token, timeoutMs) {
  return (options, nextCall) => {
    const method = options.method_definition;
    const unary = !method.requestStream && !method.responseStream;
    const withDeadline = unary && options.deadline === undefined
      ? { ...options, deadline: new Date(Date.now() + timeoutMs) } : options;
    return new grpc.InterceptingCall(nextCall(withDeadline), {
      start(metadata, listener, next) {
        if (token) {
          metadata.set('authorization', `Bearer ${token}`);
        }
        next(metadata, listener);
      },
    });
  };
}

/** Unary methods as functions answering promises; server streams as the grpc-js stream. */
function promised(stub) {
  const api = {};
  for (const [name, method] of Object.entries(stub.constructor.service)) {
    api[name] = method.responseStream
      ? (request, options = {}) => stub[name](request, options)
      : (request, options = {}) => new Promise((resolve, reject) => {
        stub[name](request, options, (error, response) => (error ? reject(error) : resolve(response)));
      });
  }
  return api;
}

/**
 * A connection to one gateway. `backorder` and `admin` have one function per RPC, named as in
 * the proto: unary ones answer a promise (rejected with the grpc-js error, whose `code` is a
 * grpc.status), `WatchEvents` answers the stream (call `cancel()` to stop it).
 */
class BackorderClient {
  /**
   * @param {string} target host:port
   * @param {object} [options]
   * @param {string} [options.token] bearer token; without TLS it travels in the clear
   * @param {boolean} [options.tls] TLS with the system's CAs, or with `rootCerts` (PEM Buffer)
   * @param {number} [options.timeoutMs] deadline of unary calls that set none (10 s)
   * @param {number} [options.maxAttempts] tries per call answered UNAVAILABLE, 1 to 5 (4)
   */
  constructor(target, { token, tls = false, rootCerts, timeoutMs = DEFAULT_TIMEOUT_MS,
    maxAttempts = DEFAULT_MAX_ATTEMPTS, api = loadApi() } = {}) {
    if (!(maxAttempts >= 1 && maxAttempts <= 5)) {
      throw new RangeError(`maxAttempts must be 1 to 5, was ${maxAttempts}`);
    }
    const credentials = tls || rootCerts ? grpc.credentials.createSsl(rootCerts) : grpc.credentials.createInsecure();
    const channelOptions = maxAttempts > 1
      ? { 'grpc.enable_retries': 1, 'grpc.service_config': serviceConfig(maxAttempts) }
      : { 'grpc.enable_retries': 0 };
    this.channel = new grpc.Channel(target, credentials, channelOptions);
    const clientOptions = { channelOverride: this.channel, interceptors: [callDefaults(token, timeoutMs)] };
    this.api = api;
    this.backorder = promised(new api.BackorderService(target, credentials, clientOptions));
    this.admin = promised(new api.AdminService(target, credentials, clientOptions));
    // Never the token itself.
    Object.defineProperty(this, 'description', {
      value: `BackorderClient(target=${target}, transport=${tls || rootCerts ? 'tls' : 'plaintext'}, token=${token ? 'set' : 'none'})`,
    });
  }

  /** Closes the channel; calls still running fail with CANCELLED. */
  close() {
    this.channel.close();
  }

  toString() {
    return this.description;
  }
}

module.exports = { BackorderClient, loadApi, status: grpc.status };
