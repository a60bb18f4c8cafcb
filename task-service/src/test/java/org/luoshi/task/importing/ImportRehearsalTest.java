package org.luoshi.task.importing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.luoshi.task.support.Fixtures.INTEGRATOR;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.luoshi.task.support.WithAgencyServiceProfile;

/** The start-up rehearsal of an import goes through storing it and leaves nothing behind. */
@QuarkusTest
@TestProfile(WithAgencyServiceProfile.class)
class ImportRehearsalTest {

    @Inject
    ImportService imports;

    @Test
    void aRehearsedImportIsStoredInItsTransactionAndRolledBack() throws Throwable {
        ParsedDocument sample;
        try (InputStream in = ImportRehearsalTest.class.getResourceAsStream("/importing/warm-up.txt")) {
            sample = PolicyDocumentParser.parse("warm-up.txt", in.readAllBytes());
        }
        JsonPath report = new JsonPath(VertxContextSupport.subscribeAndAwait(() -> imports.rehearse(sample)));
        // it went through the whole store: the document got its id and its tasks theirs, events and audit included
        assertEquals(Boolean.TRUE, report.getBoolean("stored"));
        assertEquals(sample.tasks().size(), report.getList("tasks").size());
        assertFalse(report.getList("tasks.id").contains(null));
        String documentId = report.getString("documentId");
        String taskId = report.getString("tasks[0].id");

        // and nothing of it stayed
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/documents/" + documentId).then().statusCode(404);
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + taskId).then().statusCode(404);
        given().auth().oauth2(INTEGRATOR).queryParam("limit", 200).when().get("/api/v1/documents").then().statusCode(200)
                .body("items.docNumber", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.startsWith("warm-up-"))));
    }
}
