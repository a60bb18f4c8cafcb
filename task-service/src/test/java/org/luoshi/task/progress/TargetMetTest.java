package org.luoshi.task.progress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.luoshi.task.api.model.Comparator;
import org.luoshi.task.milestone.Milestone;

/** When a reported value reaches a milestone's target, by the target's comparator. */
class TargetMetTest {

    private static Milestone target(String quantity, Comparator comparator, String achieved) {
        Milestone milestone = new Milestone();
        milestone.targetQuantity = new BigDecimal(quantity);
        milestone.targetComparator = comparator;
        milestone.achieved = achieved == null ? null : new BigDecimal(achieved);
        return milestone;
    }

    @Test
    void aPlainNumberIsReachedByItAndByMore() {
        // 建成50个: 55 left the milestone open for ever before (EXACT wanted 50 exactly)
        assertTrue(ProgressService.targetMet(target("50", Comparator.EXACT, "55")));
        assertTrue(ProgressService.targetMet(target("50", Comparator.EXACT, "50")));
        assertFalse(ProgressService.targetMet(target("50", Comparator.EXACT, "49")));
    }

    @Test
    void atLeastAboutAndCeilings() {
        assertTrue(ProgressService.targetMet(target("30", Comparator.AT_LEAST, "30")));
        assertFalse(ProgressService.targetMet(target("30", Comparator.AT_LEAST, "29.9")));
        // 300家左右: within 5 %
        assertTrue(ProgressService.targetMet(target("300", Comparator.ABOUT, "285")));
        assertFalse(ProgressService.targetMet(target("300", Comparator.ABOUT, "284")));
        // a ceiling holds or not only at its due date
        assertFalse(ProgressService.targetMet(target("5", Comparator.AT_MOST, "3")));
        assertFalse(ProgressService.targetMet(target("5", Comparator.AT_LEAST, null)));
    }
}
