package org.luoshi.agency.registry;

import java.time.LocalDate;
import org.luoshi.agency.api.model.AgencyStatus;
import org.luoshi.agency.api.model.Classification;
import org.luoshi.agency.api.model.Level;

/** Criteria of an agency listing; null means "any". */
public record AgencyFilter(String text, Classification classification, Level level, String divisionCode,
        AgencyStatus status, LocalDate asOf) {
}
