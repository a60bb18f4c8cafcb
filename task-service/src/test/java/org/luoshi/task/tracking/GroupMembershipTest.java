package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.luoshi.task.support.Fixtures.INTEGRATOR;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.platform.testing.TestTokens;
import org.luoshi.task.support.Fixtures;
import org.luoshi.task.support.RealInfrastructureProfile;

/** A task assigned to a group (各市州人民政府) belongs to each member agency: in filters, in officers' rights, after mergers. */
@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class GroupMembershipTest {

    private static List<String> taskIds(Map<String, ?> query) {
        return given().auth().oauth2(INTEGRATOR).queryParams(query).when().get("/api/v1/tasks")
                .then().statusCode(200).extract().path("items.id");
    }

    @Test
    void membersOfAnAssignedGroupFindTheTaskReportOnItAndKeepItThroughAMerger() {
        UUID changsha = Fixtures.announceAgency("长沙市人民政府");
        UUID zhuzhou = Fixtures.announceAgency("株洲市人民政府");
        UUID education = Fixtures.announceAgency("湖南省教育厅");
        UUID outsider = Fixtures.announceAgency("湖南省交通运输厅");
        String documentId = Fixtures.document("湘政办发〔2022〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(education, outsider, changsha, zhuzhou));

        Map<String, Object> group = Map.of("rawName", "各市州人民政府", "kind", "GROUP", "role", "RESPONSIBLE",
                "memberIds", List.of(changsha.toString(), zhuzhou.toString()));
        String task = Fixtures.createTask(documentId, Map.of("seq", "1", "title", "推进产教融合",
                        "assignments", List.of(Map.of("agencyId", education.toString(), "role", "LEAD"), group)))
                .then().statusCode(201)
                .body("assignments[1].memberIds", containsInAnyOrder(changsha.toString(), zhuzhou.toString()))
                .extract().path("id");

        org.junit.jupiter.api.Assertions.assertTrue(taskIds(Map.of("agencyId", changsha)).contains(task));
        org.junit.jupiter.api.Assertions.assertTrue(taskIds(Map.of("agencyId", zhuzhou, "role", "RESPONSIBLE")).contains(task));
        org.junit.jupiter.api.Assertions.assertFalse(taskIds(Map.of("agencyId", zhuzhou, "role", "LEAD")).contains(task));
        org.junit.jupiter.api.Assertions.assertFalse(taskIds(Map.of("agencyId", outsider)).contains(task));

        given().auth().oauth2(TestTokens.officer("changsha", changsha)).contentType(ContentType.JSON)
                .body(Map.of("period", "2022-Q1", "text", "长沙市已部署"))
                .when().post("/api/v1/tasks/" + task + "/progress").then().statusCode(201);
        given().auth().oauth2(TestTokens.officer("hunan-jt", outsider)).contentType(ContentType.JSON)
                .body(Map.of("period", "2022-Q1", "text", "越权"))
                .when().post("/api/v1/tasks/" + task + "/progress").then().statusCode(403);

        int versionBefore = given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then().extract().path("version");
        // 株洲 merges into a new unit: the group's membership follows, the group assignment stays as written
        UUID successor = Fixtures.announceAgency("株洲市人民政府（新）");
        Fixtures.taskLedBy(documentId, "9", List.of(successor));
        Fixtures.announceReorganization("MERGE", "AgenciesMerged", Map.of(zhuzhou, "株洲市人民政府"), List.of(successor));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            org.junit.jupiter.api.Assertions.assertTrue(taskIds(Map.of("agencyId", successor)).contains(task));
            org.junit.jupiter.api.Assertions.assertFalse(taskIds(Map.of("agencyId", zhuzhou)).contains(task));
        });
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then().statusCode(200)
                .body("assignments[1].rawName", org.hamcrest.Matchers.equalTo("各市州人民政府"))
                .body("assignments[1].memberIds", containsInAnyOrder(changsha.toString(), successor.toString()))
                .body("assignments.agencyId", not(hasItem(successor.toString())))
                .body("version", org.hamcrest.Matchers.equalTo(versionBefore + 1));
        // integrators follow the members too: before, they changed without an event or a new version
        var updated = org.luoshi.platform.testing.TopicReader.await("task.events", r -> task.equals(r.key())
                && "org.luoshi.TaskUpdated".equals(org.luoshi.platform.testing.TopicReader.header(r, "ce_type")), 2,
                Duration.ofSeconds(5));
        org.junit.jupiter.api.Assertions.assertEquals(1, updated.size());
        io.restassured.path.json.JsonPath event = new io.restassured.path.json.JsonPath(updated.get(0).value());
        org.junit.jupiter.api.Assertions.assertEquals(List.of("assignments"), event.getList("changedFields"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(changsha.toString(), successor.toString()),
                java.util.Set.copyOf(event.getList("task.assignments[1].memberIds", String.class)));
    }

    /** Announces an agency as agency-service would (AgencyCreated, or AgencyUpdated from version 1). */
    private static void announce(UUID id, String name, String classification, String level, String divisionCode, long version) {
        announce(id, name, classification, level, divisionCode, version, null);
    }

    /** As above, founded on a day (null: not given). */
    private static void announce(UUID id, String name, String classification, String level, String divisionCode, long version,
            java.time.LocalDate foundingDate) {
        org.luoshi.platform.testing.TopicWriter.cloudEvent("agency.events", id.toString(),
                org.luoshi.platform.testing.TopicWriter.newId(), version == 0 ? "AgencyCreated" : "AgencyUpdated", """
                        {"agency": {"id": "%s", "name": "%s", "classification": "%s", "level": "%s",
                         "divisionCode": "%s", "status": "ACTIVE", "version": %d%s}}"""
                        .formatted(id, name, classification, level, divisionCode, version,
                                foundingDate == null ? "" : ", \"foundingDate\": \"" + foundingDate + "\""));
    }

    /** Whether the replica holds the agency as waiting for its founding day (null: it does not hold it yet). */
    private static Boolean foundingPending(UUID id) throws java.sql.SQLException {
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
                java.sql.ResultSet row = db.createStatement().executeQuery(
                        "select founding_pending from directory_agency where id = '" + id + "'")) {
            return row.next() ? row.getBoolean(1) : null;
        }
    }

    /**
     * A task led by {@code lead} and assigned to a group given no members but its rule: stored, the group holds the units
     * that meet the rule then, {@code expected}.
     */
    private static String taskOfGroupByRule(String documentId, UUID lead, String group, Map<String, Object> rule,
            UUID... expected) {
        return Fixtures.createTask(documentId, Map.of("seq", "1", "title", "推进工作", "assignments", List.of(
                        Map.of("agencyId", lead.toString(), "role", "LEAD"),
                        Map.of("rawName", group, "kind", "GROUP", "role", "RESPONSIBLE", "memberIds", List.of(),
                                "memberRule", rule))))
                .then().statusCode(201)
                .body("assignments[1].memberIds", containsInAnyOrder(java.util.Arrays.stream(expected).map(UUID::toString)
                        .toArray()))
                .extract().path("id");
    }

    /** Announces a school, with the kinds it is of (kind identifiers). */
    private static void announceSchool(UUID id, String name, String divisionCode, long version, String... kinds) {
        String identifiers = java.util.Arrays.stream(kinds).map(k -> "{\"scheme\": \"kind\", \"identifier\": \"" + k + "\"}")
                .collect(java.util.stream.Collectors.joining(", "));
        org.luoshi.platform.testing.TopicWriter.cloudEvent("agency.events", id.toString(),
                org.luoshi.platform.testing.TopicWriter.newId(), version == 0 ? "AgencyCreated" : "AgencyUpdated", """
                        {"agency": {"id": "%s", "name": "%s", "classification": "SCHOOL", "level": "PROVINCE",
                         "divisionCode": "%s", "status": "ACTIVE", "version": %d, "identifiers": [%s]}}"""
                        .formatted(id, name, divisionCode, version, identifiers));
    }

    @Test
    void aGroupOfAKindOfUnitTakesInTheUnitsOfThatKindAndLetsGoOfThoseNoLongerOfIt() {
        // a province of its own (two digits), so that no other test's schools meet the rule
        String province = String.valueOf(50 + System.nanoTime() % 40);
        UUID education = Fixtures.announceAgency("湖南省教育厅");
        UUID college = UUID.randomUUID();
        announceSchool(college, "甲职业技术学院", province + "0000", 0, "HIGHER_VOCATIONAL");
        UUID university = UUID.randomUUID();
        announceSchool(university, "乙大学", province + "0000", 0, "UNDERGRADUATE");
        String documentId = Fixtures.document("湘政办发〔2025〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(education, college, university));
        Map<String, Object> rule = Map.of("jurisdiction", province + "0000", "levels", List.of("PROVINCE"),
                "classifications", List.of("SCHOOL"), "identifierKind", "HIGHER_VOCATIONAL");
        String task = taskOfGroupByRule(documentId, education, "各高职院校", rule, college);

        // a college founded later joins; the university made a higher vocational college joins; the first college,
        // no longer of the kind, leaves
        UUID founded = UUID.randomUUID();
        announceSchool(founded, "丙职业学院", province + "0000", 0, "HIGHER_VOCATIONAL");
        announceSchool(university, "乙大学", province + "0000", 1, "UNDERGRADUATE", "HIGHER_VOCATIONAL");
        announceSchool(college, "甲职业技术学院", province + "0000", 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> org.junit.jupiter.api.Assertions.assertEquals(
                java.util.Set.of(founded.toString(), university.toString()), java.util.Set.copyOf(memberIds(task))));
    }

    @jakarta.inject.Inject
    org.luoshi.task.directory.FoundedUnits foundedUnits;

    @Test
    void aUnitAnnouncedBeforeItsFoundingDayJoinsTheGroupsWhoseRuleItMeetsThatDay() throws Throwable {
        String prefecture = "43" + (10 + System.nanoTime() % 80);
        UUID education = Fixtures.announceAgency("湖南省教育厅");
        UUID first = UUID.randomUUID();
        announce(first, "甲县人民政府", "GOVERNMENT", "COUNTY", prefecture + "01", 0);
        String documentId = Fixtures.document("湘政办发〔2024〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(education, first));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        UUID future = UUID.randomUUID();
        announce(future, "新设县人民政府", "GOVERNMENT", "COUNTY", prefecture + "05", 0, today.plusDays(10));
        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(foundingPending(future)));

        Map<String, Object> rule = Map.of("jurisdiction", prefecture + "00", "levels", List.of("COUNTY"),
                "classifications", List.of("GOVERNMENT"));
        // stored now, the group takes in the county that exists, not the one founded later
        String task = taskOfGroupByRule(documentId, education, "各县区人民政府", rule, first);
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> foundedUnits.joinFounded());
        org.junit.jupiter.api.Assertions.assertEquals(List.of(first.toString()), memberIds(task), "not founded yet");
        org.junit.jupiter.api.Assertions.assertEquals(Boolean.TRUE, foundingPending(future));

        try {
            org.luoshi.task.support.TestClock.advance(Duration.ofDays(10));
            io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> foundedUnits.joinFounded());
            org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(first.toString(), future.toString()),
                    java.util.Set.copyOf(memberIds(task)));
            org.junit.jupiter.api.Assertions.assertEquals(Boolean.FALSE, foundingPending(future));
            given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then().body("version", org.hamcrest.Matchers.equalTo(1));
            var updated = org.luoshi.platform.testing.TopicReader.await("task.events", r -> task.equals(r.key())
                    && "org.luoshi.TaskUpdated".equals(org.luoshi.platform.testing.TopicReader.header(r, "ce_type")), 1,
                    Duration.ofSeconds(10));
            io.restassured.path.json.JsonPath event = new io.restassured.path.json.JsonPath(updated.get(0).value());
            org.junit.jupiter.api.Assertions.assertEquals(List.of("assignments"), event.getList("changedFields"));
            // a second check finds nothing left to do
            org.junit.jupiter.api.Assertions.assertEquals(0,
                    io.quarkus.vertx.VertxContextSupport.<Integer>subscribeAndAwait(() -> foundedUnits.joinFounded()));

            // a unit whose founding day came renamed before any check: the snapshot that renames it joins it (its waiting
            // had ended unjoined)
            UUID renamed = UUID.randomUUID();
            announce(renamed, "又一新设县人民政府", "GOVERNMENT", "COUNTY", prefecture + "06", 0,
                    java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(12));
            await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(foundingPending(renamed)));
            org.luoshi.task.support.TestClock.advance(Duration.ofDays(3));
            announce(renamed, "又一新设县人民政府（更名）", "GOVERNMENT", "COUNTY", prefecture + "06", 1,
                    java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(12));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> org.junit.jupiter.api.Assertions.assertEquals(
                    java.util.Set.of(first.toString(), future.toString(), renamed.toString()), java.util.Set.copyOf(memberIds(task))));
            org.junit.jupiter.api.Assertions.assertEquals(Boolean.FALSE, foundingPending(renamed));
        } finally {
            org.luoshi.task.support.TestClock.reset();
        }
    }

    private static List<String> memberIds(String task) {
        return given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then().statusCode(200)
                .extract().path("assignments[1].memberIds");
    }

    @Test
    void aUnitFoundedOrMovedLaterJoinsOrLeavesTheGroupsWhoseRuleItMeets() throws java.sql.SQLException {
        // a prefecture of its own, so that no other test's units meet the rule
        String prefecture = "43" + (10 + System.nanoTime() % 80);
        String elsewhere = prefecture.equals("4389") ? "4388" : "4389";
        UUID education = Fixtures.announceAgency("湖南省教育厅");
        UUID first = UUID.randomUUID();
        announce(first, "甲县人民政府", "GOVERNMENT", "COUNTY", prefecture + "01", 0);
        String documentId = Fixtures.document("湘政办发〔2023〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(education, first));
        Map<String, Object> rule = Map.of("jurisdiction", prefecture + "00", "levels", List.of("COUNTY"),
                "classifications", List.of("GOVERNMENT"));
        String task = Fixtures.createTask(documentId, Map.of("seq", "1", "title", "推进产教融合", "assignments", List.of(
                        Map.of("agencyId", education.toString(), "role", "LEAD"),
                        // the province's department named outside the rule; the county that meets it is taken in
                        Map.of("rawName", "各县区人民政府", "kind", "GROUP", "role", "RESPONSIBLE",
                                "memberIds", List.of(education.toString()), "memberRule", rule))))
                .then().statusCode(201).body("assignments[1].memberRule.jurisdiction", org.hamcrest.Matchers.equalTo(prefecture + "00"))
                .body("assignments[1].memberIds", containsInAnyOrder(education.toString(), first.toString()))
                .extract().path("id");
        // the same group without its rule keeps the members it was given
        String fixed = Fixtures.taskWithGroup(documentId, "2", education, "LEAD", "各县区人民政府", List.of(first));

        UUID founded = UUID.randomUUID();
        announce(founded, "乙县人民政府", "GOVERNMENT", "COUNTY", prefecture + "02", 0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                org.junit.jupiter.api.Assertions.assertTrue(taskIds(Map.of("agencyId", founded)).contains(task)));
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then().statusCode(200)
                .body("assignments[1].memberIds", containsInAnyOrder(education.toString(), first.toString(), founded.toString()))
                .body("version", org.hamcrest.Matchers.equalTo(1));
        var updated = org.luoshi.platform.testing.TopicReader.await("task.events", r -> task.equals(r.key())
                && "org.luoshi.TaskUpdated".equals(org.luoshi.platform.testing.TopicReader.header(r, "ce_type")), 1,
                Duration.ofSeconds(5));
        io.restassured.path.json.JsonPath event = new io.restassured.path.json.JsonPath(updated.get(0).value());
        org.junit.jupiter.api.Assertions.assertEquals(List.of("assignments"), event.getList("changedFields"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(education.toString(), first.toString(), founded.toString()),
                java.util.Set.copyOf(event.getList("task.assignments[1].memberIds", String.class)));

        // moved to another prefecture: it leaves; a bureau of the county and another prefecture's county never join
        UUID bureau = UUID.randomUUID();
        announce(bureau, "甲县教育局", "DEPARTMENT", "COUNTY", prefecture + "01", 0);
        UUID outside = UUID.randomUUID();
        announce(outside, "丙县人民政府", "GOVERNMENT", "COUNTY", elsewhere + "03", 0);
        announce(founded, "乙县人民政府", "GOVERNMENT", "COUNTY", elsewhere + "02", 1);
        // a member named outside the rule stays when it moves
        announce(education, "湖南省教育厅（迁址）", "DEPARTMENT", "PROVINCE", "430100", 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                org.junit.jupiter.api.Assertions.assertFalse(taskIds(Map.of("agencyId", founded)).contains(task)));
        Fixtures.taskLedBy(documentId, "3", List.of(bureau, outside)); // the directory knows both by now
        await().atMost(Duration.ofSeconds(20)).until(() -> "湖南省教育厅（迁址）".equals(given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/tasks/" + task).then().extract().path("assignments[0].agencyName")));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(education.toString(), first.toString()),
                java.util.Set.copyOf(memberIds(task)));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(first.toString()), memberIds(fixed));
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + fixed).then().body("version", org.hamcrest.Matchers.equalTo(0));

        // a unit the replica kept from before it held levels (and so joined no group): a republished snapshot, the same
        // version again, gives its level, and it joins
        UUID kept = UUID.randomUUID();
        announce(kept, "丁县人民政府", "GOVERNMENT", "COUNTY", prefecture + "04", 0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                org.junit.jupiter.api.Assertions.assertTrue(taskIds(Map.of("agencyId", kept)).contains(task)));
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
                java.sql.Statement statement = db.createStatement()) {
            statement.executeUpdate("delete from task_assignment_member where agency_id = '" + kept + "'");
            statement.executeUpdate("update directory_agency set level = null where id = '" + kept + "'");
        }
        org.junit.jupiter.api.Assertions.assertFalse(taskIds(Map.of("agencyId", kept)).contains(task));
        announce(kept, "丁县人民政府", "GOVERNMENT", "COUNTY", prefecture + "04", 0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                org.junit.jupiter.api.Assertions.assertTrue(taskIds(Map.of("agencyId", kept)).contains(task)));

        // a rule belongs to a group only
        Fixtures.createTask(documentId, Map.of("seq", "4", "title", "任务", "assignments", List.of(Map.of(
                        "agencyId", education.toString(), "role", "LEAD", "memberRule", rule))))
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onlyGroupsHaveMembers() {
        UUID education = Fixtures.announceAgency("湖南省教育厅");
        String documentId = Fixtures.document("湘政办发〔2022〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(education));
        Fixtures.createTask(documentId, Map.of("seq", "1", "title", "任务", "assignments", List.of(Map.of(
                        "agencyId", education.toString(), "role", "LEAD", "memberIds", List.of(UUID.randomUUID().toString())))))
                .then().statusCode(400).contentType("application/problem+json");
        // and their members are agencies of the directory, as an assignment's agencyId is (before, any id was kept)
        UUID unknown = UUID.randomUUID();
        Fixtures.createTask(documentId, Map.of("seq", "2", "title", "任务", "assignments", List.of(Map.of(
                        "rawName", "各市州人民政府", "kind", "GROUP", "role", "RESPONSIBLE",
                        "memberIds", List.of(education.toString(), unknown.toString())))))
                .then().statusCode(422).body("detail", org.hamcrest.Matchers.containsString(unknown + " of assignment 0"));
    }

    private static io.restassured.response.Response patch(String token, String task, String etag, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().patch("/api/v1/tasks/" + task);
    }

    @Test
    void officersMoveOnlyTheStatusOfTheirOwnAgencysTasksAndOnlyForward() {
        UUID education = Fixtures.announceAgency("湖南省教育厅");
        UUID changsha = Fixtures.announceAgency("长沙市人民政府");
        UUID outsider = Fixtures.announceAgency("湖南省交通运输厅");
        String documentId = Fixtures.document("湘政办发〔2022〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(education, changsha, outsider));
        String task = Fixtures.taskWithGroup(documentId, "1", education, "LEAD", "各市州人民政府", List.of(changsha));
        String officer = TestTokens.officer("hunan-edu", education);

        patch(officer, task, "\"0\"", Map.of("title", "改标题")).then().statusCode(403).contentType("application/problem+json");
        patch(officer, task, "\"0\"", Map.of("status", "CANCELLED")).then().statusCode(403);
        patch(TestTokens.officer("hunan-jt", outsider), task, "\"0\"", Map.of("status", "IN_PROGRESS")).then().statusCode(403);
        patch(officer, task, "\"0\"", Map.of("status", "IN_PROGRESS")).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("IN_PROGRESS"));
        // a member of the assigned group moves it too, but completing it closes it for every city: the lead's call
        patch(TestTokens.officer("changsha", changsha), task, "\"1\"", Map.of("status", "COMPLETED")).then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("to lead"));
        patch(officer, task, "\"1\"", Map.of("status", "COMPLETED")).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("COMPLETED"));
    }

    @Test
    void aSuspendedTaskResumesOnlyByASupervisorsDecision() {
        UUID education = Fixtures.announceAgency("湖南省教育厅");
        String documentId = Fixtures.document("湘政办发〔2022〕" + System.nanoTime() % 100000 + "号");
        String task = Fixtures.taskLedBy(documentId, "1", List.of(education));
        String officer = TestTokens.officer("hunan-edu", education);
        patch(Fixtures.SUPERVISOR, task, "\"0\"", Map.of("status", "SUSPENDED")).then().statusCode(200);

        // the officer could lift the suspension before (SUSPENDED → IN_PROGRESS is a transition the supervisor may make)
        patch(officer, task, "\"1\"", Map.of("status", "IN_PROGRESS")).then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("a supervisor decides"));
        patch(Fixtures.SUPERVISOR, task, "\"1\"", Map.of("status", "IN_PROGRESS")).then().statusCode(200);
        patch(officer, task, "\"2\"", Map.of("status", "COMPLETED")).then().statusCode(200);
    }

    @Test
    void statisticsByAgencyCountATaskForEachMemberOfAnAssignedGroup() {
        UUID education = Fixtures.announceAgency("湖南省教育厅");
        UUID changsha = Fixtures.announceAgency("长沙市人民政府");
        UUID zhuzhou = Fixtures.announceAgency("株洲市人民政府");
        String documentId = Fixtures.document("湘政办发〔2022〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(education, changsha, zhuzhou));
        Fixtures.taskWithGroup(documentId, "1", education, "LEAD", "各市州人民政府", List.of(changsha, zhuzhou));

        // before, only direct assignments counted: the members had no row though the task list finds the task for them
        given().auth().oauth2(INTEGRATOR).queryParam("groupBy", "agency").queryParam("documentId", documentId)
                .when().get("/api/v1/stats").then().statusCode(200)
                .body("rows.key", containsInAnyOrder(education.toString(), changsha.toString(), zhuzhou.toString()))
                .body("rows.find { it.key == '" + changsha + "' }.total", org.hamcrest.Matchers.equalTo(2))
                .body("rows.find { it.key == '" + education + "' }.total", org.hamcrest.Matchers.equalTo(2));
    }
}
