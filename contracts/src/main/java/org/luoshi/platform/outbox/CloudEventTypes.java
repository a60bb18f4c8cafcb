package org.luoshi.platform.outbox;

/** Naming of CloudEvent types and the Kafka headers of binary mode. */
public final class CloudEventTypes {

    public static final String PREFIX = "org.luoshi.";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SUBJECT = "ce_subject";

    private CloudEventTypes() {
    }

    public static String qualified(String type) {
        return type.startsWith(PREFIX) ? type : PREFIX + type;
    }

    public static String simple(String qualifiedType) {
        return qualifiedType.startsWith(PREFIX) ? qualifiedType.substring(PREFIX.length()) : qualifiedType;
    }
}
