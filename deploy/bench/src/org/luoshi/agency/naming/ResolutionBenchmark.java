package org.luoshi.agency.naming;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.luoshi.agency.api.model.AgencyStatus;
import org.luoshi.agency.api.model.Classification;
import org.luoshi.agency.api.model.Level;
import org.luoshi.agency.registry.Agency;

/**
 * In-process name resolution throughput: a generated registry of about 10,000 units (31 provinces, 310
 * prefectures, their governments and departments) and a mix of spellings the documents use: full, short,
 * relative to the jurisdiction, traditional, spaced, groups, unspecified references and unknown names.
 * Lives in the resolver's package to call its index directly, without HTTP or database.
 */
public final class ResolutionBenchmark {

    private static final String[] PROVINCES = {"北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏",
            "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏",
            "陕西", "甘肃", "青海", "宁夏", "新疆"};
    private static final String[] FIRST = {"长", "岳", "衡", "邵", "湘", "常", "益", "郴", "永", "怀"};
    private static final String[] SECOND = {"阳", "沙", "州", "德", "潭", "江", "山", "林", "源", "平"};
    private static final String[][] DEPARTMENTS = {{"教育局", null}, {"财政局", null}, {"人力资源和社会保障局", "人社局"},
            {"发展和改革委员会", "发展改革委"}, {"科学技术局", "科技局"}, {"工业和信息化局", "工信局"}, {"自然资源和规划局", "自然资源局"},
            {"生态环境局", null}, {"住房和城乡建设局", "住建局"}, {"交通运输局", null}, {"农业农村局", null}, {"商务局", null},
            {"文化和旅游局", "文旅局"}, {"卫生健康委员会", "卫健委"}, {"应急管理局", null}, {"审计局", null},
            {"市场监督管理局", "市场监管局"}, {"统计局", null}, {"医疗保障局", "医保局"}, {"林业局", null}, {"水利局", null},
            {"民政局", null}, {"司法局", null}, {"公安局", null}, {"退役军人事务局", null}, {"国有资产监督管理委员会", "国资委"},
            {"体育局", null}, {"信访局", null}, {"数据资源局", null}};

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Agency> registry = new ArrayList<>();
        List<String[]> queries = new ArrayList<>();
        generate(registry, queries);
        long start = System.nanoTime();
        NameIndex index = new NameIndex(registry);
        long indexMillis = (System.nanoTime() - start) / 1_000_000;
        LocalDate today = LocalDate.now();

        int resolved = 0;
        for (String[] q : queries) { // warm-up, and a check that the mix resolves as intended
            if (NameResolver.resolve(index, q[0], q[1], today, false).isPresent()) {
                resolved++;
            }
        }
        System.out.printf("registry: %d agencies, index built in %d ms%n", registry.size(), indexMillis);
        System.out.printf("queries: %d distinct spellings, %d resolved (%d unknown by design)%n", queries.size(), resolved,
                queries.size() - resolved);
        double best = 0;
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            int found = 0;
            for (String[] q : queries) {
                if (NameResolver.resolve(index, q[0], q[1], today, false).isPresent()) {
                    found++;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = queries.size() / seconds;
            best = Math.max(best, rate);
            System.out.printf("round %d: %,.0f names/s (%d resolved)%n", round, rate, found);
        }
        System.out.printf("RESULT in-process resolution: %,.0f names/s (best of %d rounds, one thread; target >= 20,000)%n",
                best, rounds);
    }

    private static void generate(List<Agency> registry, List<String[]> queries) {
        for (int p = 0; p < PROVINCES.length; p++) {
            String province = PROVINCES[p] + "省";
            String provinceCode = String.format("%02d0000", 11 + p);
            Agency government = agency(province + "人民政府", "省政府", Classification.GOVERNMENT, Level.PROVINCE, provinceCode, null);
            registry.add(government);
            queries.add(new String[] {"各市州人民政府", provinceCode});
            queries.add(new String[] {"省直有关部门", provinceCode});
            for (String[] department : DEPARTMENTS) {
                String name = province + department[0].replace("局", "厅").replace("委员会", "委员会");
                registry.add(agency(name, null, Classification.DEPARTMENT, Level.PROVINCE, provinceCode, government.id));
                queries.add(new String[] {name, provinceCode});
                queries.add(new String[] {"省" + department[0].replace("局", "厅"), provinceCode});
            }
            for (int c = 0; c < 10; c++) {
                String city = FIRST[c] + SECOND[(c + p) % SECOND.length] + "市";
                String cityCode = String.format("%02d%02d00", 11 + p, c + 1);
                Agency cityGovernment = agency(city + "人民政府", "市政府", Classification.GOVERNMENT, Level.PREFECTURE, cityCode,
                        government.id);
                registry.add(cityGovernment);
                queries.add(new String[] {city + "人民政府", provinceCode});
                for (String[] department : DEPARTMENTS) {
                    String name = city + department[0];
                    String shortName = department[1] == null ? null : city + department[1];
                    registry.add(agency(name, shortName, Classification.DEPARTMENT, Level.PREFECTURE, cityCode, cityGovernment.id));
                    queries.add(new String[] {name, cityCode});
                    queries.add(new String[] {"市" + department[0], cityCode});
                    queries.add(new String[] {spaced(name), cityCode});
                    if (shortName != null) {
                        queries.add(new String[] {shortName, cityCode});
                    }
                }
                queries.add(new String[] {city + "不存在局", cityCode});
                queries.add(new String[] {"有关部门", cityCode});
            }
        }
    }

    private static String spaced(String name) {
        return String.join(" ", name.split(""));
    }

    private static Agency agency(String name, String shortName, Classification classification, Level level, String code,
            UUID parent) {
        Agency agency = new Agency();
        agency.id = UUID.randomUUID();
        agency.name = name;
        agency.shortName = shortName;
        agency.classification = classification;
        agency.level = level;
        agency.divisionCode = code;
        agency.parentId = parent;
        agency.status = AgencyStatus.ACTIVE;
        return agency;
    }
}
