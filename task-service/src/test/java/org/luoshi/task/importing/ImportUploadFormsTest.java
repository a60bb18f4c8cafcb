package org.luoshi.task.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.luoshi.task.support.Fixtures.SUPERVISOR;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.luoshi.task.support.WithAgencyServiceProfile;

/** The file may come as the raw body (octet-stream or text/plain) or as the file part of a multipart form. */
@QuarkusTest
@TestProfile(WithAgencyServiceProfile.class)
class ImportUploadFormsTest {

    private static final byte[] NOTICE = ImportReplaceTest.notice("湘教函〔2031〕1号", 10).getBytes(StandardCharsets.UTF_8);

    @Test
    void aMultipartFilePartGivesItsFilenameWhenTheParameterIsAbsent() {
        given().auth().oauth2(SUPERVISOR).multiPart("file", "notice-form.txt", NOTICE, "text/plain")
                .queryParam("jurisdiction", "430000").queryParam("dryRun", true)
                .when().post("/api/v1/imports").then().statusCode(200)
                .body("fileName", equalTo("notice-form.txt")).body("tasks.size()", equalTo(3))
                .body("docNumber", equalTo("湘教函〔2031〕1号"));
        given().auth().oauth2(SUPERVISOR).multiPart("file", "notice-form.txt", NOTICE, "application/octet-stream")
                .queryParam("jurisdiction", "430000").queryParam("dryRun", true).queryParam("fileName", "named.txt")
                .when().post("/api/v1/imports").then().statusCode(200).body("fileName", equalTo("named.txt"));
    }

    @Test
    void aPlainTextBodyIsTheFile() {
        given().auth().oauth2(SUPERVISOR).contentType("text/plain; charset=UTF-8").body(NOTICE)
                .queryParam("fileName", "notice.txt").queryParam("jurisdiction", "430000").queryParam("dryRun", true)
                .when().post("/api/v1/imports").then().statusCode(200).body("tasks.size()", equalTo(3));
    }

    @Test
    void aTargetSetForEachYearIsReportedAsTrackedOnce() {
        String text = String.join("\n", "湖南省教育厅关于推进职业技能培训的通知", "湘教函〔2031〕7号",
                "（一）扩大培训规模，每年新增培训1000人次，2033年底前完成。（省教育厅牵头）",
                "（二）建成实训基地5个，2032年底前完成。（省财政厅负责）",
                "（三）完善培训补贴办法。（省人力资源社会保障厅负责）", "");
        given().auth().oauth2(SUPERVISOR).contentType("text/plain; charset=UTF-8").body(text.getBytes(StandardCharsets.UTF_8))
                .queryParam("fileName", "yearly.txt").queryParam("jurisdiction", "430000").queryParam("dryRun", true)
                .when().post("/api/v1/imports").then().statusCode(200)
                .body("tasks.find { it.seq == '（一）' }.milestones[0].target.quantity", equalTo(1000))
                .body("warnings.findAll { it.seq == '（一）' && it.kind == 'OTHER' }.detail", org.hamcrest.Matchers.contains(
                        "target '每年新增培训1000人次' is per period (每年): tracked as one milestone due 2033-12-31, not once per period"))
                .body("warnings.findAll { it.seq == '（二）' }", org.hamcrest.Matchers.empty());
    }

    @Test
    void aTargetSetForEachYearOfADatedPlanIsAMilestoneForEachYear() {
        String text = String.join("\n", "湖南省教育厅关于推进职业技能培训的通知", "湘教函〔2031〕8号",
                "（一）扩大培训规模，每年新增培训1000人次，2033年底前完成。（省教育厅牵头）",
                "（二）建成实训基地5个，2032年底前完成。（省财政厅负责）",
                "（三）完善培训补贴办法。（省人力资源社会保障厅负责）", "湖南省教育厅", "2031年3月1日", "");
        given().auth().oauth2(SUPERVISOR).contentType("text/plain; charset=UTF-8").body(text.getBytes(StandardCharsets.UTF_8))
                .queryParam("fileName", "yearly-dated.txt").queryParam("jurisdiction", "430000").queryParam("dryRun", true)
                .when().post("/api/v1/imports").then().statusCode(200)
                .body("tasks.find { it.seq == '（一）' }.milestones.dueDate",
                        org.hamcrest.Matchers.contains("2031-12-31", "2032-12-31", "2033-12-31"))
                .body("tasks.find { it.seq == '（一）' }.milestones[0].title", equalTo("每年新增培训1000人次（2031年）"))
                .body("warnings.findAll { it.seq == '（一）' }", org.hamcrest.Matchers.empty());
    }

    @Test
    void aMultipartFormIsCheckedForATokenBeforeItIsRead() {
        given().multiPart("file", "notice-form.txt", NOTICE, "text/plain").queryParam("jurisdiction", "430000")
                .when().post("/api/v1/imports").then().statusCode(401).contentType("application/problem+json");
        given().contentType("multipart/form-data; boundary=x").body("{}".getBytes(StandardCharsets.UTF_8))
                .queryParam("jurisdiction", "430000")
                .when().post("/api/v1/imports").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aFilePartNamedLongerThanTheStoreHoldsIsABadRequest() {
        // the fileName parameter is bounded by the contract; before, the part's own name failed the insert (500)
        given().auth().oauth2(SUPERVISOR).multiPart("file", "通知".repeat(151) + ".txt", NOTICE, "text/plain")
                .queryParam("jurisdiction", "430000")
                .when().post("/api/v1/imports").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("at most 300"));
    }

    @Test
    void aFormWithoutAFilePartOrWithoutAnyFileNameIsABadRequest() {
        given().auth().oauth2(SUPERVISOR).multiPart("document", "notice.txt", NOTICE, "text/plain")
                .queryParam("jurisdiction", "430000").queryParam("dryRun", true)
                .when().post("/api/v1/imports").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'file'"));
        given().auth().oauth2(SUPERVISOR).multiPart("file", new String(NOTICE, StandardCharsets.UTF_8))
                .queryParam("jurisdiction", "430000").queryParam("dryRun", true)
                .when().post("/api/v1/imports").then().statusCode(400).body("detail", containsString("fileName"));
        given().auth().oauth2(SUPERVISOR).contentType("application/octet-stream").body(NOTICE)
                .queryParam("jurisdiction", "430000").queryParam("dryRun", true)
                .when().post("/api/v1/imports").then().statusCode(400).body("detail", containsString("fileName"));
    }
}
