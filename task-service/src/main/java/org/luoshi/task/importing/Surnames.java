package org.luoshi.task.importing;

/**
 * The most common Chinese surnames, to tell a person named in brackets after a unit (市教育局（王强）) from a qualifier of
 * the unit (（本级）, （文物）, （林场）): surnames that also open common words (文, 林, 高, 安, 金 …) are left out on purpose.
 */
final class Surnames {

    /** An alternation for a regular expression: 王|李|张|…|欧阳. */
    static final String COMMON = "欧阳|司马|上官|诸葛|王|李|张|刘|陈|杨|黄|赵|吴|周|徐|孙|马|朱|胡|郭|何|罗|郑|梁|谢|宋|唐|许|韩"
            + "|冯|邓|曹|彭|曾|肖|董|袁|潘|蒋|蔡|杜|叶|魏|吕|丁|沈|姚|卢|姜|崔|钟|谭|陆|汪|范|廖|贾|邹|熊|秦|邱|尹|薛|段|雷|侯|陶|黎|贺"
            + "|顾|毛|郝|龚|邵|钱|覃|戴|莫|倪|庞|颜|聂|詹";

    private Surnames() {
    }
}
