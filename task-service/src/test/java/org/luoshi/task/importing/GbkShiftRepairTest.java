package org.luoshi.task.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GbkShiftRepairTest {

    private static final Charset GBK = Charset.forName("GBK");

    /**
     * The accident as reconstructed: GBK bytes decoded one byte late; the lone first byte shows as {@code ?}; pairs
     * GBK does not define are dropped; a lead byte before an ASCII byte below 0x40 shows as {@code ?} and swallows
     * it; an ASCII trail byte ends the damage; full-width ASCII is folded afterwards.
     */
    static String shifted(String original) {
        byte[] b = original.getBytes(GBK);
        StringBuilder out = new StringBuilder("?");
        int i = 1;
        while (i < b.length) {
            int first = b[i] & 0xFF;
            if (first < 0x80 || i + 1 >= b.length) {
                break;
            }
            int second = b[i + 1] & 0xFF;
            i += 2;
            if (second < 0x40) {
                out.append('?');
                break;
            }
            char c = GbkTable.decode(first, second);
            if (c != 0) {
                out.append(CharBigramModel.fold(c));
            }
        }
        return out + new String(b, i, b.length - i, GBK);
    }

    private static Map<String, String> repairs(String text) {
        return GbkShiftRepair.repairs(text).stream()
                .collect(Collectors.toMap(GbkShiftRepair.Repair::original, GbkShiftRepair.Repair::replacement, (a, b) -> a));
    }

    @Test
    void theSimulatedAccidentReproducesTheSeedsDamage() {
        assertEquals("?。ǘ┗驹瓌t。", shifted("　（二）基本原則。"));
        assertEquals("?。ㄒ唬┲笇?dǎo)思想", shifted("　（一）指導(dǎo)思想"));
    }

    @Test
    void aShiftedRunIsReadBackByReencodingItOneByteLater() {
        String context = "以新時代思想為指導(dǎo)，堅持新發(fā)展理念。(二)強化企業重要主體作用。(三)推進產教協同育人。\n"
                + "堅持基本方向，遵循基本原則，完善基本制度。學校和企業共同推進，需求導向人才培養(yǎng)。\n";
        String text = context + shifted("　（一）指導(dǎo)思想。") + "全面貫徹落實。\n"
                + shifted("　（二）基本原則。") + "\n";
        Map<String, String> repairs = repairs(text);
        assertEquals("（一）指導(", repairs.get("?。ㄒ唬┲笇?"), repairs.toString());
        assertEquals("（二）基本原則", repairs.get("?。ǘ┗驹瓌t"), "two pairs GBK does not define were dropped");
    }

    @Test
    void everyRunOfThePanjinSeedThatTheDocumentItselfAttestsIsRepaired() {
        List<GbkShiftRepair.Repair> repairs = GbkShiftRepair.repairs(Seeds.text(Seeds.PANJIN));
        Map<String, String> certain = repairs.stream().filter(GbkShiftRepair.Repair::certain)
                .collect(Collectors.toMap(GbkShiftRepair.Repair::original, GbkShiftRepair.Repair::replacement, (a, b) -> a));
        assertEquals("（一）指導(", certain.get("?。ㄒ唬┲笇?"));
        assertEquals("（二）基本原則", certain.get("?。ǘ┗驹瓌t"));
        assertEquals("（三）工作目標(", certain.get("?。ㄈ┕ぷ髂繕?"));
        assertEquals("（一）構(", certain.get("?。ㄒ唬?"));
        assertEquals("（四）產", certain.get("?。ㄋ模┊a"));
        assertEquals("（五）完善政策支持體", certain.get("?。ㄎ澹┩晟普咧С煮w"));
        assertEquals("（一）加強組", certain.get("?。ㄒ唬┘訌娊M"));
        assertEquals("（二）加強宣傳引導(", certain.get("?。ǘ┘訌娦麄饕龑?"));
        assertEquals("專業", certain.get("?qū)I"));
        assertEquals("校科研人員", certain.get("??蒲腥藛T"));
        assertTrue(repairs.stream().anyMatch(r -> r.original().equals("?qū)?") && !r.certain()),
                "the annex cell's run has too little context: reported, not applied");
    }

    @Test
    void textWithoutDamageIsLeftAlone() {
        assertTrue(GbkShiftRepair.repairs("省教育厅、省发展改革委会同有关部门。").isEmpty());
        assertTrue(GbkShiftRepair.repairs("详见 http://www.example.gov.cn/index.jsp?id=12 网页。").isEmpty());
        assertFalse(GbkShiftRepair.repairs("推进“三全育人”?\n").stream().anyMatch(GbkShiftRepair.Repair::certain));
    }

    @Test
    void theBeamsCutIsTheKthLargestScoreTiesIncluded() {
        java.util.Random random = new java.util.Random(3);
        for (int round = 0; round < 500; round++) {
            double[] values = new double[1 + random.nextInt(900)];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextBoolean() ? -random.nextInt(20) : -random.nextDouble() * 40; // many equal scores
            }
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            int k = 1 + random.nextInt(values.length);
            assertEquals(sorted[values.length - k], GbkShiftRepair.kthLargest(values.clone(), k), "k=" + k);
        }
    }
}
