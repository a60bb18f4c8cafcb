package org.luoshi.task.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnitListTest {

    @Test
    void unitsCloseAParagraphInABracketAfterALabelOrAfterADash() {
        assertEquals("（省国资委、中国电信湖南分公司负责）", units("推进网络建设。（省国资委、中国电信湖南分公司负责）"),
                "a company is a unit");
        assertEquals("（省广电局、湖南广播电视台负责）", units("加强宣传。（省广电局、湖南广播电视台负责）。"));
        assertEquals("责任单位：市教育局", units("完善评价机制。\n责任单位：市教育局"));
        assertEquals("市教育局、市财政局", units("完善评价机制。——市教育局、市财政局"));
        assertEquals(7, UnitList.at("完善评价机制。——市教育局").orElseThrow().start(), "the content ends before the dash");
    }

    @Test
    void contentThatOnlyLooksLikeUnitsIsNone() {
        assertTrue(UnitList.at("建设公共服务平台（含信息平台）。").isEmpty());
        assertTrue(UnitList.at("实施“1+X”证书制度——职业教育的重要改革。").isEmpty(), "a dash before a phrase");
        assertTrue(UnitList.at("支持企业参与办学（由市教育局统筹）").isEmpty());
    }

    private static String units(String text) {
        Optional<UnitList> units = UnitList.at(text);
        assertTrue(units.isPresent(), "no units found in " + text);
        return units.get().units();
    }
}
