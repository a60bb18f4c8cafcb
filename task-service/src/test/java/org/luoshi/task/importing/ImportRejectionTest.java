package org.luoshi.task.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.luoshi.task.support.Fixtures.INTEGRATOR;
import static org.luoshi.task.support.Fixtures.SUPERVISOR;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.luoshi.task.support.WithAgencyServiceProfile;

/** Bad files answer a precise problem and store nothing. */
@QuarkusTest
@TestProfile(WithAgencyServiceProfile.class)
class ImportRejectionTest {

    private static io.restassured.response.ValidatableResponse post(String token, byte[] body) {
        return given().auth().oauth2(token).contentType("application/octet-stream")
                .queryParam("fileName", "upload.txt").queryParam("jurisdiction", "430000")
                .body(body).when().post("/api/v1/imports").then();
    }

    private static int documents() {
        return given().auth().oauth2(INTEGRATOR).queryParam("limit", 200).when().get("/api/v1/documents")
                .then().extract().jsonPath().getList("items").size();
    }

    @Test
    void emptyBinaryUndecodableAndTasklessFilesAreRefused() {
        int before = documents();
        post(SUPERVISOR, new byte[0]).statusCode(400).contentType("application/problem+json");
        post(SUPERVISOR, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}).statusCode(415)
                .contentType("application/problem+json");
        post(SUPERVISOR, new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xfd, (byte) 0x81, (byte) 0x30}).statusCode(415);
        post(SUPERVISOR, "这是一段没有任何任务的说明文字。".getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("detail", containsString("no task"));
        post(INTEGRATOR, "1\t任务\t省教育厅".getBytes(StandardCharsets.UTF_8)).statusCode(403);
        given().auth().oauth2(SUPERVISOR).contentType("application/octet-stream").queryParam("fileName", "x.txt")
                .body("1".getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/imports").then().statusCode(400);
        org.junit.jupiter.api.Assertions.assertEquals(before, documents(), "nothing stored");
    }

    @Test
    void cellsLongerThanTheirColumnsAreCutWithAWarningInsteadOfFailingTheImport() {
        String category = "统筹推进" + "产教融合".repeat(60);
        String unit = "市教育局" + "所属事业单位".repeat(40);
        String text = "分工表\n序号\t类别\t重点任务\t责任单位\n1\t" + category + "\t落实财税政策。\t" + unit + "\n";
        // before, the category failed the insert (500) and the unit name the resolve call (503)
        given().auth().oauth2(SUPERVISOR).contentType("application/octet-stream")
                .queryParam("fileName", "long-cells-" + System.nanoTime() + ".txt").queryParam("jurisdiction", "430000")
                .body(text.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/imports")
                .then().statusCode(201)
                .body("tasks[0].category.length()", org.hamcrest.Matchers.equalTo(200))
                .body("tasks[0].assignments[0].rawName.length()", org.hamcrest.Matchers.equalTo(200))
                .body("warnings.detail", org.hamcrest.Matchers.hasItem(containsString("the category of task 1 has 244 characters: cut to 200")))
                .body("warnings.detail", org.hamcrest.Matchers.hasItem(containsString("the unit name of task 1 has 244 characters: cut to 200")));
    }

    @Test
    void aRefusedUploadReleasesItsIdempotencyKeyForTheCorrectedFile() {
        String key = "upload-" + System.nanoTime();
        // over luoshi.import.max-bytes (1,000,000) yet under the HTTP body limit, so the import itself refuses it
        byte[] tooLarge = ("1\t任务\t省教育厅\n" + "说".repeat(340_000)).getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(SUPERVISOR).contentType("application/octet-stream").header("Idempotency-Key", key)
                .queryParam("fileName", "large.txt").queryParam("jurisdiction", "430000").queryParam("dryRun", true)
                .body(tooLarge).when().post("/api/v1/imports").then().statusCode(413).contentType("application/problem+json");
        // before, the key stayed claimed: every retry answered 409 "still being processed" or 422
        given().auth().oauth2(SUPERVISOR).contentType("application/octet-stream").header("Idempotency-Key", key)
                .queryParam("fileName", "large.txt").queryParam("jurisdiction", "430000").queryParam("dryRun", true)
                .body("分工表\n序号\t重点任务\t责任单位\n1\t落实财税政策。\t省教育厅\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports").then().statusCode(200).body("tasks.size()", equalTo(1));
    }

    @Test
    void anotherTextUnderAStoredDocNumberIsAConflict() throws Exception {
        SeedImportTest.importSeed("003_592ce857e5741a20.txt", "341500", java.util.Map.of()).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String changed = java.nio.file.Files.readString(java.nio.file.Path.of("..", "seeds", "003_592ce857e5741a20.txt"))
                .replace("切实做好", "认真做好");
        given().auth().oauth2(SUPERVISOR).contentType("application/octet-stream")
                .queryParam("fileName", "003-edited.txt").queryParam("jurisdiction", "341500")
                .body(changed.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/imports")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("六政办秘〔2018〕123号"));
    }
}
