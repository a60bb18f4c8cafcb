package org.luoshi.task.importing;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.luoshi.platform.problem.ProblemException;

/**
 * The file of an import request: the raw body ({@code application/octet-stream}, {@code text/plain}), or the
 * {@code file} part of a {@code multipart/form-data} body, whose filename stands in for a missing fileName parameter.
 *
 * @param fileName the file's name, never blank
 * @param content  the file's bytes
 */
record Upload(String fileName, byte[] content) {

    static final String PART = "file";
    /** The longest file name policy_document.source_file holds, as the contract bounds the fileName parameter. */
    private static final int FILE_NAME_MAX = 300;

    static Upload of(MediaType type, byte[] body, String fileName) {
        if (type == null || !type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            return new Upload(required(fileName, null), body);
        }
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/imports",
                Unpooled.wrappedBuffer(body));
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, type.toString());
        HttpPostMultipartRequestDecoder decoder;
        try {
            decoder = new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(false), request, StandardCharsets.UTF_8);
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            throw ProblemException.badRequest("the multipart body cannot be read: " + e.getMessage());
        }
        try {
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (!PART.equals(data.getName())) {
                    continue;
                }
                if (data instanceof FileUpload file) {
                    return new Upload(required(fileName, file.getFilename()), file.get());
                }
                if (data instanceof Attribute field) {
                    return new Upload(required(fileName, null), field.get());
                }
            }
            throw ProblemException.badRequest("the multipart body has no part named '" + PART + "'");
        } catch (IOException | HttpPostRequestDecoder.ErrorDataDecoderException e) {
            throw ProblemException.badRequest("the multipart body cannot be read: " + e.getMessage());
        } finally {
            decoder.destroy();
        }
    }

    private static String required(String parameter, String partFileName) {
        String name = parameter != null && !parameter.isBlank() ? parameter : partFileName;
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("fileName is required: give the fileName parameter"
                    + " (or, in a multipart form, a filename on the file part)");
        }
        String stripped = name.strip();
        if (stripped.length() > FILE_NAME_MAX) {
            // as the fileName parameter is bounded by the contract
            throw ProblemException.badRequest("the file name has " + stripped.length() + " characters; at most "
                    + FILE_NAME_MAX + " are kept: give a shorter fileName parameter");
        }
        return stripped;
    }
}
