package org.luoshi.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.luoshi.platform.problem.ProblemException;
import org.luoshi.platform.security.CurrentActor;
import org.luoshi.platform.sql.SqlState;

/**
 * Honours Idempotency-Key on POST: the first request with a key runs and its outcome is kept; the same caller
 * repeating the key with the same body gets that outcome again (header Idempotent-Replayed), with another body a
 * 422, and while the first still runs a 409. A failed first attempt is forgotten so that it can be retried.
 */
@ApplicationScoped
public class Idempotency {

    public static final String REPLAYED = "Idempotent-Replayed";

    private final CurrentActor actor;
    private final ObjectMapper json;

    public Idempotency(CurrentActor actor, ObjectMapper json) {
        this.actor = actor;
        this.json = json;
    }

    public Uni<Response> once(String key, String operation, Object request, Supplier<Uni<Response>> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        IdempotencyRecord.Key id = new IdempotencyRecord.Key(actor.get().getSubject() + " " + operation, key.strip());
        String hash = sha256(write(request));
        return Panache.withTransaction(() -> claim(id, hash))
                // the claim lost to an earlier request with the same key
                .onFailure(SqlState::isUniqueViolation).recoverWithItem(false)
                .flatMap(claimed -> claimed ? run(id, action) : replay(id, hash));
    }

    private static Uni<Boolean> claim(IdempotencyRecord.Key id, String hash) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.key = id;
        record.requestHash = hash;
        record.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return record.persistAndFlush().replaceWith(true);
    }

    private Uni<Response> run(IdempotencyRecord.Key id, Supplier<Uni<Response>> action) {
        // The action joins this transaction, so it commits together with its recorded outcome: an outcome that cannot
        // be recorded undoes the action, and the key, released, does it once when sent again (before, the action
        // stood and a retry did it a second time). Deferred so that an action refusing the request before it returns
        // a Uni (a synchronous throw) still releases the key; otherwise it would answer "still being processed" for ever.
        return Panache.withTransaction(() -> Uni.createFrom().<Response>deferred(action::get)
                .call(response -> IdempotencyRecord.<IdempotencyRecord>findById(id)
                        .invoke(record -> {
                            if (record == null) {
                                // housekeeping freed the claim of a request that ran past its time: the outcome stands,
                                // only it is not kept for a repeat
                                return;
                            }
                            record.status = response.getStatus();
                            record.body = response.getEntity() == null ? null : write(response.getEntity());
                            record.location = response.getHeaderString(HttpHeaders.LOCATION);
                            record.etag = response.getHeaderString(HttpHeaders.ETAG);
                        })))
                .onFailure().call(e -> Panache.withTransaction(() -> IdempotencyRecord.deleteById(id)));
    }

    private static Uni<Response> replay(IdempotencyRecord.Key id, String hash) {
        return Panache.withSession(() -> IdempotencyRecord.<IdempotencyRecord>findById(id)).map(record -> {
            if (record == null) {
                throw ProblemException.conflict("a request with this Idempotency-Key failed just now; send it again");
            }
            if (!record.requestHash.equals(hash)) {
                throw ProblemException.unprocessable("this Idempotency-Key was used for a different request");
            }
            if (record.status == null) {
                throw ProblemException.conflict("a request with this Idempotency-Key is still being processed");
            }
            Response.ResponseBuilder response = Response.status(record.status).header(REPLAYED, "true");
            if (record.body != null) {
                response.entity(record.body).type(MediaType.APPLICATION_JSON_TYPE);
            }
            if (record.location != null) {
                response.header(HttpHeaders.LOCATION, record.location);
            }
            if (record.etag != null) {
                response.header(HttpHeaders.ETAG, record.etag);
            }
            return response.build();
        });
    }


    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
