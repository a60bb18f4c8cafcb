package org.luoshi.task.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hibernate.reactive.mutiny.Mutiny;
import org.luoshi.agency.api.model.NameQuery;
import org.luoshi.agency.api.model.ResolutionKind;
import org.luoshi.agency.api.model.ResolveBatch;
import org.luoshi.agency.api.model.ResolveBatchItem;
import org.luoshi.platform.problem.ProblemException;
import org.luoshi.task.api.model.AssignmentKind;
import org.luoshi.task.api.model.ImportReport;
import org.luoshi.task.api.model.ImportWarning;
import org.luoshi.task.api.model.ImportedAssignment;
import org.luoshi.task.api.model.ImportedMilestone;
import org.luoshi.task.api.model.ImportedTask;
import org.luoshi.task.api.model.MilestoneCreate;
import org.luoshi.task.api.model.TaskStatus;
import org.luoshi.task.directory.AgencyDirectory;
import org.luoshi.task.document.DocumentService;
import org.luoshi.task.document.PolicyDocument;
import org.luoshi.task.milestone.Milestone;
import org.luoshi.task.milestone.Milestones;
import org.luoshi.task.tracking.Assignment;
import org.luoshi.task.tracking.MemberRules;
import org.luoshi.task.tracking.Reassignments;
import org.luoshi.task.tracking.Task;
import org.luoshi.task.tracking.TaskView;

/**
 * The import pipeline: decode (text, or the table of an .xlsx or .docx file), parse (PolicyDocumentParser), resolve
 * the unit names in the jurisdiction through agency-service, then store the document, its tasks, assignments and
 * milestones with their events in one transaction. The same file imported again changes nothing; another file under
 * a stored docNumber is refused unless replacing is asked for: then the stored document is superseded (its open
 * tasks cancelled) in the same transaction as the new one is stored.
 */
@ApplicationScoped
public class ImportService {

    /** The longest title, category and unit name the tables hold (task.title, task.category, task_assignment.raw_name). */
    private static final int TITLE_MAX = 500;
    private static final int CATEGORY_MAX = 200;
    private static final int NAME_MAX = 200;
    private static final int BATCH_MAX = 2000;

    private final AgencyResolveClient agencies;
    private final DocumentService documents;
    private final ImportEvents events;
    private final AgencyDirectory directory;
    private final Reassignments reassignments;
    private final ObjectMapper json;
    private final long maxBytes;

    public ImportService(@RestClient AgencyResolveClient agencies, DocumentService documents, ImportEvents events,
            AgencyDirectory directory, Reassignments reassignments, ObjectMapper json,
            @ConfigProperty(name = "luoshi.import.max-bytes") long maxBytes) {
        this.agencies = agencies;
        this.directory = directory;
        this.reassignments = reassignments;
        this.documents = documents;
        this.events = events;
        this.json = json;
        this.maxBytes = maxBytes;
    }

    /** @param replace supersede a document stored under the same docNumber with a different text */
    public record Request(String fileName, String jurisdiction, String docNumber, String title, boolean dryRun,
            boolean replace, String bearerToken) {
    }

    public record Outcome(ImportReport report, boolean created) {
    }

    public Uni<Outcome> importFile(Request request, byte[] content) {
        if (content.length > maxBytes) {
            throw new ProblemException(413, "file-too-large", "File too large",
                    "the file has " + content.length + " bytes; the import limit is " + maxBytes);
        }
        String sha256 = PolicyDocumentParser.sha256(content);
        // decoding and parsing take milliseconds to seconds of CPU: a worker thread does them while the event loop serves
        // other requests; the pipeline continues on the request's Vert.x context, where its database session belongs
        long started = System.nanoTime();
        long[] parsedAt = new long[1];
        return VertxContextSupport.executeBlocking(() -> parse(request, content, sha256))
                .invoke(parsed -> parsedAt[0] = System.nanoTime())
                .flatMap(parsed -> resolveAndStore(request, parsed, sha256))
                .invoke(outcome -> Log.debugf("import of %s: %d tasks, parsed in %.1f ms, resolved and %s in %.1f ms",
                        request.fileName(), outcome.report().getTasks().size(), (parsedAt[0] - started) / 1e6,
                        outcome.created() ? "stored" : "not stored", (System.nanoTime() - parsedAt[0]) / 1e6));
    }

    /**
     * Goes once through what storing an import does — the report, the queries, the bulk inserts, the events and their
     * audit entries, the answer's JSON — in a transaction that is rolled back, under a document number and hash no
     * document has: a freshly started service's first import then finds its queries translated, its serializers built
     * and its classes loaded (a second and more of one-time work on a cold service otherwise). Nothing is stored and
     * no event is published.
     */
    Uni<String> rehearse(ParsedDocument parsed) {
        String unique = UUID.randomUUID().toString();
        Request request = new Request(parsed.sourceFile(), "100000", null, null, false, false, null);
        ImportReport report = report(parsed, request, "warm-up-" + unique, firstNonBlank(parsed.title(), "warm-up"),
                unique, Map.of());
        return Panache.withTransaction(() -> Panache.currentTransaction()
                .invoke(Mutiny.Transaction::markForRollback)
                .chain(() -> store(parsed, report, unique, false)))
                .map(outcome -> json(outcome.report()));
    }

    private String json(ImportReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ParsedDocument parse(Request request, byte[] content, String sha256) {
        List<String> fileWarnings = new ArrayList<>();
        String text = OfficeText.of(content, fileWarnings).orElseGet(() -> TextDecoding.decode(content));
        ParsedDocument parsed = PolicyDocumentParser.parseText(request.fileName(), sha256, text, fileWarnings);
        if (parsed.tasks().isEmpty()) {
            throw ProblemException.unprocessable("no task could be found in " + request.fileName()
                    + ": expected a table of tasks with responsible units, or numbered paragraphs ending with their units");
        }
        return parsed;
    }

    private Uni<Outcome> resolveAndStore(Request request, ParsedDocument parsed, String sha256) {
        String docNumber = firstNonBlank(request.docNumber(), parsed.docNumber());
        String title = firstNonBlank(request.title(), parsed.title());
        if (title == null) {
            throw ProblemException.unprocessable("the file states no title: give one with the title parameter");
        }
        return resolve(parsed, request).map(resolved -> report(parsed, request, docNumber, title, sha256, resolved))
                .flatMap(report -> request.dryRun() ? Uni.createFrom().item(new Outcome(report, false))
                        : store(parsed, report, sha256, request.replace()));
    }

    /**
     * Resolves every distinct named unit and group in one call, with each name's implied reading (省教育厅、发展改革委
     * → 省发展改革委) beside it; UNSPECIFIED references need no answer.
     */
    private Uni<Map<String, ResolveBatchItem>> resolve(ParsedDocument parsed, Request request) {
        Set<String> names = new java.util.LinkedHashSet<>();
        // a "name" longer than any unit's is a misread stretch of text: it stays unresolved (and is reported)
        parsed.tasks().forEach(t -> t.units().stream().filter(u -> u.kind() != AssignmentKind.UNSPECIFIED)
                .forEach(u -> u.readings().stream().filter(n -> n.length() <= NAME_MAX).forEach(names::add)));
        if (names.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        if (names.size() > BATCH_MAX) {
            throw ProblemException.unprocessable("the document names " + names.size() + " units; at most " + BATCH_MAX);
        }
        // the units as they are today: a unit renamed twice since the document is assigned to the one that exists now
        // (reassignments follow later reorganizations as they come)
        ResolveBatch batch = new ResolveBatch(names.stream().map(n -> new NameQuery(n, request.jurisdiction())).toList())
                .followSuccessors(true);
        long started = System.nanoTime();
        return agencies.resolve(batch, "Bearer " + request.bearerToken())
                .invoke(result -> Log.debugf("%d names resolved by agency-service in %.1f ms", (Object) names.size(),
                        (System.nanoTime() - started) / 1e6))
                .onFailure().transform(e -> {
                    Log.warnf(e, "agency-service could not resolve %d names", names.size());
                    return new ProblemException(503, "agency-service-unavailable", "Unit names could not be resolved",
                            "agency-service did not answer the name resolution; nothing was stored, send the file again");
                })
                .map(result -> {
                    Map<String, ResolveBatchItem> byName = new HashMap<>();
                    result.getResults().forEach(item -> byName.put(item.getQuery(), item));
                    return byName;
                });
    }

    private static ImportReport report(ParsedDocument parsed, Request request, String docNumber, String title, String sha256,
            Map<String, ResolveBatchItem> resolved) {
        List<ImportWarning> warnings = new ArrayList<>();
        parsed.warnings().forEach(w -> warnings.add(new ImportWarning(kindOf(w), w)));
        List<ImportedTask> imported = new ArrayList<>();
        for (ParsedTask task : parsed.tasks()) {
            List<ImportedAssignment> assignments = new ArrayList<>();
            for (UnitMention unit : task.units()) {
                String rawName = cut(unit.rawName(), NAME_MAX, "unit name", task.seq(), warnings);
                ImportedAssignment assignment = new ImportedAssignment(rawName, unit.kind(), unit.role(), unit.order());
                ResolveBatchItem item = unit.readings().stream().map(resolved::get)
                        .filter(i -> i != null && i.getResolution() != null).findFirst()
                        .orElse(resolved.get(unit.rawName()));
                if (unit.kind() == AssignmentKind.UNSPECIFIED) {
                    assignments.add(assignment);
                    continue;
                }
                if (item == null || item.getResolution() == null) {
                    warnings.add(new ImportWarning(ImportWarning.KindEnum.UNRESOLVED_UNIT,
                            "'" + unit.rawName() + "' matches no unit in " + request.jurisdiction()
                                    + (item != null && item.getSuggestions() != null && !item.getSuggestions().isEmpty()
                                    ? "; close: " + String.join("、", item.getSuggestions()) : ""))
                            .seq(task.seq()));
                    assignments.add(assignment.kind(AssignmentKind.AGENCY));
                    continue;
                }
                var resolution = item.getResolution();
                if (resolution.getKind() == ResolutionKind.AGENCY) {
                    // the resolver followed renames and merges to today's unit; a unit split since stops there, with
                    // its successors: the first takes the task, with a warning
                    boolean ended = resolution.getSuccessorIds() != null && !resolution.getSuccessorIds().isEmpty();
                    assignment.kind(AssignmentKind.AGENCY)
                            .agencyId(ended ? resolution.getSuccessorIds().get(0) : resolution.getId())
                            .agencyName(resolution.getName());
                    if (ended && resolution.getSuccessorIds().size() > 1) {
                        warnings.add(new ImportWarning(ImportWarning.KindEnum.OTHER, "'" + unit.rawName()
                                + "' was split; assigned to its first successor, check the others").seq(task.seq()));
                    }
                } else if (resolution.getKind() == ResolutionKind.GROUP) {
                    assignment.kind(AssignmentKind.GROUP).agencyName(resolution.getName()).memberRule(resolution.getMemberRule());
                    if (resolution.getMembers() != null && !resolution.getMembers().isEmpty()) {
                        assignment.memberIds(resolution.getMembers().stream().map(m -> m.getId()).toList());
                    }
                } else {
                    assignment.kind(AssignmentKind.UNSPECIFIED);
                }
                assignments.add(assignment);
            }
            List<ImportedMilestone> dated = new ArrayList<>();
            for (ParsedMilestone milestone : task.milestones()) {
                if (milestone.dueDate() == null) {
                    warnings.add(new ImportWarning(ImportWarning.KindEnum.UNDATED_TARGET,
                            "target '" + milestone.title() + "' has no date; not tracked as a milestone").seq(task.seq()));
                    continue;
                }
                if (milestone.target() != null && !PolicyDocumentParser.splitByYear(milestone)) {
                    // a yearly target is one milestone per year already (PolicyDocumentParser.yearly)
                    MilestoneExtractor.recurrence(milestone.title()).ifPresent(period -> warnings.add(new ImportWarning(
                            ImportWarning.KindEnum.OTHER, "target '" + milestone.title() + "' is per period (" + period
                            + "): tracked as one milestone due " + milestone.dueDate() + ", not once per period")
                            .seq(task.seq())));
                }
                dated.add(milestone(milestone));
            }
            String taskTitle = cut(task.title(), TITLE_MAX, "title", task.seq(), warnings);
            imported.add(new ImportedTask(task.seq(), taskTitle, assignments, dated).parentSeq(task.parentSeq())
                    .category(cut(task.category(), CATEGORY_MAX, "category", task.seq(), warnings)).content(task.content())
                    .keyTask(task.keyTask()));
        }
        List<ImportedMilestone> goals = parsed.milestones().stream().filter(m -> m.dueDate() != null)
                .map(ImportService::milestone).toList();
        return new ImportReport(false, request.fileName(), sha256, parsed.shape().name(),
                cut(title, TITLE_MAX, "title", null, warnings), request.jurisdiction(), imported, goals, warnings)
                .docNumber(docNumber).issuer(parsed.issuer()).issuedOn(parsed.issuedOn()).publishedOn(parsed.publishedOn())
                ._implements(parsed.implementsDocNumber());
    }

    /**
     * The text cut to what its column holds, with a warning saying so (a task's whole text stays in its content and
     * source text); {@code seq} names the task, null for the document.
     */
    private static String cut(String text, int max, String what, String seq, List<ImportWarning> warnings) {
        if (text == null || text.length() <= max) {
            return text;
        }
        ImportWarning warning = new ImportWarning(ImportWarning.KindEnum.OTHER, "the " + what
                + (seq == null ? " of the document" : " of task " + seq) + " has " + text.length() + " characters: cut to "
                + max + (seq == null ? "" : " (a cell read as the wrong column?)"));
        warnings.add(seq == null ? warning : warning.seq(seq));
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max; // not half a character
        return text.substring(0, end);
    }

    private static ImportedMilestone milestone(ParsedMilestone m) {
        ImportedMilestone milestone = new ImportedMilestone(m.title()).dueDate(m.dueDate());
        if (m.target() != null) {
            milestone.target(new org.luoshi.task.api.model.Target(m.target().quantity(), m.target().comparator())
                    .unit(m.target().unit()).max(m.target().max()));
        }
        return milestone;
    }

    private Uni<Outcome> store(ParsedDocument parsed, ImportReport report, String sha256, boolean replace) {
        return Panache.withTransaction(() -> PolicyDocument.<PolicyDocument>find("sourceSha256 = ?1 and supersededBy is null", sha256)
                .firstResult()
                .flatMap(same -> {
                    if (same != null) {
                        // the same bytes again: answer what is stored, change nothing
                        return Uni.createFrom().item(new Outcome(report.documentId(same.id).stored(false), false));
                    }
                    Uni<PolicyDocument> current = report.getDocNumber() == null ? Uni.createFrom().nullItem()
                            : documents.current(report.getDocNumber());
                    return current.flatMap(previous -> {
                        if (previous != null && !replace) {
                            String from = previous.sourceFile == null ? "" : " (from " + previous.sourceFile + ")";
                            throw ProblemException.conflict("a different text of " + report.getDocNumber()
                                    + " is already stored" + from + "; send this one with replace=true to supersede it");
                        }
                        UUID id = UUID.randomUUID();
                        Uni<Integer> superseded = previous == null ? Uni.createFrom().item(0)
                                : documents.supersede(previous, id);
                        return superseded.flatMap(cancelled -> persist(id, parsed, report, sha256,
                                        previous == null ? null : previous.id)
                                .map(stored -> {
                                    report.documentId(id).stored(true);
                                    if (previous != null) {
                                        report.supersedes(previous.id).cancelledTasks(cancelled);
                                    }
                                    return new Outcome(report, true);
                                }));
                    });
                }));
    }

    private Uni<UUID> persist(UUID id, ParsedDocument parsed, ImportReport report, String sha256, UUID supersedes) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        PolicyDocument document = new PolicyDocument();
        document.id = id;
        document.docNumber = report.getDocNumber();
        document.title = report.getTitle(); // cut to TITLE_MAX in the report
        document.jurisdiction = report.getJurisdiction();
        document.issuedOn = report.getIssuedOn();
        document.publishedOn = report.getPublishedOn();
        document.implementsDocNumber = report.getImplements();
        document.sourceFile = report.getFileName();
        document.sourceSha256 = sha256;
        document.createdAt = now;

        Map<String, UUID> idsBySeq = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        List<Milestone> allMilestones = new ArrayList<>();
        report.getMilestones().forEach(goal -> allMilestones.add(Milestones.create(document.id, null, milestoneCreate(goal))));
        List<Assignment> allAssignments = new ArrayList<>();
        List<Task> created = new ArrayList<>();
        List<TaskView> views = new ArrayList<>();
        for (int i = 0; i < report.getTasks().size(); i++) {
            ImportedTask imported = report.getTasks().get(i);
            Task task = new Task();
            task.id = UUID.randomUUID();
            task.documentId = document.id;
            task.seq = imported.getSeq();
            task.parentId = imported.getParentSeq() == null ? null : idsBySeq.get(imported.getParentSeq());
            if (imported.getParentSeq() != null && task.parentId == null) {
                throw ProblemException.unprocessable("sub-item " + imported.getSeq() + " names parent " + imported.getParentSeq()
                        + ", which is not an earlier task");
            }
            if (!keys.add(task.seq + "/" + task.parentId)) {
                throw ProblemException.unprocessable("the document numbers two tasks " + task.seq + "; nothing was stored");
            }
            task.category = imported.getCategory();
            task.title = imported.getTitle();
            task.content = imported.getContent();
            task.sourceText = parsed.tasks().get(i).sourceText();
            task.keyTask = Boolean.TRUE.equals(imported.getKeyTask());
            task.status = TaskStatus.NOT_STARTED;
            // a microsecond apart, so that creation order (how tasks are listed) is the order written
            task.createdAt = task.updatedAt = now.plusNanos(1000L * i);
            if (imported.getParentSeq() == null) {
                // a parent is a top-level task: a sub-task 2.1 (of row 2) is no parent of a next table's row 2.1's parts
                idsBySeq.putIfAbsent(task.seq, task.id);
            }
            imported.id(task.id);
            created.add(task);
            List<Assignment> assignments = new ArrayList<>();
            for (ImportedAssignment a : imported.getAssignments()) {
                Assignment assignment = new Assignment();
                assignment.key = new Assignment.Key(task.id, a.getOrder() - 1);
                assignment.agencyId = a.getAgencyId();
                assignment.rawName = a.getRawName();
                assignment.kind = a.getKind();
                assignment.role = a.getRole();
                if (a.getMemberIds() != null) {
                    assignment.memberIds = List.copyOf(new java.util.LinkedHashSet<>(a.getMemberIds()));
                }
                assignment.memberRule(a.getMemberRule());
                assignments.add(assignment);
            }
            List<Milestone> taskMilestones = imported.getMilestones().stream()
                    .map(m -> Milestones.create(document.id, task.id, milestoneCreate(m))).toList();
            allAssignments.addAll(assignments);
            allMilestones.addAll(taskMilestones);
            // the events are built from what is written, not read back
            views.add(new TaskView(task, assignments, taskMilestones, Map.of()));
        }
        Set<UUID> assigned = new java.util.LinkedHashSet<>();
        allAssignments.forEach(a -> {
            if (a.agencyId != null) {
                assigned.add(a.agencyId);
            }
            if (a.memberIds != null) {
                assigned.addAll(a.memberIds);
            }
        });
        // the replica's rows of the units, read FOR SHARE: a reorganization of one of them being applied meanwhile
        // waits and then follows these tasks too; one applied since agency-service answered is followed here. Then
        // (in this order, as the directory consumer writes rows before it takes the rules' locks) groups that follow a
        // rule take in the units the replica holds that meet it, which agency-service may not have answered yet; the
        // report says what is stored
        return directory.byIdsForAssignment(assigned)
                .call(replica -> MemberRules.complete(allAssignments).invoke(() -> reportMembers(report, views)))
                .flatMap(replica -> ImportedRows.insert(document, created, allAssignments, allMilestones)
                        .flatMap(x -> events.imported(document, views, report.getJurisdiction(), supersedes))
                        .flatMap(x -> reassignments.followEndedInDirectory(List.copyOf(replica.values()))))
                .replaceWith(document.id);
    }

    /** The report's group members as they are stored (completed by their rule). */
    private static void reportMembers(ImportReport report, List<TaskView> views) {
        for (int i = 0; i < views.size(); i++) {
            List<Assignment> stored = views.get(i).assignments();
            List<ImportedAssignment> reported = report.getTasks().get(i).getAssignments();
            for (int j = 0; j < stored.size(); j++) {
                if (stored.get(j).memberRule != null) {
                    reported.get(j).memberIds(stored.get(j).memberIds);
                }
            }
        }
    }

    private static MilestoneCreate milestoneCreate(ImportedMilestone m) {
        return new MilestoneCreate(m.getTitle(), m.getDueDate()).target(m.getTarget());
    }

    private static ImportWarning.KindEnum kindOf(String warning) {
        String w = warning.toLowerCase(java.util.Locale.ROOT);
        if (w.contains("repair") || w.contains("修复")) {
            return w.contains("not repaired") || w.contains("unrepaired") ? ImportWarning.KindEnum.UNREPAIRED_TEXT
                    : ImportWarning.KindEnum.REPAIRED_TEXT;
        }
        if (w.contains("date")) {
            return ImportWarning.KindEnum.AMBIGUOUS_DATE;
        }
        if (w.contains("skip")) {
            return ImportWarning.KindEnum.SKIPPED_TEXT;
        }
        return ImportWarning.KindEnum.OTHER;
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b == null || b.isBlank() ? null : b.strip();
    }

}
