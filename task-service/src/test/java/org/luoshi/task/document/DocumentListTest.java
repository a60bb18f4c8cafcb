package org.luoshi.task.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.luoshi.task.support.Fixtures.INTEGRATOR;
import static org.luoshi.task.support.Fixtures.SUPERVISOR;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luoshi.task.support.RealInfrastructureProfile;

/** The document list as the contract describes it: newest issued first, undated last, pages that neither skip nor repeat. */
@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class DocumentListTest {

    private static String create(String docNumber, String issuedOn, String implementsNumber) {
        Map<String, Object> body = new HashMap<>(Map.of("docNumber", docNumber, "title", "关于推进产教融合的实施意见",
                "jurisdiction", "220000"));
        if (issuedOn != null) {
            body.put("issuedOn", issuedOn);
        }
        if (implementsNumber != null) {
            body.put("implements", implementsNumber);
        }
        return given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/documents").then().statusCode(201).extract().path("id");
    }

    @Test
    void newestIssuedFirstUndatedLastAcrossPagesWithTheImplementedDocumentLinked() {
        String series = "吉试〔" + System.nanoTime() % 1_000_000 + "〕";
        String national = create(series + "1号", "2017-12-19", null);
        String undated = create(series + "2号", null, null);
        String provincial = create(series + "3号", "2018-12-12", series + "1号");
        String sameDay = create(series + "4号", "2018-12-12", "国办发〔1999〕1号");

        List<String> order = new ArrayList<>();
        String after = null;
        do {
            var request = given().auth().oauth2(INTEGRATOR).queryParam("q", series).queryParam("limit", 1);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.when().get("/api/v1/documents").then().statusCode(200).extract().jsonPath();
            order.addAll(page.getList("items.id"));
            after = page.getString("next");
        } while (after != null);

        List<String> sameDayPair = provincial.compareTo(sameDay) > 0 ? List.of(provincial, sameDay) : List.of(sameDay, provincial);
        assertEquals(List.of(sameDayPair.get(0), sameDayPair.get(1), national, undated), order,
                "by issue date, newest first (same day: by id), undated last; before, in the order stored");

        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/documents/" + provincial).then().statusCode(200)
                .body("implements", equalTo(series + "1号")).body("implementsDocumentId", equalTo(national));
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/documents/" + sameDay).then().statusCode(200)
                .body("implements", equalTo("国办发〔1999〕1号")).body("implementsDocumentId", nullValue());
    }
}
