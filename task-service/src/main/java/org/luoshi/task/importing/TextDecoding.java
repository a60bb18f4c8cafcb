package org.luoshi.task.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.luoshi.platform.problem.ProblemException;

/** The text of an uploaded file: UTF-8 (with or without BOM) or GB18030 (a superset of GBK), decoded strictly. */
final class TextDecoding {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoding() {
    }

    static String decode(byte[] content) {
        if (content.length == 0) {
            throw ProblemException.badRequest("the file is empty");
        }
        for (byte b : content) {
            if (b == 0) {
                throw new ProblemException(415, "unsupported-file", "Not a text file",
                        "the file contains NUL bytes: send the document as text (UTF-8, GBK or GB18030)");
            }
        }
        String text = strict(content, StandardCharsets.UTF_8);
        if (text == null) {
            text = strict(content, GB18030);
        }
        if (text == null) {
            throw new ProblemException(415, "unsupported-encoding", "Unsupported encoding",
                    "the file is neither UTF-8 nor GBK/GB18030 text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String strict(byte[] content, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
