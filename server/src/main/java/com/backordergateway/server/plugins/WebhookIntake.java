package com.backordergateway.server.plugins;

import com.backordergateway.api.v1.IngestPlatformEventRequest;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.WebhookReply;
import com.backordergateway.connector.api.BackorderSignal;
import com.backordergateway.connector.api.ResolvedSignal;
import com.backordergateway.connector.api.ShipmentSignal;
import com.backordergateway.connector.api.SourceSignal;
import com.backordergateway.connector.api.StockSignal;
import com.backordergateway.connector.api.UnavailableSignal;
import com.backordergateway.connector.api.WebhookOutcome;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.backordergateway.connector.api.WebhookRequest;
import com.backordergateway.server.config.Secrets;
import com.backordergateway.server.errors.ConflictException;
import com.backordergateway.server.errors.InvalidRequestException;
import com.backordergateway.server.errors.NotFoundException;
import com.backordergateway.server.errors.UnavailableException;
import com.backordergateway.server.intake.IntakeService;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A platform's event for a configured source instance. A raw webhook goes to its source plugin,
 * which checks the signature on the exact bytes before anything is read, then reads it into a
 * signal; intake records the signal like the API call it stands for, keyed on the platform's
 * delivery id so that the platform's retries are answered as duplicates. Authentic requests that
 * report nothing are acknowledged and record nothing; a handshake is answered with the body the
 * platform expects.
 */
@Singleton
public final class WebhookIntake {

  private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);
  private static final int MAX_KEY = 128;

  private final SourceInstances sources;
  private final IntakeService intake;

  @Inject
  WebhookIntake(SourceInstances sources, IntakeService intake) {
    this.sources = sources;
    this.intake = intake;
  }

  public CompletableFuture<IntakeResponse> ingest(IngestPlatformEventRequest r) {
    if (!r.hasWebhook()) {
      return intake.ingestPlatformEvent(r); // its rule refuses a source instance that is not configured
    }
    SourceInstances.Bound source = sources.bind(r.getSource(), r.getInstance());
    WebhookRequest request = new WebhookRequest(
        r.getWebhook().getHeadersMap(), r.getWebhook().getQueryMap(), r.getWebhook().getBody().toByteArray());
    WebhookOutcome outcome = read(source, request);
    if (outcome.signal().isEmpty()) {
      IntakeResponse.Builder answer = IntakeResponse.newBuilder().setReason("acknowledged: " + outcome.note());
      outcome.reply().ifPresent(reply -> answer.setWebhookReply(WebhookReply.newBuilder()
          .setContentType(reply.contentType()).setBody(ByteString.copyFrom(reply.body()))));
      return CompletableFuture.completedFuture(answer.build());
    }
    return record(r, outcome.signal().get());
  }

  private static WebhookOutcome read(SourceInstances.Bound source, WebhookRequest request) {
    try {
      source.plugin().verify(request, source.settings());
      if (request.body().length == 0) {
        // Only after the signature: to a sender without the secret every delivery is a 401, whatever its body.
        throw WebhookRejectedException.malformed("required");
      }
      return source.plugin().read(request, source.settings(), source.context());
    } catch (WebhookRejectedException e) {
      String why = Secrets.global().redact(e.getMessage());
      if (e.unauthenticated()) {
        throw Status.UNAUTHENTICATED.withDescription(why).asRuntimeException();
      }
      if (e.retryLater()) {
        log.warn("webhook source {}/{}: {}", source.config().type(), source.config().id(), why);
        throw new UnavailableException(why + "; the platform will retry");
      }
      throw InvalidRequestException.of("webhook.body", why);
    } catch (RuntimeException | LinkageError e) {
      // A plugin's own failure: the platform retries, and the operator sees why once per call.
      log.warn("webhook source {}/{} failed reading a webhook: {}", source.config().type(), source.config().id(),
          Secrets.global().redact(e.toString()));
      throw new UnavailableException("webhook source " + source.config().type() + " failed; the platform will retry");
    }
  }

  private CompletableFuture<IntakeResponse> record(IngestPlatformEventRequest r, SourceSignal signal) {
    if (signal.deliveryId().isBlank()) {
      throw new UnavailableException("webhook source " + r.getSource() + " gave no delivery id; the platform will retry");
    }
    String key = key(r.getSource(), r.getInstance(), signal.deliveryId());
    if (signal instanceof BackorderSignal backorder) {
      return intake.ingestPlatformEvent(r.toBuilder().setSignal(SignalRequests.backorder(backorder)).build());
    } else if (signal instanceof StockSignal stock) {
      return intake.reportInventoryLevel(SignalRequests.inventory(stock, key));
    } else if (signal instanceof UnavailableSignal unavailable) {
      return intake.markUnavailable(SignalRequests.unavailable(unavailable, key));
    } else if (signal instanceof ShipmentSignal shipment) {
      return intake.reportShipmentUpdate(SignalRequests.shipment(shipment, key));
    } else if (signal instanceof ResolvedSignal resolved) {
      return nothingToResolveIsAnAnswer(intake.resolveBackorder(SignalRequests.resolution(resolved, key)));
    }
    throw new IllegalStateException("unknown signal " + signal.getClass().getName());
  }

  /**
   * A board's card leaving the Backorder list when the SKU has no open case (resolved already, or
   * never opened) is authentic and leaves nothing to do: answered 200 with the reason, so the
   * platform neither retries it nor disables the webhook.
   */
  private static CompletableFuture<IntakeResponse> nothingToResolveIsAnAnswer(CompletableFuture<IntakeResponse> call) {
    return call.exceptionally(error -> {
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (cause instanceof NotFoundException || cause instanceof ConflictException) {
        return IntakeResponse.newBuilder().setReason("acknowledged: " + cause.getMessage()).build();
      }
      throw error instanceof CompletionException completion ? completion : new CompletionException(cause);
    });
  }

  /** {@code <source>/<instance>/<delivery id>}, hashed when it would be too long for a key. */
  static String key(String source, String instance, String deliveryId) {
    String key = source + "/" + instance + "/" + deliveryId;
    return key.length() <= MAX_KEY ? key : "sha256:" + sha256(key);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
