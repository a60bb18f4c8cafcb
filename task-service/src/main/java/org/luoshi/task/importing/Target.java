package org.luoshi.task.importing;

import java.math.BigDecimal;
import org.luoshi.task.api.model.Comparator;

/**
 * A numeric target: {@code quantity} with its unit as written (%, 个, 家, 元/人 …); for a RANGE, {@code max} is the
 * upper bound.
 */
public record Target(BigDecimal quantity, String unit, Comparator comparator, BigDecimal max) {
}
