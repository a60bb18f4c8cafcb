package org.luoshi.task.importing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.luoshi.platform.idempotency.Idempotency;
import org.luoshi.platform.security.Roles;
import org.luoshi.task.api.ImportsApi;

/**
 * HTTP mapping of the importer: the file comes as the raw body or as the {@code file} part of a multipart form
 * ({@link Upload}). The caller's token is passed on to agency-service for the name resolution.
 */
public class ImportResource implements ImportsApi {

    private final ImportService service;
    private final Idempotency idempotency;

    @Inject
    JsonWebToken token;

    @Inject
    HttpHeaders headers;

    public ImportResource(ImportService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public CompletionStage<Response> importDocument(String jurisdiction, File body, String fileName, String docNumber,
            String title, Boolean dryRun, Boolean replace, String idempotencyKey) {
        Upload upload = Upload.of(headers.getMediaType(), read(body), fileName);
        ImportService.Request request = new ImportService.Request(upload.fileName(), jurisdiction, docNumber, title,
                Boolean.TRUE.equals(dryRun), Boolean.TRUE.equals(replace), token.getRawToken());
        // Idempotency hashes this fingerprint: it names every input that changes the outcome, the file by its digest
        String fingerprint = String.join(" ", request.fileName(), jurisdiction, String.valueOf(docNumber), String.valueOf(title),
                String.valueOf(request.dryRun()), String.valueOf(request.replace()), sha256(upload.content()));
        return idempotency.once(idempotencyKey, "importDocument", fingerprint,
                        () -> service.importFile(request, upload.content())
                                .map(outcome -> Response.status(outcome.created() ? 201 : 200).entity(outcome.report()).build()))
                .subscribeAsCompletionStage();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(File body) {
        try {
            return Files.readAllBytes(body.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
