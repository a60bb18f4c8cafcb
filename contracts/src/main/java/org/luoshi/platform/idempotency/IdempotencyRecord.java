package org.luoshi.platform.idempotency;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** The first outcome of a request sent with an Idempotency-Key; status is null while it runs. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    public Integer status;

    public String body;

    public String location;

    public String etag;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Who and which operation (the key is only unique per caller and operation), and the key. */
    @Embeddable
    public record Key(@Column(name = "scope") String scope, @Column(name = "idem_key") String key) implements Serializable {
    }
}
