package org.luoshi.agency.reorganization;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luoshi.agency.support.RealInfrastructureProfile;
import org.luoshi.platform.testing.AtOnce;
import org.luoshi.platform.testing.TestTokens;
import org.luoshi.platform.testing.TopicReader;

@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class ReorganizationApiTest {

    private static final String ADMIN = TestTokens.user("admin", "admin");

    private static String create(String name, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "classification", "CENTRAL_BRANCH",
                "level", "PROVINCE", "divisionCode", "220000"));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agencies").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse reorganize(Object body) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/reorganizations").then();
    }

    private static void assertStatus(String id, String status) {
        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/" + id).then().statusCode(200).body("status", equalTo(status));
    }

    @Test
    void aMergeDissolvesTheOriginalsCreatesTheSuccessorWritesHistoryAndIsAnnounced() {
        String national = create("吉林省国家税务局", null);
        String local = create("吉林省地方税务局", null);
        String merged = reorganize(Map.of("type", "MERGE", "effectiveOn", "2018-06-15", "basis", "国税地税征管体制改革",
                "originalIds", List.of(national, local),
                "resulting", List.of(Map.of("create", Map.of("name", "国家税务总局吉林省税务局", "classification", "CENTRAL_BRANCH",
                        "level", "PROVINCE", "divisionCode", "220000")))))
                .statusCode(201).body("type", equalTo("MERGE")).body("resultingIds", hasSize(1))
                .extract().path("resultingIds[0]");

        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/" + national).then().statusCode(200)
                .body("status", equalTo("DISSOLVED")).body("dissolutionDate", equalTo("2018-06-15"))
                .body("successorIds", equalTo(List.of(merged)));
        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/" + merged + "/history").then().statusCode(200)
                .body("items.change", equalTo(List.of("FOUNDED")));

        // read as of the day before the merge: the originals were active, the successor did not exist yet
        given().auth().oauth2(ADMIN).queryParam("asOf", "2018-06-14").when().get("/api/v1/agencies/" + national)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("successorIds", hasSize(0))
                .body("dissolutionDate", nullValue());
        given().auth().oauth2(ADMIN).queryParam("asOf", "2018-06-14").when().get("/api/v1/agencies/" + merged)
                .then().statusCode(404);
        given().auth().oauth2(ADMIN).queryParam("q", "稅務局").queryParam("divisionCode", "220000")
                .queryParam("status", "ACTIVE").queryParam("asOf", "2018-06-14").when().get("/api/v1/agencies")
                .then().statusCode(200).body("items.id", containsInAnyOrder(national, local));
        given().auth().oauth2(ADMIN).queryParam("q", "稅務局").queryParam("divisionCode", "220000")
                .queryParam("status", "ACTIVE").queryParam("asOf", "2018-06-15").when().get("/api/v1/agencies")
                .then().statusCode(200).body("items.id", equalTo(List.of(merged)));
        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/" + local + "/history").then().statusCode(200)
                .body("items.change", equalTo(List.of("DISSOLVED")));

        var events = TopicReader.await("agency.events", r -> List.of(national, local, merged).contains(r.key())
                && "org.luoshi.AgenciesMerged".equals(TopicReader.header(r, "ce_type")), 3, Duration.ofSeconds(20));
        assertEquals(3, events.size(), "one AgenciesMerged per original and for the successor");

        // a dissolved unit cannot be reorganized again, and nothing changes
        reorganize(Map.of("type", "RENAME", "effectiveOn", "2019-01-01", "originalIds", List.of(national),
                "resulting", List.of(Map.of("id", merged)))).statusCode(409).contentType("application/problem+json");
        assertStatus(merged, "ACTIVE");
    }

    private static Map<String, Object> created(String name) {
        return Map.of("create", Map.of("name", name, "classification", "CENTRAL_BRANCH", "level", "PROVINCE",
                "divisionCode", "220000"));
    }

    private static io.restassured.response.ValidatableResponse resolve(String name, boolean followSuccessors) {
        return given().auth().oauth2(ADMIN).queryParam("name", name).queryParam("jurisdiction", "220000")
                .queryParam("followSuccessors", followSuccessors).when().get("/api/v1/agencies/resolve").then().statusCode(200);
    }

    @Test
    void anOldNameMeansTheOriginalFollowedThroughARenameAndListedAtASplit() {
        String split = create("吉林省畜牧业管理局", null);
        List<String> parts = reorganize(Map.of("type", "SPLIT", "effectiveOn", "2019-01-28", "originalIds", List.of(split),
                "resulting", List.of(created("吉林省畜牧业发展中心"), created("吉林省动物卫生监督所"))))
                .statusCode(201).extract().path("resultingIds");
        // both parts carry the old name as a former name; before, one of them, either, answered for it
        resolve("吉林省畜牧业管理局", true).body("id", equalTo(split)).body("successorIds", equalTo(parts))
                .body("matchedBy", equalTo("NAME"));

        String renamed = create("吉林省粮食局", null);
        String successor = reorganize(Map.of("type", "RENAME", "effectiveOn", "2019-01-28", "originalIds", List.of(renamed),
                "resulting", List.of(created("吉林省粮食和物资储备局")))).statusCode(201).extract().path("resultingIds[0]");
        resolve("吉林省粮食局", true).body("id", equalTo(successor)).body("matchedBy", equalTo("SUCCESSOR"));
        resolve("吉林省粮食局", false).body("id", equalTo(renamed)).body("successorIds", equalTo(List.of(successor)));
        // the successor's own name is the successor
        resolve("吉林省粮食和物资储备局", false).body("id", equalTo(successor)).body("matchedBy", equalTo("NAME"));
    }

    @Test
    void badReorganizationsAreRefusedAndChangeNothing() {
        String parent = create("吉林省测试上级单位", null);
        String child = create("吉林省测试下级单位", parent);
        reorganize(Map.of("type", "MOVE", "effectiveOn", "2020-01-01", "originalIds", List.of(parent),
                "resulting", List.of(Map.of("id", child)))).statusCode(422).contentType("application/problem+json");
        reorganize(Map.of("type", "ABSORB", "effectiveOn", "2020-01-01", "originalIds", List.of(parent)))
                .statusCode(400).contentType("application/problem+json");
        reorganize(Map.of("type", "DISSOLVE", "effectiveOn", "2020-01-01",
                "originalIds", List.of("00000000-0000-0000-0000-00000000abcd"))).statusCode(422);
        reorganize(Map.of("type", "MERGE", "effectiveOn", "2020-01-01", "originalIds", List.of(parent),
                "resulting", List.of(Map.of("id", child)))).statusCode(422);
        reorganize(Map.of("type", "RENAME", "effectiveOn", "2020-01-01", "originalIds", List.of(parent),
                "resulting", List.of(Map.of("create", Map.of("name", "", "classification", "DEPARTMENT",
                        "level", "PROVINCE", "divisionCode", "220000"))))).statusCode(400);
        // an agency listed twice, or a dissolved one receiving names or children, was accepted before
        String other = create("吉林省测试另一单位", null);
        reorganize(Map.of("type", "MERGE", "effectiveOn", "2020-01-01", "originalIds", List.of(child, child),
                "resulting", List.of(Map.of("id", other)))).statusCode(422).body("detail", containsString("listed twice"));
        String dissolved = create("吉林省测试已撤销单位", null);
        reorganize(Map.of("type", "DISSOLVE", "effectiveOn", "2019-01-01", "originalIds", List.of(dissolved))).statusCode(201);
        reorganize(Map.of("type", "RENAME", "effectiveOn", "2020-01-01", "originalIds", List.of(other),
                "resulting", List.of(Map.of("id", dissolved)))).statusCode(409).body("detail", containsString("is dissolved"));
        reorganize(Map.of("type", "MOVE", "effectiveOn", "2020-01-01", "originalIds", List.of(child),
                "resulting", List.of(Map.of("id", dissolved)))).statusCode(409).body("detail", containsString("new parent"));
        // a date to come was applied at once: the agency read as dissolved today
        reorganize(Map.of("type", "DISSOLVE", "effectiveOn", java.time.LocalDate.now().plusDays(30).toString(),
                "originalIds", List.of(other))).statusCode(422).body("detail", containsString("in the future"));
        assertStatus(other, "ACTIVE");
        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/" + child).then().body("parentId", equalTo(parent));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"type\": \"MERGE\"")
                .when().post("/api/v1/reorganizations").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user("integrator", "integrator")).contentType(ContentType.JSON)
                .body(Map.of("type", "DISSOLVE", "effectiveOn", "2020-01-01", "originalIds", List.of(parent)))
                .when().post("/api/v1/reorganizations").then().statusCode(403);
        assertStatus(parent, "ACTIVE");
        assertStatus(child, "ACTIVE");
        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/" + parent + "/history").then().body("items", hasSize(0));
    }

    @Test
    void anExistingResultKeepsItsFoundingDateAndTakesOver() {
        String receiver = create("吉林省测试承接单位", null);
        String ended = create("吉林省测试并入单位", null);
        reorganize(Map.of("type", "DISSOLVE", "effectiveOn", "2019-01-01", "originalIds", List.of(ended),
                "resulting", List.of(Map.of("id", receiver)))).statusCode(201);

        // before, the receiver was "founded" on 2019-01-01: read as of 2018 it vanished, and its history said FOUNDED
        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/" + receiver).then().statusCode(200)
                .body("foundingDate", nullValue()).body("otherNames.name", equalTo(List.of("吉林省测试并入单位")));
        given().auth().oauth2(ADMIN).queryParam("asOf", "2018-06-01").when().get("/api/v1/agencies/" + receiver)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/" + receiver + "/history").then().statusCode(200)
                .body("items.change", equalTo(List.of("SUCCEEDED")));
        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/" + ended).then().body("successorIds", equalTo(List.of(receiver)));
    }

    @Test
    void readsAsOfADayBeforeAMoveShowTheUnitUnderItsParentThen() {
        String former = create("吉林省测试农业厅", null);
        String current = create("吉林省测试农业农村厅", null);
        String station = create("吉林省测试农技推广站", former);
        reorganize(Map.of("type", "MOVE", "effectiveOn", "2019-01-28", "originalIds", List.of(station),
                "resulting", List.of(Map.of("id", current)))).statusCode(201);

        // before, every date showed today's parent: the station had never been under the 农业厅
        given().auth().oauth2(ADMIN).queryParam("asOf", "2018-06-01").when().get("/api/v1/agencies/" + station)
                .then().statusCode(200).body("parentId", equalTo(former));
        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/" + station).then().body("parentId", equalTo(current));
        given().auth().oauth2(ADMIN).queryParam("asOf", "2019-01-28").when().get("/api/v1/agencies/" + station)
                .then().body("parentId", equalTo(current));
        given().auth().oauth2(ADMIN).queryParam("asOf", "2018-06-01").when().get("/api/v1/agencies/" + former + "/children")
                .then().statusCode(200).body("items.id", equalTo(List.of(station)));
        given().auth().oauth2(ADMIN).queryParam("asOf", "2018-06-01").when().get("/api/v1/agencies/" + current + "/children")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/" + former + "/children").then().body("items", hasSize(0));
        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/" + current + "/children")
                .then().body("items.id", equalTo(List.of(station)));
    }

    @Test
    void anAgencyWithActiveUnitsUnderItDoesNotEndUntilTheyMove() {
        String bureau = create("吉林省测试国土资源局", null);
        String branch = create("吉林省测试国土资源局直属分局", bureau);
        Map<String, Object> rename = Map.of("type", "RENAME", "effectiveOn", "2019-03-01", "originalIds", List.of(bureau),
                "resulting", List.of(Map.of("create", Map.of("name", "吉林省测试自然资源局", "classification", "CENTRAL_BRANCH",
                        "level", "PROVINCE", "divisionCode", "220000"))));
        reorganize(rename).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("1 active agencies are under 吉林省测试国土资源局"));
        // nothing changed: the original is active, the result created in the same transaction is not there
        assertStatus(bureau, "ACTIVE");
        given().auth().oauth2(ADMIN).queryParam("q", "吉林省测试自然资源局").when().get("/api/v1/agencies")
                .then().body("items", hasSize(0));

        String keeper = create("吉林省测试临时上级", null);
        reorganize(Map.of("type", "MOVE", "effectiveOn", "2019-03-01", "originalIds", List.of(branch),
                "resulting", List.of(Map.of("id", keeper)))).statusCode(201);
        String renamed = reorganize(rename).statusCode(201).extract().path("resultingIds[0]");
        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/" + renamed).then().body("foundingDate", equalTo("2019-03-01"));

        // a unit ending together with the one above it does not hold it back
        String office = create("吉林省测试林业局", null);
        String station = create("吉林省测试林业局直属站", office);
        reorganize(Map.of("type", "MERGE", "effectiveOn", "2019-03-01", "originalIds", List.of(office, station),
                "resulting", List.of(Map.of("id", renamed)))).statusCode(201);
        assertStatus(station, "DISSOLVED");
    }

    @Test
    void childrenAreListedAsTheyStandTodayUnlessAskedForAnotherDay() {
        String parent = create("吉林省测试上级机关", null);
        String kept = create("吉林省测试存续处", parent);
        String ended = create("吉林省测试撤销处", parent);
        reorganize(Map.of("type", "DISSOLVE", "effectiveOn", "2020-01-01", "originalIds", List.of(ended))).statusCode(201);

        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/" + parent + "/children").then().statusCode(200)
                .body("items.id", equalTo(List.of(kept)));
        given().auth().oauth2(ADMIN).queryParam("asOf", "2019-06-01").when().get("/api/v1/agencies/" + parent + "/children")
                .then().statusCode(200).body("items.id", containsInAnyOrder(kept, ended));
    }

    @Test
    void twoMovesAtOnceNeverMakeACycle() throws Exception {
        // each checked the ancestors of its new parent before the other committed: both passed, A under B under A
        for (int round = 0; round < 6; round++) {
            String a = create("吉林省测试甲单位" + round, null);
            String b = create("吉林省测试乙单位" + round, null);
            java.util.concurrent.Callable<Integer> aUnderB = () -> reorganize(Map.of("type", "MOVE", "effectiveOn",
                    "2020-01-01", "originalIds", List.of(a), "resulting", List.of(Map.of("id", b)))).extract().statusCode();
            java.util.concurrent.Callable<Integer> bUnderA = () -> reorganize(Map.of("type", "MOVE", "effectiveOn",
                    "2020-01-01", "originalIds", List.of(b), "resulting", List.of(Map.of("id", a)))).extract().statusCode();
            assertEquals(List.of(201, 422), AtOnce.statuses(List.of(aUnderB, bUnderA)), "round " + round);
        }
    }
}
